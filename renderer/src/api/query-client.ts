// The renderer's server state: one TanStack Query cache per page. Every read of the core goes
// through a query keyed by what it reads, so a write invalidates exactly the queries it affects
// (an annotation's save: the panel's list, the table's counts, the dashboard) wherever they are
// shown. Keys start with the feature: ['annotations', …], ['table', …], ['dashboard', …].
import { QueryClient } from '@tanstack/react-query';
import { ApiCallError } from './api-call-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The core is local and the only writer is this app: data is fresh until a write
        // invalidates it, not after a timer.
        staleTime: Infinity,
        // A refused call (bad request, not found, unauthorized) will be refused again; only an
        // unreachable host is worth one more try.
        retry: (failures, error) => failures < 1 && error instanceof ApiCallError && error.code === 'UNREACHABLE',
        refetchOnWindowFocus: false,
      },
      // Writes are never retried blindly: a retried save could land twice or on a newer revision.
      mutations: { retry: false },
    },
  });
}
