// The dashboard: one plan's themes by status, or every plan's totals; deadlines coming and passed.

/** Initiatives counted by status, and the reader's notes and highlights on them. */
export interface DashboardCounts {
  /** Count per status key; `none` counts initiatives without a status. */
  byStatus: Record<string, number>;
  notes: number;
  highlights: number;
}

/** A theme of the plan asked for, with its counts. */
export interface DashboardTheme extends DashboardCounts {
  themeId: string;
  planId: string;
  ordinal: number;
  headline: string;
}

/** A plan in the dashboard's scope with its totals. */
export interface DashboardPlan extends DashboardCounts {
  planId: string;
  /** The title the reader sees: their rename of the plan, else its own. */
  title: string;
}

export interface UpcomingDeadline {
  initiativeId: string;
  planId: string;
  /** As DashboardPlan.title: deadlines across plans say which plan they belong to. */
  planTitle: string;
  shortId: string;
  headline: string;
  deadline: string;
  status: string | null;
}

export interface Dashboard {
  /** The plan asked for; null: every plan not in the trash. */
  planId: string | null;
  /** The plans in scope with their totals, by title (one when a plan was asked for). */
  plans: DashboardPlan[];
  /** Plans in the library, not counting the trash (the dashboard offers "all plans" when > 1). */
  planCount: number;
  /** The themes of the plan asked for; empty across plans (plans[] has the totals). */
  themes: DashboardTheme[];
  /** Deadlines on or after `today`, soonest first (at most 10). */
  upcoming: UpcomingDeadline[];
  /** Deadlines before `today` on initiatives not marked done. */
  overdue: UpcomingDeadline[];
  /** Initiatives in scope with a deadline, whatever its date and status (the lists above
   *  leave out passed deadlines on done work and stop at their limit). */
  deadlineCount: number;
}

export interface DashboardMethods {
  /** Without planId: every plan not in the trash. */
  'dashboard.get': { args: { planId?: string; today: string }; result: Dashboard };
}

export const DASHBOARD_METHODS = ['dashboard.get'] as const satisfies readonly (keyof DashboardMethods)[];
