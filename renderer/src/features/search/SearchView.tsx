// Search everywhere (#/search, Ctrl+Shift+F): results as the reader types — asked at once, one
// request in flight at most and only the newest text asked after it (useTypedSearch), each
// answer shown only for the text it was asked for — in a virtual list that asks for the next
// page as the reader scrolls near its end and keeps only the rows near the viewport in the DOM;
// hits grouped by plan with their snippets and matches marked; filters; ↑/↓, Page Up/Down,
// Ctrl+Home/End and Enter from the box (the box keeps focus, the chosen row is its active
// descendant and is scrolled into view); opening a result shows the item with the find bar
// looking for the same words. With an empty box: recent and saved searches. The text and
// filters are kept while the reader opens a result and comes back.
import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { PlanOutline } from '../../../../shared/api/contract';
import type { SearchFilters, SearchHit, SearchResult, SearchSource } from '../../../../shared/api/search/methods';
import type { ApiClient } from '../../api/client';
import { HTML_LANG } from '../../i18n/i18n';
import { useReading } from '../../reading/reading-context';
import { SearchFiltersBar, cleanFilters } from './SearchFilters';
import { SavedSearches, SaveSearchForm } from './SavedSearches';
import { layoutPages } from './results';
import { useRecentSearches, useSearchWrites, useTypedSearch } from './queries';
import { useSearchUi, type EverywhereQuery } from './search-ui';
import './find/find.css';
import './search.css';

/** First guesses of a row's height; each row is measured once shown. */
const ESTIMATED_HIT = 96;
const ESTIMATED_HEADING = 40;
/** Rows drawn beyond the viewport, for scrolling, once a search's results are on screen. Its
 *  first rows are drawn without them: every row drawn is measured as it mounts, which lays out
 *  all of them before the first paint (about 1 ms of layout a hit, CJK snippets being shaped),
 *  so the rows below the fold come in the frame after. */
const OVERSCAN = 6;
const FIRST_OVERSCAN = 0;
/** The next page is asked for when the last rendered row is this close to the last loaded one. */
const PREFETCH_ROWS = 10;
/** Rows that Page Up / Page Down move by. */
const PAGE_STEP = 8;

/** The browser's measurement, except that a box with no size yet (not laid out) keeps the last one. */
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => {
    if (rect.width > 0 || rect.height > 0) cb(rect);
  });

interface Props {
  client: ApiClient;
  outline: PlanOutline | null;
  /** Opens a result: its item (or its plan's overview), the find bar looking for `text`. */
  onOpenResult(planId: string, itemId: string | null, text: string, source: SearchSource): void;
}

export function SearchView({ client, onOpenResult }: Props) {
  const { t, i18n } = useTranslation('search');
  const ui = useSearchUi();
  // The view's own state (a keystroke re-renders this view only), left with the shell for the
  // next time the view opens.
  const [{ text, filters }, setSearch] = useState<EverywhereQuery>(ui.readEverywhere);
  const { keepEverywhere } = ui;
  useEffect(() => keepEverywhere({ text, filters }), [keepEverywhere, text, filters]);
  const [draft, setDraft] = useState(text);
  const composing = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { asked, results } = useTypedSearch(client, text.trim(), filters);
  const query = asked.text;
  const writes = useSearchWrites(client);
  // The chosen result belongs to the search it was chosen in: a new one starts at the top.
  const [chosen, setChosen] = useState<{ key: unknown; index: number }>({ key: null, index: 0 });
  const [saving, setSaving] = useState(false);
  const listId = useId();
  const titleId = useId();
  const numberFormat = useMemo(() => new Intl.NumberFormat(HTML_LANG[i18n.language === 'en' ? 'en' : 'zh']), [i18n.language]);

  const setText = (next: string) => setSearch((s) => ({ ...s, text: next }));
  // Stable, so the filters bar (memo) does not render again on every keystroke.
  const setFilters = useCallback((next: SearchFilters) => setSearch((s) => ({ ...s, filters: cleanFilters(next) })), []);

  // The box has focus on arrival and whenever Ctrl+Shift+F asks for it again.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [ui.focusRequest]);

  const pages = results.data?.pages;
  const first: SearchResult | undefined = pages?.[0];
  const layout = useMemo(() => layoutPages(pages?.map((p) => p.hits) ?? []), [pages]);
  const { rows, hits: ordered } = layout;
  const stale = results.isPlaceholderData || (text.trim() !== query && text.trim() !== '') || asked.filters !== filters;
  const showResults = text.trim() !== '';
  const more = results.hasNextPage && !stale;
  // At the end of the hits the count is known, whatever the first page estimated.
  const reachedEnd = first !== undefined && !results.hasNextPage && !stale;
  const total = first === undefined ? undefined : reachedEnd ? ordered.length : first.total;
  const totalExact = first === undefined ? true : reachedEnd || first.totalExact;

  const active = chosen.key === first ? chosen.index : 0;
  const activeIndex = Math.min(active, Math.max(ordered.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;
  const activeRow = ordered.length > 0 ? layout.rowOfHit[activeIndex] : undefined;
  const headingRows = useMemo(() => rows.flatMap((r, i) => (r.kind === 'plan' ? [i] : [])), [rows]);
  // The heading of the plan at the top of the viewport, kept at the top of the list (sticky) so
  // a reader deep in the results still sees whose hits they are.
  const stickyRef = useRef<number | undefined>(undefined);
  // The results drawn with the overscan: none until they have been painted (FIRST_OVERSCAN).
  const [paintedFor, setPaintedFor] = useState<SearchResult | undefined>(undefined);
  useEffect(() => {
    if (first === undefined) return;
    // The frame's callback runs before its paint; the task it posts, after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPaintedFor(first))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [first]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    // One more row at the end while more hits may follow: it says they are coming.
    count: rows.length + (more ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'plan' ? ESTIMATED_HEADING : ESTIMATED_HIT),
    getItemKey: (i) => rows[i]?.key ?? 'more',
    overscan: paintedFor === first ? OVERSCAN : FIRST_OVERSCAN,
    // The chosen row stays in the DOM wherever the list is scrolled: it is the box's active
    // descendant, which must name an element.
    rangeExtractor: (range) => {
      stickyRef.current = headingRows.findLast((i) => i <= range.startIndex);
      const shown = new Set(defaultRangeExtractor(range));
      if (activeRow !== undefined) shown.add(activeRow);
      if (stickyRef.current !== undefined) shown.add(stickyRef.current);
      return [...shown].sort((a, b) => a - b);
    },
    initialRect: { width: 900, height: 600 },
    observeElementRect: observeRect,
    // Where nothing is laid out (a test's DOM), keep the estimate rather than a height of 0.
    measureElement: (el) => el.getBoundingClientRect().height || (el.getAttribute('data-kind') === 'plan' ? ESTIMATED_HEADING : ESTIMATED_HIT),
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  // Near the end of what is loaded: the next page. One request at a time, and never for the
  // last search's results still shown while this one's come.
  const { fetchNextPage, isFetchingNextPage, isFetchNextPageError } = results;
  useEffect(() => {
    if (more && !isFetchingNextPage && !isFetchNextPageError && lastShown >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [more, isFetchingNextPage, isFetchNextPageError, lastShown, rows.length, fetchNextPage]);

  // A new search starts at the top of its list.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [first]);

  const choose = (index: number) => {
    if (ordered.length === 0) return;
    const next = Math.max(0, Math.min(index, ordered.length - 1));
    setChosen({ key: first, index: next });
    virtualizer.scrollToIndex(layout.rowOfHit[next]!, { align: 'auto' });
  };

  const open = (hit: SearchHit) => {
    if (query !== '') writes.remember.mutate(query);
    onOpenResult(hit.planId, hit.itemId, query, hit.matches[0]?.source ?? 'plan');
  };

  const setSize = totalExact && total !== undefined ? total : -1;

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
                const step =
                  e.key === 'ArrowDown' ? 1
                  : e.key === 'ArrowUp' ? -1
                  : e.key === 'PageDown' ? PAGE_STEP
                  : e.key === 'PageUp' ? -PAGE_STEP
                  : null;
                if (step !== null) {
                  if (ordered.length === 0) return;
                  e.preventDefault();
                  choose(activeIndex + step);
                } else if ((e.key === 'Home' || e.key === 'End') && (e.ctrlKey || e.metaKey)) {
                  // Plain Home/End keep moving the caret in the box.
                  if (ordered.length === 0) return;
                  e.preventDefault();
                  choose(e.key === 'Home' ? 0 : ordered.length - 1);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  const hit = ordered[activeIndex];
                  if (hit && !stale) open(hit);
                  else if (text.trim() !== '') writes.remember.mutate(text.trim());
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
        {saving && <SaveSearchForm client={client} query={{ text: query, filters: asked.filters }} onDone={() => setSaving(false)} />}
        <SearchFiltersBar client={client} filters={filters} onChange={setFilters} />
      </div>

      {!showResults ? (
        <EmptyBox client={client} onRun={(q) => {
          setDraft(q.text);
          setSearch({ text: q.text, filters: cleanFilters(q.filters) });
          input.current?.focus();
        }} />
      ) : (
        <div
          className="search-results"
          aria-busy={results.isFetching || stale}
          // What the results on screen answer, and whether they are this text's (a bench and
          // the end-to-end tests wait on these rather than on timing).
          data-query={query}
          data-state={stale || (!first && !results.error) ? 'pending' : 'ready'}
        >
          <div className="search-results-head">
            <Summary
              result={first}
              total={total}
              totalExact={totalExact}
              format={(n) => numberFormat.format(n)}
              loading={!first && (results.isFetching || stale)}
              error={first ? null : results.error}
              onRetry={() => void results.refetch()}
              text={query}
            />
            {rows.length > 0 && (
              <p className="search-keys" aria-hidden="true">
                {t('keyboard')}
              </p>
            )}
          </div>
          {/* Laid out (empty) while the first answer is awaited, so the list knows its height when
              the hits come and draws only the rows it shows; hidden once an answer has none. */}
          <div className="search-scroll" ref={scrollRef} hidden={rows.length === 0 && (first !== undefined || results.error !== null)}>
            <div
              id={listId}
              role="listbox"
              aria-label={t('results')}
              className={stale ? 'search-list search-list-stale' : 'search-list'}
              style={{ height: virtualizer.getTotalSize() }}
            >
              {items.map((item) => {
                const row = rows[item.index];
                const sticky = item.index === stickyRef.current && item.start < virtualizer.scrollOffset!;
                return (
                  <div
                    key={item.key}
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    data-kind={row?.kind ?? 'more'}
                    className={sticky ? 'search-row search-row-sticky' : 'search-row'}
                    role="presentation"
                    style={sticky ? undefined : { transform: `translateY(${item.start}px)` }}
                  >
                    {row === undefined ? (
                      <p className="search-loading-more" aria-hidden={!results.isFetchNextPageError}>
                        {results.isFetchNextPageError ? (
                          <>
                            {t('failed', { message: results.error?.message ?? '' })}{' '}
                            <button type="button" className="search-link-button" onClick={() => void fetchNextPage()}>
                              {t('retry')}
                            </button>
                          </>
                        ) : (
                          t('loadingMore')
                        )}
                      </p>
                    ) : row.kind === 'plan' ? (
                      <h3 className="search-group-title" aria-hidden="true">
                        {row.planTitle}
                        {row.version > 1 && <span className="search-version">{t('version', { number: row.version })}</span>}
                      </h3>
                    ) : (
                      <HitRow
                        id={optionId(row.index)}
                        hit={row.hit}
                        plan={row.firstInGroup ? row.hit.planTitle : null}
                        position={row.index + 1}
                        setSize={setSize}
                        selected={row.index === activeIndex}
                        onOpen={() => open(row.hit)}
                        onPoint={() => setChosen({ key: first, index: row.index })}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

interface SummaryProps {
  result: SearchResult | undefined;
  /** The count to show: exact, or the core's estimate until the end of the hits is reached. */
  total: number | undefined;
  totalExact: boolean;
  format(n: number): string;
  loading: boolean;
  error: Error | null;
  onRetry(): void;
  text: string;
}

function Summary(props: SummaryProps) {
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
      {props.total === 0 ? (
        <p>
          <strong>{t('none', { text: props.text })}</strong> <span className="search-hint">{t('noneHint')}</span>
        </p>
      ) : (
        <p>
          <strong>{t(props.totalExact ? 'total' : 'totalAbout', { count: props.total, n: props.format(props.total ?? 0) })}</strong>
        </p>
      )}
      {parts.length > 1 || result.parsed.phrases.length > 0 || result.parsed.excluded.length > 0 ? (
        <p className="search-parsed">{t('readAs', { parts: parts.join(' · ') })}</p>
      ) : null}
    </div>
  );
}

interface HitRowProps {
  id: string;
  hit: SearchHit;
  /** The plan's title, read out with the first hit under its heading (the heading is not). */
  plan: string | null;
  position: number;
  /** -1 while the count is an estimate. */
  setSize: number;
  selected: boolean;
  onOpen(): void;
  onPoint(): void;
}

function HitRow({ id, hit, plan, position, setSize, selected, onOpen, onPoint }: HitRowProps) {
  const { t } = useTranslation('search');
  // Headlines as the reading view shows them (full-width punctuation when chosen); the
  // snippets stay as stored, their marks cut where the match is.
  const { zh } = useReading();
  const heading = hit.itemId ? (
    <>
      {hit.numeral && <span className="search-numeral">{hit.numeral}</span>}
      <span>{hit.headline && zh(hit.headline)}</span>
    </>
  ) : (
    <span>{hit.matches.some((m) => m.field === 'note') ? t('planNote') : t('planTitle')}</span>
  );
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className="search-hit"
      onClick={onOpen}
      onMouseMove={selected ? undefined : onPoint}
    >
      {plan && <span className="search-sr">{t('resultsInPlan', { plan })}</span>}
      <div className="search-hit-head">
        <span className="search-hit-title">{heading}</span>
        {hit.themeHeadline && <span className="search-hit-theme">{zh(hit.themeHeadline)}</span>}
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
