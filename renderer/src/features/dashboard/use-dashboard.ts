// Loads what the dashboard draws: dashboard.get for the plan (or for every plan) as of the
// reader's local today, and the configured statuses (their order and labels). Both at once, as
// one query (['dashboard', scope, planId, today]): a write that changes the figures invalidates
// ['dashboard'] and it refetches with the old figures still drawn; one retry for both.
import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../shared/api/contract';
import type { StatusOption } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';
import { localDay } from '../../../../shared/text/printed-date';

export type DashboardState =
  | { status: 'loading' }
  | { status: 'ready'; dashboard: Dashboard; options: StatusOption[]; today: string }
  | { status: 'error'; error: unknown };

/** The open plan, or every plan not in the trash. */
export type DashboardScope = 'plan' | 'all';

export function useDashboard(client: ApiClient, planId: string, scope: DashboardScope = 'plan'): { state: DashboardState; retry(): void } {
  const today = localDay();
  // Keyed by plan and scope, without placeholder data: another plan's figures never show while
  // this one's load.
  const query = useQuery({
    queryKey: ['dashboard', scope, scope === 'plan' ? planId : null, today],
    queryFn: async () => {
      const args = scope === 'plan' ? { planId, today } : { today };
      const [dashboard, { options }] = await Promise.all([client.call('dashboard.get', args), client.call('status.options', {})]);
      return { dashboard, options, today };
    },
  });
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  // A retry shows loading again, as before (not the old error while it runs).
  const state: DashboardState = query.data
    ? { status: 'ready', ...query.data }
    : query.error && !query.isFetching
      ? { status: 'error', error: query.error }
      : { status: 'loading' };
  return { state, retry };
}
