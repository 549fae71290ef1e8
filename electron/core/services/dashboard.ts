// dashboard.get: a plan at a glance — per theme its initiatives by status and the reader's
// notes and highlights, deadlines coming up, deadlines passed on work not done, and how many
// initiatives have a deadline at all. Without a plan: the same across every plan not in the
// trash, counted per plan instead of per theme, each deadline naming its plan.
import type { Dashboard, DashboardCounts, DashboardPlan, DashboardTheme, UpcomingDeadline } from '../../../shared/api/dashboard/methods';
import { isTrashed } from './library/trash';
import { AppError } from '../../../shared/api/result';
import type { Db } from '../db/open';
import { readStatusOptions } from './status-options';
import { shortIdOf } from './table/rows';
import { livePlans, planTitle, type PlanTitle } from './table/plans';
import { readTransaction } from '../db/transaction';

/** The status key under which the dashboard counts initiatives without a status. */
export const NO_STATUS = 'none';
/** The status that takes a passed deadline off the overdue list. */
export const DONE_STATUS = 'done';
export const UPCOMING_LIMIT = 10;

/** Initiatives of the plans in scope: `i.plan_id` in the JSON array bound first. */
const IN_SCOPE = 'i.plan_id IN (SELECT value FROM json_each(?))';

const DEADLINES_SQL = `
  SELECT i.id AS initiativeId, i.plan_id AS planId, t.ordinal AS themeOrdinal, i.ordinal AS ordinal,
    i.headline AS headline, s.deadline AS deadline, s.status AS status
  FROM user_initiative_state s
  JOIN initiatives i ON i.id = s.initiative_id
  JOIN themes t ON t.id = i.theme_id
  WHERE ${IN_SCOPE} AND s.deadline IS NOT NULL AND %CONDITION%
  ORDER BY s.deadline, i.plan_id, t.ordinal, i.ordinal`;

type DeadlineRow = Omit<UpcomingDeadline, 'shortId' | 'planTitle'> & { themeOrdinal: number; ordinal: number };

export function getDashboard(db: Db, planId: string | undefined, today: string): Dashboard {
  return readTransaction(db, () => {
    const live = livePlans(db);
    let plans: PlanTitle[] = live;
    if (planId !== undefined) {
      const plan = planTitle(db, planId);
      if (!plan) throw new AppError('NOT_FOUND', `No plan with id ${planId}`);
      if (isTrashed(db, planId)) throw new AppError('NOT_FOUND', `Plan ${planId} is in the trash; restore it to see its dashboard`);
      plans = [plan];
    }
    const scope = JSON.stringify(plans.map((p) => p.id));
    const statusKeys = readStatusOptions(db).map((o) => o.key);
    const zero = (): DashboardCounts => ({
      byStatus: Object.fromEntries([...statusKeys, NO_STATUS].map((k) => [k, 0])),
      notes: 0,
      highlights: 0,
    });

    const byPlan = new Map<string, DashboardPlan>(plans.map((p) => [p.id, { planId: p.id, title: p.title, ...zero() }]));
    const byTheme = new Map<string, DashboardTheme>();
    if (planId !== undefined) {
      const themes = db
        .prepare('SELECT id AS themeId, plan_id AS planId, ordinal, headline FROM themes WHERE plan_id = ? ORDER BY ordinal')
        .all(planId) as Pick<DashboardTheme, 'themeId' | 'planId' | 'ordinal' | 'headline'>[];
      for (const t of themes) byTheme.set(t.themeId, { ...t, ...zero() });
    }
    const add = (counts: DashboardCounts | undefined, c: { status?: string | null; kind?: 'highlight' | 'note'; n: number }) => {
      if (!counts) return;
      if (c.kind === 'note') counts.notes += c.n;
      else if (c.kind === 'highlight') counts.highlights += c.n;
      else {
        const key = c.status ?? NO_STATUS;
        counts.byStatus[key] = (counts.byStatus[key] ?? 0) + c.n;
      }
    };

    const statusCounts = db
      .prepare(
        `SELECT i.plan_id AS planId, i.theme_id AS themeId, s.status AS status, count(*) AS n FROM initiatives i
         LEFT JOIN user_initiative_state s ON s.initiative_id = i.id
         WHERE ${IN_SCOPE} GROUP BY i.plan_id, i.theme_id, s.status`,
      )
      .all(scope) as { planId: string; themeId: string; status: string | null; n: number }[];
    for (const c of statusCounts) {
      add(byPlan.get(c.planId), c);
      add(byTheme.get(c.themeId), c);
    }
    const annotationCounts = db
      .prepare(
        `SELECT i.plan_id AS planId, i.theme_id AS themeId, a.kind AS kind, count(*) AS n FROM user_annotations a
         JOIN initiatives i ON i.id = a.item_id
         WHERE a.deleted_at IS NULL AND ${IN_SCOPE} GROUP BY i.plan_id, i.theme_id, a.kind`,
      )
      .all(scope) as { planId: string; themeId: string; kind: 'highlight' | 'note'; n: number }[];
    for (const c of annotationCounts) {
      add(byPlan.get(c.planId), c);
      add(byTheme.get(c.themeId), c);
    }

    const toDeadline = ({ themeOrdinal, ordinal, ...r }: DeadlineRow): UpcomingDeadline => ({
      ...r,
      planTitle: byPlan.get(r.planId)?.title ?? r.planId,
      shortId: shortIdOf(themeOrdinal, ordinal),
    });
    const upcoming = db
      .prepare(`${DEADLINES_SQL.replace('%CONDITION%', 's.deadline >= ?')} LIMIT ${UPCOMING_LIMIT}`)
      .all(scope, today) as DeadlineRow[];
    const overdue = db
      .prepare(DEADLINES_SQL.replace('%CONDITION%', 's.deadline < ? AND (s.status IS NULL OR s.status <> ?)'))
      .all(scope, today, DONE_STATUS) as DeadlineRow[];
    const { deadlineCount } = db
      .prepare(
        `SELECT count(*) AS deadlineCount FROM user_initiative_state s
         JOIN initiatives i ON i.id = s.initiative_id
         WHERE ${IN_SCOPE} AND s.deadline IS NOT NULL`,
      )
      .get(scope) as { deadlineCount: number };
    return {
      planId: planId ?? null,
      plans: [...byPlan.values()],
      planCount: live.length,
      themes: [...byTheme.values()],
      upcoming: upcoming.map(toDeadline),
      overdue: overdue.map(toDeadline),
      deadlineCount,
    };
  });
}
