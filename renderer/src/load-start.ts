// What the first screen needs before it can draw: the plan's outline and, on a first open
// (no view in the address), the initiative the reader had open last time.
import type { PlanOutline } from '../../shared/api/contract';
import type { ApiClient } from './api/client';

export interface StartData {
  outline: PlanOutline | null;
  /** The remembered initiative, only if it still exists in the outline. */
  restoreId: string | null;
}

export async function loadStart(client: ApiClient, restore: boolean): Promise<StartData> {
  const plans = await client.call('plan.list', {});
  // One plan is embedded today; with several, a later issue adds a plan picker.
  const first = plans[0];
  if (!first) return { outline: null, restoreId: null };
  const [outline, lastId] = await Promise.all([
    client.call('plan.get', { planId: first.id }),
    restore ? readLastInitiative(client) : Promise.resolve(null),
  ]);
  const exists = lastId !== null && outline.themes.some((t) => t.initiatives.some((i) => i.id === lastId));
  return { outline, restoreId: exists ? lastId : null };
}

async function readLastInitiative(client: ApiClient): Promise<string | null> {
  try {
    return await client.call('settings.get', { key: 'ui.lastInitiative' });
  } catch {
    // Restoring the last view is a convenience: without it the reader starts at the overview.
    return null;
  }
}
