// app.start: what a window needs before its first screen, in one call and one snapshot (every
// reader setting and the current plan's outline), instead of the plan list and the settings side
// by side and then the outline after them. The current plan is picked as pickCurrentPlan picks
// it from plan.list, but in SQL: listing every plan with its counts takes tens of milliseconds
// and hundreds of KB at a few thousand plans, and the first screen needs none of it.
import type { AppStart } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { readTransaction } from '../db/transaction';
import { getPlanOutline } from './plans';
import { getAllSettings } from './settings';
import { supersededSql } from './versions/lineage';

export function appStart(db: Db): AppStart {
  return readTransaction(db, () => {
    const settings = getAllSettings(db);
    const current = currentPlanId(db, settings['ui.currentPlan']);
    return { settings, outline: current ? getPlanOutline(db, current) : null };
  });
}

/** The remembered plan while it is in the library (not in the trash), else the first plan
 *  plan.list lists that is not an earlier version (newest first), else null. */
function currentPlanId(db: Db, remembered: string | null): string | null {
  const inLibrary = 'FROM plans p LEFT JOIN user_plan_state s ON s.plan_id = p.id WHERE s.trashed_at IS NULL';
  if (remembered !== null) {
    const kept = prepared(db, `SELECT p.id ${inLibrary} AND p.id = ?`).get(remembered) as { id: string } | undefined;
    if (kept) return kept.id;
  }
  const first = prepared(db, `SELECT p.id ${inLibrary} AND NOT ${supersededSql('p')} ORDER BY p.published_at DESC, p.id LIMIT 1`).get() as
    | { id: string }
    | undefined;
  return first?.id ?? null;
}
