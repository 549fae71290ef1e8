// The saved views list and its calls. Errors are kept as a message for the panel; a failed
// save returns false so the panel keeps what the reader typed. Each change names the revision
// of the view as this list has it; a view changed or deleted in another window meanwhile is
// refused, the list takes the stored version, and the panel says so (the reader can then save
// or delete again, knowingly).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { SavedView, TableViewState } from '../../../../shared/domain/table';
import { isStaleWrite } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';

export interface SavedViewsApi {
  views: SavedView[];
  error: string | null;
  save(view: { id?: number; name: string; state: TableViewState }): Promise<boolean>;
  remove(id: number): Promise<boolean>;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** What the table does when a view is stored or deleted (it follows which view is active). */
export interface SavedViewsEvents {
  onSaved?(view: SavedView): void;
  onRemoved?(id: number): void;
}

/** The list is asked for once `ready` (the table: once its first rows are up, so its answer
 *  does not render the grid again before they are painted). */
export function useSavedViews(
  client: ApiClient,
  announce: (message: string) => void,
  events: SavedViewsEvents = {},
  ready = true,
): SavedViewsApi {
  const { onSaved, onRemoved } = events;
  const { t } = useTranslation('table');
  const [views, setViews] = useState<SavedView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(views);
  useEffect(() => {
    latest.current = views;
  });
  const revisionOf = (id: number | undefined) => (id === undefined ? 0 : (latest.current.find((v) => v.id === id)?.revision ?? 0));
  const takeStored = useCallback((id: number, stored: SavedView | null) => {
    setViews((list) => {
      const at = list.findIndex((v) => v.id === id);
      if (stored === null) return list.filter((v) => v.id !== id);
      return at >= 0 ? list.with(at, stored) : [...list, stored];
    });
    setError(t('views.changedElsewhere', { name: stored?.name ?? '' }));
  }, [t]);

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    client.call('view.list', {}).then(
      (list) => {
        if (!cancelled) setViews(list);
      },
      (err: unknown) => {
        if (!cancelled) setError(t('views.loadFailed', { message: messageOf(err) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, t, ready]);

  const save = useCallback<SavedViewsApi['save']>(
    async (view) => {
      try {
        const saved = await client.call('view.save', { ...view, baseRevision: revisionOf(view.id) });
        setViews((list) => {
          const at = list.findIndex((v) => v.id === saved.id);
          return at >= 0 ? list.with(at, saved) : [...list, saved];
        });
        setError(null);
        announce(t('views.savedAs', { name: saved.name }));
        onSaved?.(saved);
        return true;
      } catch (err) {
        if (isStaleWrite(err, 'view.save') && view.id !== undefined) takeStored(view.id, err.current);
        else setError(t('views.saveFailed', { message: messageOf(err) }));
        return false;
      }
    },
    [client, t, announce, takeStored, onSaved],
  );

  const remove = useCallback<SavedViewsApi['remove']>(
    async (id) => {
      try {
        await client.call('view.delete', { id, baseRevision: revisionOf(id) });
        setViews((list) => list.filter((v) => v.id !== id));
        setError(null);
        onRemoved?.(id);
        return true;
      } catch (err) {
        if (isStaleWrite(err, 'view.delete')) takeStored(id, err.current);
        else setError(t('views.saveFailed', { message: messageOf(err) }));
        return false;
      }
    },
    [client, t, takeStored, onRemoved],
  );

  return { views, error, save, remove };
}
