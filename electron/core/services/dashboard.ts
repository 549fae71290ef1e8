// dashboard.get: a plan at a glance — per theme its initiatives by status and the reader's
// notes and highlights, deadlines coming up, deadlines passed on work not done, and how many
// initiatives have a deadline at all.
import type { Dashboard, DashboardTheme, UpcomingDeadline } from '../../../shared/api/contract';
import { isTrashed } from './library/trash';
import { AppError } from '../../../shared/api/result';
import type { Db } from '../db/open';
import { hasPlan } from '../plan/store';
import { readStatusOptions } from './status-options';
import { shortIdOf } from './table/rows';
import { readTransaction } from '../db/transaction';

/** The status key under which the dashboard counts initiatives without a status. */
export const NO_STATUS = 'none';
/** The status that takes a passed deadline off the overdue list. */
export const DONE_STATUS = 'done';
export const UPCOMING_LIMIT = 10;

const DEADLINES_SQL = `
  SELECT i.id AS initiativeId, t.ordinal AS themeOrdinal, i.ordinal AS ordinal, i.headline AS headline,
    s.deadline AS deadline, s.status AS status
  FROM user_initiative_state s
  JOIN initiatives i ON i.id = s.initiative_id
  JOIN themes t ON t.id = i.theme_id
  WHERE i.plan_id = ? AND s.deadline IS NOT NULL AND %CONDITION%
  ORDER BY s.deadline, t.ordinal, i.ordinal`;

type DeadlineRow = Omit<UpcomingDeadline, 'shortId'> & { themeOrdinal: number; ordinal: number };

const toDeadline = ({ themeOrdinal, ordinal, ...r }: DeadlineRow): UpcomingDeadline => ({
  ...r,
  shortId: shortIdOf(themeOrdinal, ordinal),
});

export function getDashboard(db: Db, planId: string, today: string): Dashboard {
  return readTransaction(db, () => {
    if (!hasPlan(db, planId)) throw new AppError('NOT_FOUND', `No plan with id ${planId}`);
    if (isTrashed(db, planId)) throw new AppError('NOT_FOUND', `Plan ${planId} is in the trash; restore it to see its dashboard`);
    const statusKeys = readStatusOptions(db).map((o) => o.key);
    const themes = db
      .prepare('SELECT id AS themeId, ordinal, headline FROM themes WHERE plan_id = ? ORDER BY ordinal')
      .all(planId) as Pick<DashboardTheme, 'themeId' | 'ordinal' | 'headline'>[];
    const byTheme = new Map<string, DashboardTheme>(
      themes.map((t) => [
        t.themeId,
        { ...t, byStatus: Object.fromEntries([...statusKeys, NO_STATUS].map((k) => [k, 0])), notes: 0, highlights: 0 },
      ]),
    );
    const statusCounts = db
      .prepare(
        `SELECT i.theme_id AS themeId, s.status AS status, count(*) AS n FROM initiatives i
         LEFT JOIN user_initiative_state s ON s.initiative_id = i.id
         WHERE i.plan_id = ? GROUP BY i.theme_id, s.status`,
      )
      .all(planId) as { themeId: string; status: string | null; n: number }[];
    for (const c of statusCounts) {
      const theme = byTheme.get(c.themeId)!;
      const key = c.status ?? NO_STATUS;
      theme.byStatus[key] = (theme.byStatus[key] ?? 0) + c.n;
    }
    const annotationCounts = db
      .prepare(
        `SELECT i.theme_id AS themeId, a.kind AS kind, count(*) AS n FROM user_annotations a
         JOIN initiatives i ON i.id = a.initiative_id
         WHERE i.plan_id = ? GROUP BY i.theme_id, a.kind`,
      )
      .all(planId) as { themeId: string; kind: 'highlight' | 'note'; n: number }[];
    for (const c of annotationCounts) {
      const theme = byTheme.get(c.themeId)!;
      if (c.kind === 'note') theme.notes = c.n;
      else theme.highlights = c.n;
    }
    const upcoming = db
      .prepare(`${DEADLINES_SQL.replace('%CONDITION%', 's.deadline >= ?')} LIMIT ${UPCOMING_LIMIT}`)
      .all(planId, today) as DeadlineRow[];
    const overdue = db
      .prepare(DEADLINES_SQL.replace('%CONDITION%', 's.deadline < ? AND (s.status IS NULL OR s.status <> ?)'))
      .all(planId, today, DONE_STATUS) as DeadlineRow[];
    const { deadlineCount } = db
      .prepare(
        `SELECT count(*) AS deadlineCount FROM user_initiative_state s
         JOIN initiatives i ON i.id = s.initiative_id
         WHERE i.plan_id = ? AND s.deadline IS NOT NULL`,
      )
      .get(planId) as { deadlineCount: number };
    return {
      planId,
      themes: [...byTheme.values()],
      upcoming: upcoming.map(toDeadline),
      overdue: overdue.map(toDeadline),
      deadlineCount,
    };
  });
}
