// The plan's unofficial English, through the query cache (['translation', planId, 'en']), fetched
// once per plan and again when `version` changes (a translation was attached: the cached one is
// invalidated). A failure or a plan without one is "missing": the reading views then show the
// Chinese with a note instead of failing. Until it is wanted (see the Shell) it is "loading".
// Wanted but not shown (a reader of the Chinese alone, on the reading view) it is fetched into
// the cache without this hook following it: its arrival would re-render the whole reading tree
// for nothing it draws. Shown later (a switch of reading mode, the table), it is there at once.
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { TranslationState } from './reading-context';

export const translationKey = (planId: string) => ['translation', planId, 'en'] as const;
/** The key followed while the English is not shown: nothing is ever fetched under it. */
const NOT_FOLLOWED = ['translation', 'not followed'] as const;

/**
 * wanted: false puts off asking (the query stays "loading" until it is wanted);
 * followed: false fetches it when wanted but does not re-render on its arrival (it reads "loading").
 */
export function usePlanTranslation(client: ApiClient, planId: string | null, version = 0, wanted = true, followed = true): TranslationState {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: followed ? translationKey(planId ?? '') : NOT_FOLLOWED,
    queryFn: () => fetchTranslation(client, planId!),
    enabled: planId !== null && wanted && followed,
  });

  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void queryClient.invalidateQueries({ queryKey: ['translation'] });
  }, [queryClient, version]);

  // Wanted, not followed: into the cache only (again after an invalidation: it is stale then).
  useEffect(() => {
    if (planId === null || !wanted || followed) return;
    void queryClient.prefetchQuery({ queryKey: translationKey(planId), queryFn: () => fetchTranslation(client, planId) });
  }, [queryClient, client, planId, wanted, followed, version]);

  return planId !== null && followed && query.data ? query.data : { status: 'loading' };
}

async function fetchTranslation(client: ApiClient, planId: string): Promise<TranslationState> {
  try {
    const translation = await client.call('plan.translation', { planId, language: 'en' });
    return translation ? { status: 'ready', translation } : { status: 'missing' };
  } catch {
    return { status: 'missing' };
  }
}
