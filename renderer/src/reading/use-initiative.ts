// The initiative the route names, loaded on demand through the query cache (['initiative', id]:
// a save of its fields invalidates it); each one opened is remembered ('ui.lastInitiative') so
// the next launch can return to it.
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InitiativeDetail } from '../../../shared/api/contract';
import { ApiCallError } from '../api/api-call-error';
import type { ApiClient } from '../api/client';
import type { Route } from '../routing/hash-route';

export type DetailState = { id: string; detail: InitiativeDetail } | { id: string; error: unknown };

export const initiativeKey = (id: string) => ['initiative', id] as const;

/** Returns the detail for the routed initiative (null while loading or on other routes). */
export function useInitiative(client: ApiClient, route: Route, onFatal: (error: unknown) => void): DetailState | null {
  const id = route.kind === 'initiative' ? route.id : null;
  // Keyed by the id and without placeholder data: another initiative's detail never shows
  // while this one loads. A refetch after a save keeps the detail on screen.
  const query = useQuery({
    queryKey: initiativeKey(id ?? ''),
    queryFn: () => client.call('initiative.get', { initiativeId: id! }),
    enabled: id !== null,
  });

  const fatal = useRef(onFatal);
  useEffect(() => {
    fatal.current = onFatal;
  });
  const unauthorized = query.error instanceof ApiCallError && query.error.code === 'UNAUTHORIZED';
  useEffect(() => {
    if (unauthorized) fatal.current(query.error);
  }, [unauthorized, query.error]);

  // Remembered so the next launch opens here (once per initiative opened); losing it costs
  // nothing but a click.
  const remembered = useRef<string | null>(null);
  const loaded = id !== null && query.data !== undefined;
  useEffect(() => {
    if (!loaded || remembered.current === id) return;
    remembered.current = id;
    client.call('settings.set', { key: 'ui.lastInitiative', value: id }).catch(() => undefined);
  }, [client, id, loaded]);
  useEffect(() => {
    if (id === null) remembered.current = null;
  }, [id]);

  if (id === null) return null;
  if (query.data !== undefined) return { id, detail: query.data };
  if (query.error && !unauthorized) return { id, error: query.error };
  return null;
}
