// The dashboard: a plan's themes by status, deadlines coming and passed.

/** A theme's initiatives counted by status, and the reader's notes and highlights on it. */
export interface DashboardTheme {
  themeId: string;
  ordinal: number;
  headline: string;
  /** Count per status key; `none` counts initiatives without a status. */
  byStatus: Record<string, number>;
  notes: number;
  highlights: number;
}

export interface UpcomingDeadline {
  initiativeId: string;
  shortId: string;
  headline: string;
  deadline: string;
  status: string | null;
}

export interface Dashboard {
  planId: string;
  themes: DashboardTheme[];
  /** Deadlines on or after `today`, soonest first (at most 10). */
  upcoming: UpcomingDeadline[];
  /** Deadlines before `today` on initiatives not marked done. */
  overdue: UpcomingDeadline[];
  /** Initiatives of the plan with a deadline, whatever its date and status (the lists above
   *  leave out passed deadlines on done work and stop at their limit). */
  deadlineCount: number;
}

export interface DashboardMethods {
  'dashboard.get': { args: { planId: string; today: string }; result: Dashboard };
}

export const DASHBOARD_METHODS = ['dashboard.get'] as const satisfies readonly (keyof DashboardMethods)[];
