// Loads what the dashboard draws: dashboard.get for the plan (or for every plan) as of the
// reader's local today, and the configured statuses (their order and labels). Both at once; one
// retry for both.
import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../../shared/api/contract';
import type { StatusOption } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';
import { localDate } from './local-date';

export type DashboardState =
  | { status: 'loading' }
  | { status: 'ready'; dashboard: Dashboard; options: StatusOption[]; today: string }
  | { status: 'error'; error: unknown };

/** The open plan, or every plan not in the trash. */
export type DashboardScope = 'plan' | 'all';

type Loaded = { planId: string; scope: DashboardScope; attempt: number; state: DashboardState };

export function useDashboard(client: ApiClient, planId: string, scope: DashboardScope = 'plan'): { state: DashboardState; retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let cancelled = false;
    const today = localDate();
    const args = scope === 'plan' ? { planId, today } : { today };
    Promise.all([client.call('dashboard.get', args), client.call('status.options', {})]).then(
      ([dashboard, { options }]) => {
        if (!cancelled) setLoaded({ planId, scope, attempt, state: { status: 'ready', dashboard, options, today } });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ planId, scope, attempt, state: { status: 'error', error } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, planId, scope, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // An answer for another plan, scope or an earlier attempt is stale: show loading until ours arrives.
  const state: DashboardState =
    loaded && loaded.planId === planId && loaded.scope === scope && loaded.attempt === attempt ? loaded.state : { status: 'loading' };
  return { state, retry };
}
