// The plan's unofficial English, fetched once per plan (and again when `version` changes: a
// translation was attached). A failure or a plan without one is "missing": the reading views
// then show the Chinese with a note instead of failing.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { TranslationState } from './reading-context';

export function usePlanTranslation(client: ApiClient, planId: string | null, version = 0): TranslationState {
  const [state, setState] = useState<{ planId: string | null; value: TranslationState }>({
    planId: null,
    value: { status: 'loading' },
  });

  useEffect(() => {
    if (!planId) return;
    let cancelled = false;
    client.call('plan.translation', { planId, language: 'en' }).then(
      (translation) => {
        if (!cancelled) setState({ planId, value: translation ? { status: 'ready', translation } : { status: 'missing' } });
      },
      () => {
        if (!cancelled) setState({ planId, value: { status: 'missing' } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, planId, version]);

  return state.planId === planId ? state.value : { status: 'loading' };
}
