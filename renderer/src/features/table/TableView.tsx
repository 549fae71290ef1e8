// The initiative table once its saved state is known: view state → core query → virtual rows,
// with TanStack holding sorting, column order/visibility/sizing and row selection.
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { TagCount } from '../../../../shared/api/contract';
import type { InitiativeRow, SavedView, StatusOption, TableColumnId, TableViewState, TextFilterColumn } from '../../../../shared/domain/table';
import { localDay, printedDate } from '../../../../shared/text/printed-date';
import type { FeatureProps } from '../feature-props';
import { useFirstScreen, useFirstScreenSettled } from '../../shell/first-screen';
import { ColumnMenu } from './ColumnMenu';
import { FACET_FILTER_KEY, textColumnSizes, type FacetName, type FacetValue } from './column-specs';
import { activeFilters, FilterChips } from './FilterChips';
import { PRINT_ROW_LIMIT, usePrintAllRows } from './print-all';
import { PrintTable } from './PrintTable';
import { usePrintRunningHeader } from './running-header';
import { SavedViews } from './SavedViews';
import { SelectionBar } from './SelectionBar';
import { TableEnvContext, type TableEnv, type UiLanguage } from './table-env';
import { TableGrid } from './TableGrid';
import { TableStatus } from './TableStatus';
import { Toolbar } from './Toolbar';
import { useDisplayRows } from './use-display-rows';
import { useEditStore } from './use-edit-store';
import { EditConflicts } from '../conflicts/EditConflicts';
import { useGridVirtualizer } from './use-grid-virtualizer';
import { useInitiativeTable } from './use-initiative-table';
import { useNotice } from './use-notice';
import { useRowSelection } from './use-row-selection';
import { useSavedViews } from './use-saved-views';
import { useTableActions } from './use-table-actions';
import { useTableQuery } from './use-table-query';
import { useTagSuggestions } from './use-tag-suggestions';
import { useWindowWidth } from './use-window-width';
import { usePersistTable, usePlanCount } from './use-view-state';
import {
  SELECT_COLUMN,
  defaultViewState,
  displayColumnOrder,
  dropColumn,
  moveColumnAmong,
  normalizeViewState,
  omittedColumns,
  orderFromColumnOrder,
  queryOf,
  sameViewState,
  type StoredTable,
  type TableScope,
} from './view-state';

export interface TableViewProps extends FeatureProps {
  initial: StoredTable;
  statusOptions: readonly StatusOption[];
  industryNames: ReadonlyMap<string, string>;
}

export function TableView(props: TableViewProps) {
  const { client, planId, readingMode, translation, onOpenInitiative, statusOptions, industryNames } = props;
  const { t, i18n } = useTranslation('table');
  const language: UiLanguage = i18n.language === 'en' ? 'en' : 'zh';
  const titleId = useId();
  const [state, setState] = useState<TableViewState>(props.initial.state);
  const [scope, setScope] = useState<TableScope>(props.initial.scope);
  const [activeView, setActiveView] = useState<number | null>(props.initial.activeView ?? null);
  const [unfrozen, setUnfrozen] = useState(props.initial.unfrozen === true);
  usePersistTable(
    client,
    useMemo(() => ({ state, scope, activeView, unfrozen }), [state, scope, activeView, unfrozen]),
  );

  const query = useMemo(() => queryOf(state, planId, scope), [state, planId, scope]);
  // The folded groups' keys: useDisplayRows keeps them, the query's pages ask for them by name.
  const foldedRef = useRef<(string | null)[]>([]);
  const { cache, key, meta, themeLabel, planLabel } = useTableQuery(client, query, foldedRef);
  const total = meta?.total ?? 0;
  // On a page opened on the table the first rows are its first screen (shell/first-screen.ts):
  // committed once the first answer (rows, or the error shown instead) has been rendered.
  const firstScreen = useFirstScreen();
  const answered = cache.loaded || cache.error !== null;
  useEffect(() => {
    if (answered) firstScreen.committed();
  }, [firstScreen, answered]);
  // What the first rows do not show waits until they are painted (the tags offered in the tag
  // editors, the saved views' menu): each answer renders the grid again.
  const settled = useFirstScreenSettled();
  const planCount = usePlanCount(client, meta !== null);
  const { notice, announce, fail, dismiss } = useNotice();
  const edits = useEditStore(client, cache);
  const { display, toggleGroup } = useDisplayRows(meta, state.groupBy, foldedRef);

  const scrollRef = useRef<HTMLDivElement | null>(null);
  const range = useGridVirtualizer(scrollRef, display, cache);
  const { lines: items, scrollToTop } = range;
  // On paper: every row in scope, as a table of its own (print-all.ts, PrintTable).
  const printing = usePrintAllRows(cache, total);
  // A new query starts at the top. Not the first: the box is new, at its top already, and
  // setting its offset would lay the page out before the first rows are drawn.
  const scrolledFor = useRef(key);
  useEffect(() => {
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    scrollToTop();
  }, [key, scrollToTop]);

  // TanStack sees the loaded rows in view; the core did the sorting, filtering and paging.
  const windowRows = useMemo(() => {
    const rows: InitiativeRow[] = [];
    const index = new Map<string, number>();
    for (const item of items) {
      const line = display.at(item.index);
      if (line.kind !== 'row') continue;
      const row = cache.rowAt(line.rowIndex);
      if (row) {
        rows.push(row);
        index.set(row.id, line.rowIndex);
      }
    }
    return { rows, index };
    // cache.version changes whenever rows arrive or change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, display, cache, cache.version]);

  const selection = useRowSelection(client, query, key, cache);
  const omitted = useMemo(() => omittedColumns(scope), [scope]);
  const windowWidth = useWindowWidth();
  const tagSuggestions = useTagSuggestions(client, settled);
  const tagListId = `${titleId}-tags`;
  const table = useInitiativeTable({
    rows: windowRows.rows,
    total,
    state,
    setState,
    rowSelection: selection.state,
    onRowSelectionChange: selection.onChange,
    frozen: !unfrozen,
    omitted,
    defaultSizes: useMemo(() => textColumnSizes(readingMode !== 'zh', windowWidth), [readingMode, windowWidth]),
  });
  const dataColumns = table
    .getVisibleLeafColumns()
    .map((c) => c.id)
    .filter((id): id is TableColumnId => id !== SELECT_COLUMN);

  // Stable while scrolling: cells re-render only when what they show changes.
  const rowIndex = useRef(windowRows.index);
  useEffect(() => {
    rowIndex.current = windowRows.index;
  }, [windowRows]);
  const { toggleRow: toggleSelection, selectAllState, toggleAll } = selection;
  const toggleRow = useCallback(
    (id: string, range: boolean) => toggleSelection(id, rowIndex.current.get(id), range),
    [toggleSelection],
  );
  const env = useMemo<TableEnv>(
    () => ({
      // The cells' and labels' t: the table's, which remembers what it resolved (i18n/remembering-t.ts).
      t,
      language,
      readingMode,
      translation,
      industryNames,
      statusOptions,
      edits,
      openInitiative: onOpenInitiative,
      toggleRow,
      selectAllState,
      toggleAll,
      tagListId,
      refreshTags: tagSuggestions.refresh,
    }),
    [
      t,
      language,
      readingMode,
      translation,
      industryNames,
      statusOptions,
      edits,
      onOpenInitiative,
      toggleRow,
      selectAllState,
      toggleAll,
      tagListId,
      tagSuggestions.refresh,
    ],
  );
  const labelEnv = useMemo(
    () => ({ t, language, readingMode, translation, statusOptions }),
    [t, language, readingMode, translation, statusOptions],
  );

  const setFacet = useCallback(
    (facet: FacetName, values: FacetValue[]) =>
      setState((s) => ({ ...s, filters: { ...s.filters, [FACET_FILTER_KEY[facet]]: values } })),
    [],
  );
  const setText = useCallback(
    (column: TextFilterColumn, value: string) =>
      setState((s) => ({ ...s, filters: { ...s.filters, text: { ...s.filters.text, [column]: value } } })),
    [],
  );
  const clearFilters = useCallback(() => setState((s) => ({ ...s, search: '', filters: {} })), []);
  const reorder = useCallback(
    (change: (order: TableColumnId[]) => TableColumnId[]) =>
      table.setColumnOrder((old) => [SELECT_COLUMN, ...change(orderFromColumnOrder(old))]),
    [table],
  );
  const dropOnColumn = useCallback(
    (id: TableColumnId, target: TableColumnId) => reorder((order) => dropColumn(order, id, target)),
    [reorder],
  );
  const knownLabel = (facet: FacetName, value: FacetValue) =>
    (value === null ? undefined : facet === 'theme' ? themeLabel(value) : facet === 'plan' ? planLabel(value) : undefined) ?? value ?? '';

  // Every printed page names the plan, the day (written as a packet writes it) and the filters
  // in its top margin.
  const filterWords = activeFilters(state, labelEnv, knownLabel, t).map((chip) => chip.text);
  usePrintRunningHeader(
    [scope === 'all' ? t('toolbar.scopeAll') : (planLabel(planId) ?? ''), printedDate(localDay(), language), ...filterWords].filter(Boolean).join(' · '),
  );

  // Scrolling re-renders this view whenever the lines in view change (most frames): what does not change
  // with it is made once per change of its own inputs, not per frame (the column menu builds
  // every column's labels; the tag list one label per tag).
  const columnMenu = useMemo(
    () => (
      <ColumnMenu
        order={orderFromColumnOrder(displayColumnOrder(state, !unfrozen)).filter((id) => !omitted.includes(id))}
        hidden={state.columns.hidden}
        onToggle={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)}
        onMove={(id, step) => reorder((order) => moveColumnAmong(order, id, step, omitted))}
        onReset={() => {
          setState((s) => ({ ...s, columns: defaultViewState().columns }));
          setUnfrozen(false);
        }}
        frozen={!unfrozen}
        onFrozen={(frozen) => setUnfrozen(!frozen)}
      />
    ),
    [state, unfrozen, omitted, table, reorder],
  );

  const actions = useTableActions(client, announce, fail);
  const savedViews = useSavedViews(
    client,
    announce,
    useMemo(
      () => ({
        onSaved: (view: SavedView) => setActiveView(view.id),
        onRemoved: (id: number) => setActiveView((active) => (active === id ? null : active)),
      }),
      [],
    ),
    settled,
  );
  const active = savedViews.views.find((v) => v.id === activeView) ?? null;
  const modified = active !== null && !sameViewState(active.state, state);
  // "Applied view …" is news about the state the view set: once the reader changes it (clears
  // the filters, sorts), the line would be stale; the toolbar still names the view, modified.
  const appliedNotice = useRef<string | null>(null);
  const applyView = (view: SavedView) => {
    setState(normalizeViewState(view.state));
    setActiveView(view.id);
    appliedNotice.current = t('views.applied', { name: view.name });
    announce(appliedNotice.current);
  };
  useEffect(() => {
    if (modified && notice !== null && notice.text === appliedNotice.current) {
      appliedNotice.current = null;
      dismiss();
    }
  }, [modified, notice, dismiss]);

  return (
    <TableEnvContext.Provider value={env}>
      <section className="itable" aria-labelledby={titleId}>
        <h2 id={titleId} className="itable-title">
          {t('title')}
        </h2>
        <Toolbar
          scope={planCount > 1 || scope === 'all' ? scope : null}
          onScope={setScope}
          search={state.search}
          onSearch={(search) => setState((s) => ({ ...s, search }))}
          groupBy={state.groupBy}
          onGroupBy={(groupBy) => setState((s) => ({ ...s, groupBy }))}
          // Pinyin or stroke order sorts Chinese text: with only English shown there is none to sort.
          collation={readingMode === 'en' ? null : state.collation}
          onCollation={(collation) => setState((s) => ({ ...s, collation }))}
          columnMenu={columnMenu}
          savedViews={<SavedViews api={savedViews} current={state} active={active} modified={modified} onApply={applyView} />}
          selectedCount={selection.count}
          onCopy={() => void actions.copyRows(selection.ids, dataColumns, { ...labelEnv, industryNames })}
          onExport={() => void actions.exportCsv(query, dataColumns, language)}
          exporting={actions.exporting}
        />
        <FilterChips
          state={state}
          labels={labelEnv}
          knownLabels={knownLabel}
          onClearSearch={() => setState((s) => ({ ...s, search: '' }))}
          onRemoveFacet={(facet, value) =>
            setFacet(facet, ((state.filters[FACET_FILTER_KEY[facet]] ?? []) as FacetValue[]).filter((v) => v !== value))
          }
          onClearText={(column) => setText(column, '')}
          onClearAll={clearFilters}
        />
        <SelectionBar selection={selection} total={total} totalExact={meta?.totalExact !== false} />
        <TableStatus edits={edits} notice={notice} onDismissNotice={dismiss} cache={cache} />
        <EditConflicts edits={edits} statusOptions={props.statusOptions} />
        {printing && (
          <PrintTable
            cache={cache}
            count={Math.min(total, PRINT_ROW_LIMIT)}
            total={total}
            totalExact={meta?.totalExact !== false}
            columns={dataColumns}
            env={{ ...labelEnv, industryNames }}
          />
        )}
        <TableGrid
          table={table}
          scrollRef={scrollRef}
          range={range}
          display={display}
          cache={cache}
          state={state}
          labels={labelEnv}
          onFacet={setFacet}
          onText={setText}
          onDropColumn={dropOnColumn}
          onToggleGroup={toggleGroup}
          onClearFilters={clearFilters}
          frozen={!unfrozen}
        />
        <TagList id={tagListId} tags={tagSuggestions.tags} />
        <p className="itable-footer">
          <span className="itable-total-line">
            <span className="itable-total">
              {meta
                ? t(meta.totalExact === false ? 'summary.totalAbout' : 'summary.total', { count: total, n: total.toLocaleString(language) })
                : t('summary.loading')}
            </span>
            {/* An estimate (a common term's search, walk.ts in the core): the exact count on request. */}
            {meta?.totalExact === false && (
              <button type="button" className="itable-link-button" onClick={() => void cache.countExactly().catch(() => undefined)}>
                {t('summary.countExactly')}
              </button>
            )}
          </span>
        </p>
      </section>
    </TableEnvContext.Provider>
  );
}

/** The tags offered in the tag editors, each with how often it is used. */
const TagList = memo(function TagList({ id, tags }: { id: string; tags: readonly TagCount[] }) {
  const { t } = useTranslation('table');
  return (
    <datalist id={id}>
      {tags.map(({ tag, count }) => (
        <option key={tag} value={tag} label={t('edit.tagCount', { count })} />
      ))}
    </datalist>
  );
});
