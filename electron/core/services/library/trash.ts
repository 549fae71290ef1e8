// Which plans are in the reader's trash: the table, the dashboard and plan.list leave them out
// (the library lists them under its trash). Kept apart from library.ts so that those services
// can ask without depending on the library's own.
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';

export function trashedPlanIds(db: Db): string[] {
  return prepared(db, 'SELECT plan_id AS planId FROM user_plan_state WHERE trashed_at IS NOT NULL')
    .all()
    .map((r) => (r as { planId: string }).planId);
}

export function isTrashed(db: Db, planId: string): boolean {
  return prepared(db, 'SELECT 1 AS found FROM user_plan_state WHERE plan_id = ? AND trashed_at IS NOT NULL').get(planId) !== undefined;
}
