// Table rows: the plan's text about each initiative (and the title its plan is shown by) joined
// with the reader's fields, tags, annotation counts and the items of the lists it states. The
// columns are one SQL fragment over fixed aliases, so a page can select them in the same
// statement that picks its rows (query-sql.ts) and rows by id select them the same way.
import type { InitiativeRow } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { planTitleSql } from './plans';

/** The columns of a row over i (initiatives), t (its theme), p (its plan) and s (the reader's
 *  state, LEFT JOINed). The per-row subqueries run once for each row the statement returns. */
export const ROW_COLUMNS = `
    i.id AS id, i.plan_id AS planId, ${planTitleSql('p')} AS planTitle, i.theme_id AS themeId, t.ordinal AS themeOrdinal,
    t.headline AS themeHeadline, i.ordinal AS ordinal, i.numeral AS numeral, i.headline AS headline,
    s.status AS status, s.priority AS priority, s.lead_unit AS leadUnit,
    s.responsible_units AS responsibleUnits, s.deadline AS deadline, s.progress_note AS progressNote,
    s.touched_at AS touchedAt, coalesce(s.revision, 0) AS revision,
    (SELECT count(*) FROM user_annotations a WHERE a.item_id = i.id AND a.kind = 'highlight' AND a.deleted_at IS NULL) AS highlightCount,
    (SELECT count(*) FROM user_annotations a WHERE a.item_id = i.id AND a.kind = 'note' AND a.deleted_at IS NULL) AS noteCount,
    (SELECT json_group_array(g.tag ORDER BY g.rowid) FROM user_initiative_tags g WHERE g.initiative_id = i.id) AS tags,
    (SELECT json_group_array(li.text ORDER BY l.ordinal, li.ordinal)
       FROM plan_lists l JOIN list_items li ON li.list_id = l.id WHERE l.initiative_id = i.id) AS industries`;

/** The joins ROW_COLUMNS needs after `initiatives i` (t, p and s). */
export const ROW_JOINS = `JOIN themes t ON t.id = i.theme_id
  JOIN plans p ON p.id = i.plan_id
  LEFT JOIN user_initiative_state s ON s.initiative_id = i.id`;

const rowsByIdSql = `
  SELECT ${ROW_COLUMNS}
  FROM json_each(?) j
  JOIN initiatives i ON i.id = j.value
  ${ROW_JOINS}
  ORDER BY j.key`;

export function shortIdOf(themeOrdinal: number, ordinal: number): string {
  return `T${themeOrdinal}·I${ordinal}`;
}

/** Selected rows as the API gives them. Each row object is completed in place: copying them
 *  (rest and spread) cost as much as the statement itself. */
export function toRows(raw: unknown[]): InitiativeRow[] {
  for (const r of raw as Record<string, unknown>[]) {
    r.shortId = shortIdOf(r.themeOrdinal as number, r.ordinal as number);
    r.tags = JSON.parse(r.tags as string) as string[];
    r.industries = JSON.parse(r.industries as string) as string[];
  }
  return raw as InitiativeRow[];
}

/** Rows for the ids that exist, in the order given (unknown ids are left out). */
export function readRows(db: Db, ids: readonly string[]): InitiativeRow[] {
  if (ids.length === 0) return [];
  return toRows(prepared(db, rowsByIdSql).all(JSON.stringify(ids)));
}
