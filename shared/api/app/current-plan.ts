// Which plan a window shows: the renderer picks with this after the library changes; the core's
// app.start picks the same in SQL at start (without listing every plan), and its tests hold the
// two to the same answer.
import type { PlanSummary } from '../plans/methods';

/** The remembered plan while it is still in the library, else the first one (null: no plans). */
export function pickCurrentPlan(plans: readonly PlanSummary[], remembered: string | null): string | null {
  if (remembered && plans.some((p) => p.id === remembered)) return remembered;
  // Not an earlier version of a plan: the reader reads those only when they pick one.
  return plans.find((p) => !p.supersededBy)?.id ?? null;
}
