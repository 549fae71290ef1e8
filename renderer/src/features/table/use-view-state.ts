// The table's current (unsaved) view state and scope: read once from settings 'ui.tableState' so
// the table opens as the reader left it, and written back (debounced) whenever they change.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client';
import { settingQueryKey } from '../../load-start';
import { storedOrDefault, storedTableJson, type StoredTable } from './view-state';

const PERSIST_DELAY_MS = 400;

/** The stored state, or the default when there is none or it cannot be read; null while loading.
 *  The start data put it in the query cache (load-start.ts), so the first open asks for
 *  nothing before its rows; without it (a table shown on its own) it is read from settings. */
export function useStoredTable(client: ApiClient): StoredTable | null {
  const queryClient = useQueryClient();
  const [stored, setStored] = useState<StoredTable | null>(() => {
    const known = queryClient.getQueryData<string | null>(TABLE_STATE_KEY);
    return known === undefined ? null : storedOrDefault(known);
  });
  const known = stored !== null;
  useEffect(() => {
    if (known) return;
    let cancelled = false;
    queryClient.fetchQuery({ queryKey: TABLE_STATE_KEY, queryFn: () => client.call('settings.get', { key: 'ui.tableState' }) }).then(
      (json) => {
        if (!cancelled) setStored(storedOrDefault(json));
      },
      () => {
        // The table still works without the last state; it opens with the default.
        if (!cancelled) setStored(storedOrDefault(null));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, queryClient, known]);
  return stored;
}

const TABLE_STATE_KEY = settingQueryKey('ui.tableState');


/**
 * Writes the state to settings after it settles. UI state: a failed write is not worth an error.
 * A change still waiting when the page goes away (reload, window closed) or the table closes
 * (another view opened) is written at once: the delay must never undo the reader's last change.
 */
export function usePersistTable(client: ApiClient, stored: StoredTable): void {
  const queryClient = useQueryClient();
  // Once per change of the state, not on every render (scrolling re-renders the table's view).
  const json = useMemo(() => storedTableJson(stored), [stored]);
  const written = useRef(json);
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    pending.current = null;
    if (json === written.current) return;
    const write = () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', write);
      pending.current = null;
      written.current = json;
      // The next open of the table in this page starts from it without asking (useStoredTable).
      queryClient.setQueryData(TABLE_STATE_KEY, json);
      client.call('settings.set', { key: 'ui.tableState', value: json }).catch(() => undefined);
    };
    const timer = setTimeout(write, PERSIST_DELAY_MS);
    window.addEventListener('pagehide', write);
    pending.current = write;
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', write);
    };
  }, [client, queryClient, json]);
  useEffect(() => () => pending.current?.(), []);
}

/** How many plans are loaded: the scope choice only shows when there is more than one. Asked
 *  once `ready` (the first rows are in) and the page is idle: listing the plans takes the host
 *  tens of milliseconds at thousands of plans, which the first rows must not wait behind. */
export function usePlanCount(client: ApiClient, ready: boolean): number {
  const [count, setCount] = useState(1);
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    const ask = () =>
      client.call('plan.list', {}).then(
        (plans) => {
          if (!cancelled) setCount(plans.filter((p) => !p.supersededBy).length);
        },
        () => undefined,
      );
    // Once the first rows are painted: its answer (450 KB at 2,000 plans, parsed on this thread)
    // came in before their frame and held their paint back by a few hundred ms under load.
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => void ask(), 0);
      return () => {
        cancelled = true;
        clearTimeout(timer);
      };
    }
    const id = requestIdleCallback(() => void ask(), { timeout: 1000 });
    return () => {
      cancelled = true;
      cancelIdleCallback(id);
    };
  }, [client, ready]);
  return count;
}
