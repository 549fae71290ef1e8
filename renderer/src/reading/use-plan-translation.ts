// The plan's unofficial English, through the query cache (['translation', planId, 'en']), fetched
// once per plan and again when `version` changes (a translation was attached: the cached one is
// invalidated). A failure or a plan without one is "missing": the reading views then show the
// Chinese with a note instead of failing. Until it is wanted (see the Shell) it is "loading".
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { TranslationState } from './reading-context';

export const translationKey = (planId: string) => ['translation', planId, 'en'] as const;

/** wanted: false puts off asking (the query stays "loading" until it is wanted). */
export function usePlanTranslation(client: ApiClient, planId: string | null, version = 0, wanted = true): TranslationState {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: translationKey(planId ?? ''),
    queryFn: async (): Promise<TranslationState> => {
      try {
        const translation = await client.call('plan.translation', { planId: planId!, language: 'en' });
        return translation ? { status: 'ready', translation } : { status: 'missing' };
      } catch {
        return { status: 'missing' };
      }
    },
    enabled: planId !== null && wanted,
  });

  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void queryClient.invalidateQueries({ queryKey: ['translation'] });
  }, [queryClient, version]);

  return planId !== null && query.data ? query.data : { status: 'loading' };
}
