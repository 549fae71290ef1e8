// Saved searches: saving the current one under a name, the list to run again, rename and
// delete. Each is a record with a revision; a rename made on an older revision (another window
// saved first) goes to the conflict dialog, a delete of one changed or deleted elsewhere
// refreshes the list and says so. Nothing is overwritten without the reader choosing it.
import { useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { SavedSearch, SearchFilters } from '../../../../shared/api/search/methods';
import { StaleWriteError } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';
import { ConflictDialog, ConflictValue } from '../conflicts/ConflictDialog';
import { useSavedSearches, useSearchWrites } from './queries';
import { cleanFilters } from './SearchFilters';

/** How many kinds of filter a saved search narrows by (each is run again with it). */
function filterCount(f: SearchFilters): number {
  const f2 = cleanFilters(f);
  return [f2.planIds, f2.allVersions, f2.themeIds, f2.statuses, f2.tags, f2.sources].filter((x) => x !== undefined).length;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The record as stored now, when `err` is the refusal of a stale write of a saved search. */
function staleSaved(err: unknown): { current: SavedSearch | null } | null {
  if (!(err instanceof StaleWriteError)) return null;
  const method = err.method as string;
  if (method !== 'search.saved.save' && method !== 'search.saved.delete') return null;
  return { current: (err.current as SavedSearch | null) ?? null };
}

export function SaveSearchForm({ client, query, onDone }: { client: ApiClient; query: SavedSearch['query']; onDone(): void }) {
  const { t } = useTranslation('search');
  const { save } = useSearchWrites(client);
  const [name, setName] = useState(query.text);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ baseRevision: 0, name: name.trim(), query });
      onDone();
    } catch (err) {
      setError(t('saveFailed', { message: messageOf(err) }));
    }
  };
  return (
    <form
      className="search-save-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <label>
        <span>{t('saveName')}</span>
        <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="search-primary" disabled={name.trim() === '' || save.isPending}>
        {t('saveConfirm')}
      </button>
      <button type="button" onClick={onDone}>
        {t('cancel')}
      </button>
      {error && (
        <p className="search-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

interface Conflict {
  mine: string;
  theirs: SavedSearch;
}

export function SavedSearches({ client, onRun }: { client: ApiClient; onRun(query: { text: string; filters: SearchFilters }): void }) {
  const { t } = useTranslation('search');
  const saved = useSavedSearches(client);
  const { save, remove, refreshSaved } = useSearchWrites(client);
  const [renaming, setRenaming] = useState<{ id: number; name: string; baseRevision: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onStale = (err: unknown, mine: string | null, name: string) => {
    const stale = staleSaved(err);
    if (!stale) return setNotice(t('saveFailed', { message: messageOf(err) }));
    void refreshSaved();
    if (stale.current && mine !== null) setConflict({ mine, theirs: stale.current });
    else setNotice(stale.current ? t('savedChanged', { name }) : t('savedGone'));
  };

  const rename = async (target: { id: number; name: string; baseRevision: number }, entry: SavedSearch) => {
    setNotice(null);
    try {
      await save.mutateAsync({ id: target.id, baseRevision: target.baseRevision, name: target.name.trim(), query: entry.query });
      setRenaming(null);
    } catch (err) {
      onStale(err, target.name.trim(), entry.name);
    }
  };

  const list = saved.data ?? [];
  return (
    <section className="search-panel" aria-labelledby="search-saved-title">
      <h3 id="search-saved-title">{t('saved')}</h3>
      {notice && (
        <p className="search-notice" role="status">
          {notice}
        </p>
      )}
      {list.length === 0 ? (
        <p className="search-none">{t('noSaved')}</p>
      ) : (
        <ul className="search-saved">
          {list.map((entry) => (
            <li key={entry.id} className="search-saved-row">
              {renaming?.id === entry.id ? (
                <form
                  className="search-rename"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(renaming, entry);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      setRenaming(null);
                    }
                  }}
                >
                  <input
                    autoFocus
                    aria-label={t('rename')}
                    value={renaming.name}
                    maxLength={200}
                    onChange={(e) => setRenaming({ ...renaming, name: e.target.value })}
                  />
                  <button type="submit" className="search-primary" disabled={renaming.name.trim() === '' || save.isPending}>
                    {t('renameConfirm')}
                  </button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {t('cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <button type="button" className="search-saved-run" title={t('run')} onClick={() => onRun(entry.query)}>
                    <span className="search-saved-name">{entry.name}</span>
                    <span className="search-saved-text">
                      {entry.query.text}
                      {filterCount(entry.query.filters) > 0 && <span className="search-saved-filters">{t('savedFilters', { count: filterCount(entry.query.filters) })}</span>}
                    </span>
                  </button>
                  <button type="button" className="search-link-button" onClick={() => setRenaming({ id: entry.id, name: entry.name, baseRevision: entry.revision })}>
                    {t('rename')}
                  </button>
                  <button
                    type="button"
                    className="search-link-button search-danger"
                    aria-label={t('deleteTitle', { name: entry.name })}
                    onClick={() => {
                      setNotice(null);
                      remove.mutateAsync({ id: entry.id, baseRevision: entry.revision }).catch((err: unknown) => onStale(err, null, entry.name));
                    }}
                  >
                    {t('delete')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {conflict && (
        <ConflictDialog
          what={t('savedSearch', { name: conflict.theirs.name })}
          theirs={<ConflictValue text={conflict.theirs.name} />}
          mine={<ConflictValue text={conflict.mine} />}
          busy={save.isPending}
          onKeepTheirs={() => {
            setConflict(null);
            setRenaming(null);
          }}
          onOverwrite={() => {
            const { theirs, mine } = conflict;
            setConflict(null);
            void rename({ id: theirs.id, name: mine, baseRevision: theirs.revision }, theirs);
          }}
          onEdit={() => {
            const { theirs, mine } = conflict;
            setConflict(null);
            setRenaming({ id: theirs.id, name: mine, baseRevision: theirs.revision });
          }}
        />
      )}
    </section>
  );
}
