// Read services over plan content.
import type { InitiativeDetail, PlanOutline, PlanSummary, ThemeOutline } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import type { Initiative, Theme } from '../../../shared/domain/plan';
import type { Db } from '../db/open';
import { readLists, readPlanMeta } from '../plan/store';
import { prepared } from '../db/statements';
import { supersededSql } from './versions/lineage';

export function listPlans(db: Db): PlanSummary[] {
  return db
    .prepare(
      `SELECT p.id, coalesce(s.title, p.title) AS title, p.published_at AS publishedAt, p.source, p.author,
         (SELECT count(*) FROM themes t WHERE t.plan_id = p.id) AS themeCount,
         (SELECT count(*) FROM initiatives i WHERE i.plan_id = p.id) AS initiativeCount
       FROM plans p LEFT JOIN user_plan_state s ON s.plan_id = p.id
       -- Plans in the reader's trash are not listed (the library lists them, under its trash),
       -- nor versions superseded by a newer one (the library lists them with their lineage).
       WHERE s.trashed_at IS NULL AND NOT ${supersededSql('p')}
       ORDER BY p.published_at DESC, p.id`,
    )
    .all() as PlanSummary[];
}

export function getPlanOutline(db: Db, planId: string): PlanOutline {
  const meta = readPlanMeta(db, planId);
  if (!meta) throw new AppError('NOT_FOUND', `No plan with id ${planId}`);
  const themes = prepared(db, 'SELECT id, plan_id AS planId, ordinal, headline FROM themes WHERE plan_id = ? ORDER BY ordinal').all(
    planId,
  ) as Theme[];
  const headings = prepared(db, 'SELECT id, ordinal, numeral, headline FROM initiatives WHERE theme_id = ? ORDER BY ordinal');
  const outline: ThemeOutline[] = themes.map((t) => ({
    ...t,
    initiatives: headings.all(t.id) as ThemeOutline['initiatives'],
  }));
  return { meta, themes: outline, lists: readLists(db, { planId }) };
}

export function getInitiative(db: Db, initiativeId: string): InitiativeDetail {
  const row = db
    .prepare(
      `SELECT i.id, i.theme_id AS themeId, i.ordinal, i.numeral, i.headline, i.body, i.plan_id AS planId,
         t.ordinal AS themeOrdinal, t.headline AS themeHeadline
       FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.id = ?`,
    )
    .get(initiativeId) as
    | (Initiative & { planId: string; themeOrdinal: number; themeHeadline: string })
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No initiative with id ${initiativeId}`);
  const { planId, themeOrdinal, themeHeadline, ...initiative } = row;
  // Reading order across the whole plan: theme order, then initiative order.
  const order = db
    .prepare(
      `SELECT i.id FROM initiatives i JOIN themes t ON t.id = i.theme_id
       WHERE i.plan_id = ? ORDER BY t.ordinal, i.ordinal`,
    )
    .pluck()
    .all(planId) as string[];
  const at = order.indexOf(initiativeId);
  return {
    initiative,
    theme: { id: initiative.themeId, planId, ordinal: themeOrdinal, headline: themeHeadline },
    planId,
    lists: readLists(db, { initiativeId }),
    previousId: order[at - 1] ?? null,
    nextId: order[at + 1] ?? null,
  };
}
