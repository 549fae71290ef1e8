// The initiative the route names, loaded on demand; each one opened is remembered
// ('ui.lastInitiative') so the next launch can return to it.
import { useEffect, useState } from 'react';
import type { InitiativeDetail } from '../../../shared/api/contract';
import { ApiCallError } from '../api/api-call-error';
import type { ApiClient } from '../api/client';
import type { Route } from '../routing/hash-route';

export type DetailState = { id: string; detail: InitiativeDetail } | { id: string; error: unknown };

/** Returns the detail for the routed initiative (null while loading or on other routes). */
export function useInitiative(client: ApiClient, route: Route, onFatal: (error: unknown) => void): DetailState | null {
  const [state, setState] = useState<DetailState | null>(null);
  const id = route.kind === 'initiative' ? route.id : null;

  useEffect(() => {
    if (id === null) return;
    let cancelled = false;
    client.call('initiative.get', { initiativeId: id }).then(
      (detail) => {
        if (cancelled) return;
        setState({ id, detail });
        // Remembered so the next launch opens here; losing it costs nothing but a click.
        client.call('settings.set', { key: 'ui.lastInitiative', value: id }).catch(() => undefined);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiCallError && error.code === 'UNAUTHORIZED') onFatal(error);
        else setState({ id, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, id, onFatal]);

  return id !== null && state?.id === id ? state : null;
}
