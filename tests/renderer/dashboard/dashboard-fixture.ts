// Dashboard answers for component tests, shaped by the contract: the fixture plan's five themes
// with hand-counted statuses, notes, highlights and deadlines (as of TODAY).
import type { Dashboard, DashboardPlan, DashboardTheme, UpcomingDeadline } from '../../../shared/api/contract';
import { DEFAULT_STATUS_OPTIONS, type StatusOption } from '../../../shared/domain/table';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { META, OUTLINE, PLAN_ID } from '../plan-fixture';

export const TODAY = '2025-03-10';
export const STATUS_OPTIONS: StatusOption[] = [...DEFAULT_STATUS_OPTIONS];

const BY_STATUS: Array<Record<string, number>> = [
  { not_started: 1, in_progress: 1, done: 1, watching: 0, none: 0 },
  { done: 2, none: 1 },
  { in_progress: 2, watching: 1 },
  { none: 3 },
  { not_started: 1, done: 1, none: 1 },
];
const NOTES = [2, 0, 5, 0, 1];
const HIGHLIGHTS = [1, 3, 0, 0, 4];

export const THEMES: DashboardTheme[] = OUTLINE.themes.map((theme, i) => ({
  themeId: theme.id,
  planId: PLAN_ID,
  ordinal: theme.ordinal,
  headline: theme.headline,
  byStatus: BY_STATUS[i]!,
  notes: NOTES[i]!,
  highlights: HIGHLIGHTS[i]!,
}));

function deadline(theme: number, initiative: number, date: string, status: string | null): UpcomingDeadline {
  const t = OUTLINE.themes[theme - 1]!;
  const i = t.initiatives[initiative - 1]!;
  return { initiativeId: i.id, planId: PLAN_ID, planTitle: META.title, shortId: `T${theme}·I${initiative}`, headline: i.headline, deadline: date, status };
}

export const UPCOMING: UpcomingDeadline[] = [
  deadline(3, 3, '2025-03-10', 'in_progress'),
  deadline(1, 2, '2025-03-14', 'not_started'),
  deadline(5, 1, '2025-06-30', null),
];
export const OVERDUE: UpcomingDeadline[] = [deadline(2, 1, '2025-01-31', 'in_progress'), deadline(4, 2, '2025-03-07', null)];

/** The five listed deadlines and one more, passed on done work (so on neither list). */
export const DEADLINE_COUNT = 6;

/** A plan's totals: its themes' counts added up. */
export function planTotals(planId: string, title: string, themes: readonly DashboardTheme[]): DashboardPlan {
  const byStatus: Record<string, number> = {};
  for (const t of themes) for (const [k, n] of Object.entries(t.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + n;
  return {
    planId,
    title,
    byStatus,
    notes: themes.reduce((n, t) => n + t.notes, 0),
    highlights: themes.reduce((n, t) => n + t.highlights, 0),
  };
}

export const DASHBOARD: Dashboard = {
  planId: PLAN_ID,
  plans: [planTotals(PLAN_ID, META.title, THEMES)],
  planCount: 1,
  themes: THEMES,
  upcoming: UPCOMING,
  overdue: OVERDUE,
  deadlineCount: DEADLINE_COUNT,
};

const EMPTY_THEMES = THEMES.map((t) => ({ ...t, byStatus: { none: 3 }, notes: 0, highlights: 0 }));
export const EMPTY_DASHBOARD: Dashboard = {
  planId: PLAN_ID,
  plans: [planTotals(PLAN_ID, META.title, EMPTY_THEMES)],
  planCount: 1,
  themes: EMPTY_THEMES,
  upcoming: [],
  overdue: [],
  deadlineCount: 0,
};

/** Enough of the plan's English rendering for headlines in the charts and the list. */
export const TRANSLATION: PlanTranslation = {
  planId: PLAN_ID,
  language: 'en',
  unofficial: true,
  translator: 'test',
  meta: { title: 'Title', lead: [] },
  themes: Object.fromEntries(OUTLINE.themes.map((t) => [t.id, `English theme ${t.ordinal}`])),
  initiatives: Object.fromEntries(
    OUTLINE.themes.flatMap((t) => t.initiatives.map((i) => [i.id, { headline: `English initiative ${t.ordinal}.${i.ordinal}`, body: [] }])),
  ),
  lists: {},
};
