// The current plan: the one the reading view, the table and the dashboard show. Opening another
// loads its outline first and only then switches, so the views never show one plan's outline
// with another's id; the choice is remembered for the next launch (ui.currentPlan). After the
// library changes (a plan trashed, restored, imported) `reconcile` keeps the current plan while
// it is still in the library and otherwise falls back to the first plan, or to none.
import { useCallback, useRef, useState } from 'react';
import { pickCurrentPlan, type PlanOutline } from '../../../../shared/api/contract';
import type { ApiClient } from '../../api/client';

export interface CurrentPlan {
  outline: PlanOutline | null;
  /** Loads the plan and makes it current; rejects (and changes nothing) when it cannot be read. */
  open(planId: string): Promise<void>;
  /** Re-reads the plan list: returns true when the current plan changed. */
  reconcile(): Promise<boolean>;
}

export function useCurrentPlan(client: ApiClient, initial: PlanOutline | null): CurrentPlan {
  const [outline, setOutline] = useState<PlanOutline | null>(initial);
  const currentId = useRef<string | null>(initial?.meta.id ?? null);
  // Only the latest switch may land: an older plan.get answering late is dropped.
  const generation = useRef(0);

  const show = useCallback(
    async (planId: string | null) => {
      const call = ++generation.current;
      const next = planId ? await client.call('plan.get', { planId }) : null;
      if (call !== generation.current) return;
      currentId.current = next?.meta.id ?? null;
      setOutline(next);
      if (next) client.call('settings.set', { key: 'ui.currentPlan', value: next.meta.id }).catch(() => undefined);
    },
    [client],
  );

  const open = useCallback((planId: string) => show(planId), [show]);

  const reconcile = useCallback(async () => {
    const plans = await client.call('plan.list', {});
    const wanted = pickCurrentPlan(plans, currentId.current);
    if (wanted === currentId.current) return false;
    await show(wanted);
    return true;
  }, [client, show]);

  return { outline, open, reconcile };
}
