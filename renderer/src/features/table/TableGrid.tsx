// The grid itself: a sticky header row and the virtual body inside one scroll box (so header
// and rows scroll sideways together). ARIA grid roles with aria-rowcount / aria-rowindex tell
// assistive technology how many rows there are although only those in view exist.
import { memo, useLayoutEffect, type RefObject } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { Table } from '@tanstack/react-table';
import type { InitiativeRow, TableColumnId, TableFilters, TableViewState, TextFilterColumn } from '../../../../shared/domain/table';
import { COLUMN_SPECS, FACET_FILTER_KEY, type FacetName, type FacetValue } from './column-specs';
import { DataRow, frozenProps, PlaceholderRow } from './DataRow';
import type { DisplayRows } from './display-rows';
import { FacetFilter } from './FacetFilter';
import { facetLabel, type FacetLabelEnv } from './facet-labels';
import { GroupHeader, PlaceholderGroupHeader } from './GroupHeader';
import { HeaderCell } from './HeaderCell';
import type { PageCache } from './page-cache';
import { TextFilter } from './TextFilter';
import { ROW_HEIGHT, type GridRange } from './use-grid-virtualizer';
import { hasFilters, SELECT_COLUMN, stickyOffsets } from './view-state';

export interface TableGridProps {
  table: Table<InitiativeRow>;
  scrollRef: RefObject<HTMLDivElement | null>;
  range: GridRange;
  display: DisplayRows;
  cache: PageCache;
  state: TableViewState;
  labels: FacetLabelEnv;
  onFacet(facet: FacetName, values: FacetValue[]): void;
  onText(column: TextFilterColumn, value: string): void;
  onDropColumn(id: TableColumnId, target: TableColumnId): void;
  onToggleGroup(key: string | null): void;
  onClearFilters(): void;
  /** The id and headline columns stick at the left (view-state stickyOffsets). */
  frozen: boolean;
}

export function TableGrid(props: TableGridProps) {
  const { table, scrollRef, range, display, cache, state, labels } = props;
  const { t } = useTranslation('table');
  const columns = table.getVisibleLeafColumns();
  const template = columns.map((c) => `${c.getSize()}px`).join(' ');
  const width = columns.reduce((sum, c) => sum + c.getSize(), 0);
  const printTemplate = printColumns(columns.map((c) => ({ id: c.id, size: c.getSize() })));

  const rowsById = table.getRowModel().rowsById;
  const sizes = columns.map((c) => ({ id: c.id, size: c.getSize() }));
  const sticky = stickyOffsets(sizes, props.frozen);
  const lastSticky = Object.keys(sticky).at(-1);
  const columnsKey = `${columns.map((c) => c.id).join(',')}|${template}|${lastSticky ?? ''}`;
  const shown = cellsShown(sizes, range.firstPaint);

  // Theme groups of several plans name their plan (themes' headlines alone do not say which).
  const acrossPlans = cache.meta?.groupsAcrossPlans === true;
  const groupPlan = (planId: string | undefined, planTitle: string | undefined) =>
    state.groupBy === 'theme' && planId !== undefined && acrossPlans ? (planTitle ?? planId) : undefined;
  const groupLabel = (key: string | null, label: string) =>
    state.groupBy === 'theme'
      ? facetLabel('theme', { value: key, label }, labels)
      : facetLabel('status', { value: key, label }, labels);

  const loaded = cache.loaded;
  const empty = loaded && display.count === 0;
  useScrolledSideways(scrollRef);

  return (
    <div className="itable-scroll" ref={scrollRef}>
      <div
        role="grid"
        aria-label={t('gridLabel')}
        aria-rowcount={display.count + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        // Busy until its rows are whole: while the first rows are drawn, the cells right of the
        // window wait for the frame after (cellsShown).
        aria-busy={!loaded || range.firstPaint || undefined}
        className="itable-grid"
        style={{ width, ['--itable-cols' as string]: template, ['--itable-print-cols' as string]: printTemplate }}
      >
        <GridHeader
          table={table}
          headerKey={`${columnsKey}|${JSON.stringify(table.getState().sorting)}|${table.getState().columnSizingInfo.isResizingColumn}`}
          filters={state.filters}
          cache={cache}
          labels={labels}
          onFacet={props.onFacet}
          onText={props.onText}
          onDropColumn={props.onDropColumn}
          sticky={sticky}
        />
        <div role="rowgroup" className="itable-body" style={{ height: range.totalSize }}>
          {range.lines.map((item) => {
            const line = display.at(item.index);
            if (line.kind === 'group') {
              return (
                <div
                  role="row"
                  key={`g:${item.index}`}
                  aria-rowindex={item.index + 2}
                  data-line={item.index}
                  className="itable-row itable-group-row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {line.group ? (
                    <GroupHeader
                      group={line.group}
                      label={groupLabel(line.group.key, line.group.label)}
                      plan={groupPlan(line.group.planId, line.group.planTitle)}
                      by={state.groupBy === 'status' ? 'status' : 'theme'}
                      collapsed={line.collapsed}
                      colCount={columns.length}
                      onToggle={() => props.onToggleGroup(line.group!.key)}
                    />
                  ) : (
                    <PlaceholderGroupHeader count={line.count} colCount={columns.length} />
                  )}
                </div>
              );
            }
            const data = cache.rowAt(line.rowIndex);
            const row = data ? rowsById[data.id] : undefined;
            return row ? (
              <DataRow
                key={`r:${item.index}:${row.id}`}
                row={row}
                selected={row.getIsSelected()}
                columns={columns}
                columnsKey={columnsKey}
                sticky={sticky}
                shown={shown}
                line={item.index}
                start={item.start}
                height={ROW_HEIGHT}
              />
            ) : (
              <PlaceholderRow
                key={`p:${item.index}`}
                line={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                columns={columns}
                sticky={sticky}
                shown={shown}
              />
            );
          })}
        </div>
      </div>
      {empty && (
        <div className="itable-empty">
          <p>{hasFilters(state) ? t('summary.empty') : t('summary.emptyAll')}</p>
          {hasFilters(state) && (
            <button type="button" className="itable-button" onClick={props.onClearFilters}>
              {t('filter.clearAll')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * How many of the columns, from the left, have their cells drawn. While the first rows are
 * drawn (range.firstPaint), those starting past the window's right edge are left out of the rows
 * (not even an empty gridcell: a sixth of the first paint's elements at 1280 px): a new
 * box is at its left edge and no wider than the window, so the reader cannot see them before
 * the overscan comes, a frame later, with their contents. The window's width, not the box's:
 * reading the box's would lay the page out before the rows are drawn.
 */
function cellsShown(sizes: ReadonlyArray<{ size: number }>, firstPaint: boolean): number {
  if (!firstPaint || typeof window === 'undefined') return sizes.length;
  let left = 0;
  let n = 0;
  while (n < sizes.length && left < window.innerWidth) left += sizes[n++]!.size;
  return n;
}

/**
 * Marks the scroll box (data-scrolled-x) while it is scrolled away from its left edge: only then
 * do the frozen cells stick (table.css). At the left edge a sticky cell sits where it would
 * anyway, yet each one is a layer of its own that the browser composites on every frame: with
 * them sticky, a frame of vertical scrolling cost about three times as long (some 110 of them in
 * view). Set on the element, not through state, so a scroll re-renders nothing. Listening from a
 * layout effect of this child puts the listener before the line range's (its parent's), so
 * scrollLeft is read before that one re-renders the rows, not after (which forced a layout).
 */
function useScrolledSideways(scrollRef: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Not read at once: a new box is at its left edge, and reading its offset before the first
    // rows are drawn would lay the page out for nothing.
    const update = () => el.toggleAttribute('data-scrolled-x', el.scrollLeft > 0);
    el.addEventListener('scroll', update, { passive: true });
    return () => el.removeEventListener('scroll', update);
  }, [scrollRef]);
}

interface GridHeaderProps {
  table: Table<InitiativeRow>;
  /** Sorting, visible columns and widths, resizing: the header re-renders when it changes. */
  headerKey: string;
  filters: TableFilters;
  /** The query's page cache: facet menus fetch their counts through it when they open. */
  cache: PageCache;
  labels: FacetLabelEnv;
  onFacet(facet: FacetName, values: FacetValue[]): void;
  onText(column: TextFilterColumn, value: string): void;
  onDropColumn(id: TableColumnId, target: TableColumnId): void;
  sticky: Readonly<Record<string, number>>;
}

/** The sticky header row; it does not re-render while the rows scroll. */
const GridHeader = memo(
  function GridHeader({ table, filters, cache, labels, onFacet, onText, onDropColumn, sticky }: GridHeaderProps) {
    const { t } = useTranslation('table');
    const filterFor = (id: string) => {
      const spec = COLUMN_SPECS[id as TableColumnId];
      if (!spec) return undefined;
      const columnLabel = t(`columns.${id as TableColumnId}`);
      if (spec.facet) {
        const facet = spec.facet;
        return (
          <FacetFilter
            facet={facet}
            columnLabel={columnLabel}
            source={cache}
            selected={(filters[FACET_FILTER_KEY[facet]] ?? []) as FacetValue[]}
            labels={labels}
            onChange={(values) => onFacet(facet, values)}
          />
        );
      }
      if (spec.text) {
        const column = spec.text;
        return <TextFilter columnLabel={columnLabel} value={filters.text?.[column] ?? ''} onChange={(v) => onText(column, v)} />;
      }
      return undefined;
    };

    return (
      <div role="rowgroup" className="itable-head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} key={group.id} className="itable-row itable-head-row">
            {group.headers.map((header, i) => (
              <HeaderCell
                key={header.id}
                header={header}
                colIndex={i + 1}
                filter={filterFor(header.column.id)}
                onDropColumn={onDropColumn}
                frozen={frozenProps(sticky, header.column.id)}
              />
            ))}
          </div>
        ))}
      </div>
    );
  },
  (a, b) =>
    a.headerKey === b.headerKey &&
    JSON.stringify(a.sticky) === JSON.stringify(b.sticky) &&
    a.filters === b.filters &&
    a.cache === b.cache &&
    a.labels === b.labels &&
    a.onFacet === b.onFacet &&
    a.onText === b.onText &&
    a.onDropColumn === b.onDropColumn,
);

/**
 * The columns on paper (table.css, print), without the checkbox column. Short values (ids,
 * statuses, dates, counts) take their own width. The text columns are sure of half the page
 * width between them, shared in the proportions the reader gave them on screen; the rest goes
 * to those whose text needs it (as a printed table's columns grow), not to empty ones.
 */
function printColumns(columns: ReadonlyArray<{ id: string; size: number }>): string {
  const shown = columns.filter((c) => c.id !== SELECT_COLUMN);
  const isText = (id: string) => !COLUMN_SPECS[id as TableColumnId]?.printFit;
  const textWidth = shown.filter((c) => isText(c.id)).reduce((sum, c) => sum + c.size, 0);
  return shown
    .map((c) => (isText(c.id) ? `minmax(${((50 * c.size) / textWidth).toFixed(2)}%, auto)` : 'max-content'))
    .join(' ');
}
