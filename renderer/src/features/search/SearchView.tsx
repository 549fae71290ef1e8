// Search everywhere (#/search, Ctrl+Shift+F): results as the reader types — debounced, each
// answer shown only for the text it was asked for — grouped by plan and item with their
// snippets and matches marked; filters; ↑/↓ and Enter from the box; opening a result shows the
// item with the find bar looking for the same words. With an empty box: recent and saved
// searches. The text and filters are kept while the reader opens a result and comes back.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOutline } from '../../../../shared/api/contract';
import type { SearchFilters, SearchHit, SearchResult, SearchSource } from '../../../../shared/api/search/methods';
import type { ApiClient } from '../../api/client';
import { SearchFiltersBar, cleanFilters } from './SearchFilters';
import { SavedSearches, SaveSearchForm } from './SavedSearches';
import { groupHits, hitKey } from './results';
import { useRecentSearches, useSearchResults, useSearchWrites } from './queries';
import { useSearchUi } from './search-ui';
import './search.css';

/** How long typing pauses before the search runs (each keystroke does not cost a query). */
export const DEBOUNCE_MS = 150;

interface Props {
  client: ApiClient;
  outline: PlanOutline | null;
  /** Opens a result: its item (or its plan's overview), the find bar looking for `text`. */
  onOpenResult(planId: string, itemId: string | null, text: string, source: SearchSource): void;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SearchView({ client, onOpenResult }: Props) {
  const { t } = useTranslation('search');
  const ui = useSearchUi();
  const { text, filters } = ui.everywhere;
  const [draft, setDraft] = useState(text);
  const composing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const results = useSearchResults(client, query, filters);
  const writes = useSearchWrites(client);
  // The chosen result belongs to the search it was chosen in: a new one starts at the top.
  const [chosen, setChosen] = useState<{ key: unknown; index: number }>({ key: null, index: 0 });
  const [saving, setSaving] = useState(false);
  const listId = useId();
  const titleId = useId();

  const setText = (next: string) => ui.setEverywhere({ text: next, filters });
  const setFilters = (next: SearchFilters) => ui.setEverywhere({ text, filters: cleanFilters(next) });

  // The box has focus on arrival and whenever Ctrl+Shift+F asks for it again.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [ui.focusRequest]);

  const pages = results.data?.pages;
  const first: SearchResult | undefined = pages?.[0];
  const hits = useMemo(() => pages?.flatMap((p) => p.hits) ?? [], [pages]);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const ordered = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const active = chosen.key === first ? chosen.index : 0;
  const setActive = (index: number) => setChosen({ key: first, index });
  const activeIndex = Math.min(active, Math.max(ordered.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
    // optionId is derived from listId.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex, listId]);

  const open = (hit: SearchHit) => {
    if (query !== '') writes.remember.mutate(query);
    onOpenResult(hit.planId, hit.itemId, query, hit.matches[0]?.source ?? 'plan');
  };

  const stale = results.isPlaceholderData || (text.trim() !== query && text.trim() !== '');
  const showResults = text.trim() !== '';

  return (
    <section className="search-view" aria-labelledby={titleId}>
      <div className="search-head">
        <h2 id={titleId} className="view-title search-title">
          {t('title')}
        </h2>
        <div className="search-box-row">
          <div className="search-box">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" />
              <path d="M10.4 10.4L14 14" />
            </svg>
            <input
              ref={input}
              type="search"
              role="combobox"
              aria-label={t('box')}
              aria-expanded={showResults && ordered.length > 0}
              aria-controls={listId}
              aria-activedescendant={showResults && ordered.length > 0 ? optionId(activeIndex) : undefined}
              aria-autocomplete="list"
              placeholder={t('placeholder')}
              value={draft}
              data-find-target=""
              onChange={(e) => {
                setDraft(e.target.value);
                if (!composing.current) setText(e.target.value);
              }}
              onCompositionStart={() => (composing.current = true)}
              onCompositionEnd={(e) => {
                composing.current = false;
                setText(e.currentTarget.value);
              }}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing || e.keyCode === 229) return;
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  if (ordered.length === 0) return;
                  e.preventDefault();
                  const by = e.key === 'ArrowDown' ? 1 : -1;
                  setActive((activeIndex + by + ordered.length) % ordered.length);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  const hit = ordered[activeIndex];
                  if (hit && !stale) open(hit);
                  else if (query !== '') writes.remember.mutate(query);
                } else if (e.key === 'Escape' && draft !== '') {
                  e.preventDefault();
                  setDraft('');
                  setText('');
                }
              }}
            />
          </div>
          <button type="button" className="search-save-button" disabled={query === '' || first?.message !== undefined} onClick={() => setSaving(true)}>
            {t('save')}
          </button>
        </div>
        {saving && <SaveSearchForm client={client} query={{ text: query, filters }} onDone={() => setSaving(false)} />}
        <SearchFiltersBar client={client} filters={filters} onChange={setFilters} />
      </div>

      {!showResults ? (
        <EmptyBox client={client} onRun={(q) => {
          setDraft(q.text);
          ui.setEverywhere({ text: q.text, filters: cleanFilters(q.filters) });
          input.current?.focus();
        }} />
      ) : (
        <div className="search-results" aria-busy={results.isFetching || stale}>
          <Summary result={first} shown={hits.length} loading={!first && (results.isFetching || stale)} error={results.error} onRetry={() => void results.refetch()} text={query} />
          {groups.length > 0 && (
            <>
              <p className="search-keys" aria-hidden="true">
                {t('keyboard')}
              </p>
              <div id={listId} role="listbox" aria-label={t('results')} className={stale ? 'search-list search-list-stale' : 'search-list'}>
                {groups.map((group) => (
                  <div key={group.planId} role="group" aria-label={t('resultsInPlan', { plan: group.planTitle })} className="search-group">
                    <h3 className="search-group-title" aria-hidden="true">
                      {group.planTitle}
                      {group.version > 1 && <span className="search-version">{t('version', { number: group.version })}</span>}
                      <span className="search-group-count">{group.hits.length}</span>
                    </h3>
                    {group.hits.map((hit) => {
                      const index = ordered.indexOf(hit);
                      return (
                        <HitRow
                          key={hitKey(hit)}
                          id={optionId(index)}
                          hit={hit}
                          selected={index === activeIndex}
                          onOpen={() => open(hit)}
                          onPoint={() => setActive(index)}
                        />
                      );
                    })}
                  </div>
                ))}
              </div>
              {results.hasNextPage && (
                <button type="button" className="search-more" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                  {results.isFetchingNextPage ? t('searching') : t('more')}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Summary(props: { result: SearchResult | undefined; shown: number; loading: boolean; error: Error | null; onRetry(): void; text: string }) {
  const { t } = useTranslation('search');
  const { result } = props;
  if (props.error)
    return (
      <p className="search-summary search-error" role="alert">
        {t('failed', { message: props.error.message })}{' '}
        <button type="button" className="search-link-button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      </p>
    );
  if (!result)
    return (
      <p className="search-summary" role="status">
        {props.loading ? t('searching') : ''}
      </p>
    );
  if (result.message)
    return (
      <p className="search-summary search-message" role="status">
        {t(`message.${result.message}`)}
      </p>
    );
  const parts = [
    ...result.parsed.terms.map((x) => t('parsedTerm', { text: x })),
    ...result.parsed.phrases.map((x) => t('parsedPhrase', { text: x })),
    ...result.parsed.excluded.map((x) => t('parsedExcluded', { text: x })),
  ];
  return (
    <div className="search-summary" role="status">
      {result.total === 0 ? (
        <p>
          <strong>{t('none', { text: props.text })}</strong> <span className="search-hint">{t('noneHint')}</span>
        </p>
      ) : (
        <p>
          <strong>
            {props.shown < result.total ? t('totalMore', { count: result.total, shown: props.shown }) : t('total', { count: result.total })}
          </strong>
        </p>
      )}
      {parts.length > 1 || result.parsed.phrases.length > 0 || result.parsed.excluded.length > 0 ? (
        <p className="search-parsed">{t('readAs', { parts: parts.join(' · ') })}</p>
      ) : null}
    </div>
  );
}

function HitRow({ id, hit, selected, onOpen, onPoint }: { id: string; hit: SearchHit; selected: boolean; onOpen(): void; onPoint(): void }) {
  const { t } = useTranslation('search');
  const heading = hit.itemId ? (
    <>
      {hit.numeral && <span className="search-numeral">{hit.numeral}</span>}
      <span>{hit.headline}</span>
    </>
  ) : (
    <span>{hit.matches.some((m) => m.field === 'note') ? t('planNote') : t('planTitle')}</span>
  );
  return (
    <div id={id} role="option" aria-selected={selected} className="search-hit" onClick={onOpen} onMouseMove={selected ? undefined : onPoint}>
      <div className="search-hit-head">
        <span className="search-hit-title">{heading}</span>
        {hit.themeHeadline && <span className="search-hit-theme">{hit.themeHeadline}</span>}
      </div>
      <ul className="search-snippets">
        {hit.matches.map((m, i) => (
          <li key={i} className="search-snippet" data-source={m.source}>
            <span className="search-field-label">{t(`field.${m.field}`)}</span>
            <span className="search-snippet-text" lang={m.field.endsWith('_en') ? 'en' : undefined}>
              {m.snippet.map((part, k) => (part.mark ? <mark key={k}>{part.text}</mark> : <span key={k}>{part.text}</span>))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function EmptyBox({ client, onRun }: { client: ApiClient; onRun(query: { text: string; filters: SearchFilters }): void }) {
  const { t } = useTranslation('search');
  const recent = useRecentSearches(client);
  return (
    <div className="search-empty">
      <section className="search-panel" aria-labelledby="search-recent-title">
        <h3 id="search-recent-title">{t('recent')}</h3>
        {recent.data && recent.data.length > 0 ? (
          <ul className="search-recent">
            {recent.data.map((r) => (
              <li key={r.text}>
                <button type="button" className="search-chip" onClick={() => onRun({ text: r.text, filters: {} })}>
                  {r.text}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="search-none">{t('noRecent')}</p>
        )}
      </section>
      <SavedSearches client={client} onRun={onRun} />
      <p className="search-tips">{t('tips')}</p>
    </div>
  );
}
