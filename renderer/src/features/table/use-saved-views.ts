// The saved views list and its calls. Errors are kept as a message for the panel; a failed
// save returns false so the panel keeps what the reader typed.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, TableViewState } from '../../../../shared/domain/table';
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

export function useSavedViews(client: ApiClient, announce: (message: string) => void, events: SavedViewsEvents = {}): SavedViewsApi {
  const { onSaved, onRemoved } = events;
  const { t } = useTranslation('table');
  const [views, setViews] = useState<SavedView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
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
  }, [client, t]);

  const save = useCallback<SavedViewsApi['save']>(
    async (view) => {
      try {
        const saved = await client.call('view.save', view);
        setViews((list) => {
          const at = list.findIndex((v) => v.id === saved.id);
          return at >= 0 ? list.with(at, saved) : [...list, saved];
        });
        setError(null);
        announce(t('views.savedAs', { name: saved.name }));
        onSaved?.(saved);
        return true;
      } catch (err) {
        setError(t('views.saveFailed', { message: messageOf(err) }));
        return false;
      }
    },
    [client, t, announce, onSaved],
  );

  const remove = useCallback<SavedViewsApi['remove']>(
    async (id) => {
      try {
        await client.call('view.delete', { id });
        setViews((list) => list.filter((v) => v.id !== id));
        setError(null);
        onRemoved?.(id);
        return true;
      } catch (err) {
        setError(t('views.saveFailed', { message: messageOf(err) }));
        return false;
      }
    },
    [client, t, onRemoved],
  );

  return { views, error, save, remove };
}
