// The table's view state (what a saved view restores and what 'ui.tableState' keeps between
// launches) and its translation to and from TanStack's state shapes. TanStack holds sorting,
// column order/visibility/sizing as controlled state derived from this one object, so saving a
// view is just saving this object.
import type { ColumnOrderState, ColumnSizingState, SortingState, VisibilityState } from '@tanstack/react-table';
import {
  PRIORITIES,
  SORTABLE_COLUMNS,
  TABLE_COLUMNS,
  TEXT_FILTER_COLUMNS,
  type Collation,
  type GroupBy,
  type Priority,
  type SortableColumn,
  type TableColumnId,
  type TableFilters,
  type TableQuery,
  type TableSort,
  type TableViewState,
  type TextFilterColumn,
} from '../../../../shared/domain/table';

/** The checkbox column: TanStack's, never part of a saved view (it is always first). */
export const SELECT_COLUMN = 'select';

/** Columns hidden until the reader shows them: the table fits a laptop screen without them. */
export const DEFAULT_HIDDEN: TableColumnId[] = ['responsibleUnits', 'touchedAt'];

export function defaultViewState(): TableViewState {
  return {
    sort: [],
    collation: 'pinyin',
    search: '',
    filters: {},
    groupBy: null,
    columns: { order: [...TABLE_COLUMNS], hidden: [...DEFAULT_HIDDEN], sizes: {} },
  };
}

export type TableQueryBase = Omit<TableQuery, 'offset' | 'limit'>;

/** Which initiatives the table lists: the open plan's, or every loaded plan's. Not part of a
 *  saved view (views describe how to look at rows, not which plans are loaded). */
export type TableScope = 'plan' | 'all';

export function queryOf(state: TableViewState, planId: string, scope: TableScope = 'plan'): TableQueryBase {
  const filters = compactFilters(state.filters);
  // The plan filter chooses among all plans; with one plan listed it has nothing to choose.
  if (scope === 'plan') delete filters.planIds;
  return {
    ...(scope === 'plan' ? { planId } : {}),
    sort: scope === 'plan' ? state.sort.filter((s) => s.column !== 'plan') : state.sort,
    collation: state.collation,
    search: state.search.trim(),
    filters,
    groupBy: state.groupBy,
  };
}

/**
 * The query as the table sends it, with the typed parts (the search and the text filters) as
 * given, and its key (one PageCache per key, use-table-query.ts). The text filters go last, so
 * a query made here and one made from the debounced text have the same key.
 */
export function sentQuery(query: TableQueryBase, search: string, text: TableFilters['text'] | null): { query: TableQueryBase; key: string } {
  const filters: TableFilters = { ...query.filters };
  delete filters.text;
  if (text) filters.text = text;
  const sent = { ...query, search, filters };
  return { query: sent, key: JSON.stringify(sent) };
}

/** Columns that say nothing in a scope: the Plan column while the table lists one plan. They
 *  keep their place, width and shown/hidden choice in the view state for when they apply. */
export function omittedColumns(scope: TableScope): TableColumnId[] {
  return scope === 'plan' ? ['plan'] : [];
}

/** The reader's hidden columns after a visibility change that could not see the omitted ones. */
export function hiddenKeepingOmitted(next: readonly TableColumnId[], before: readonly TableColumnId[], omitted: readonly TableColumnId[]): TableColumnId[] {
  return [...next.filter((id) => !omitted.includes(id)), ...before.filter((id) => omitted.includes(id))];
}

/** moveColumn among the columns shown in the column menu: an omitted column keeps its index and
 *  is stepped over, so every click visibly moves the column. */
export function moveColumnAmong(order: TableColumnId[], id: TableColumnId, step: -1 | 1, omitted: readonly TableColumnId[]): TableColumnId[] {
  if (omitted.length === 0) return moveColumn(order, id, step);
  const moved = moveColumn(order.filter((c) => !omitted.includes(c)), id, step);
  const out = [...moved];
  order.forEach((c, i) => {
    if (omitted.includes(c)) out.splice(i, 0, c);
  });
  return out;
}

/** Drops empty filter entries so equal filters give equal queries (and cache keys). */
export function compactFilters(filters: TableFilters): TableFilters {
  const out: TableFilters = {};
  if (filters.planIds?.length) out.planIds = filters.planIds;
  if (filters.themeIds?.length) out.themeIds = filters.themeIds;
  if (filters.statuses?.length) out.statuses = filters.statuses;
  if (filters.priorities?.length) out.priorities = filters.priorities;
  if (filters.tags?.length) out.tags = filters.tags;
  const text: Partial<Record<TextFilterColumn, string>> = {};
  for (const column of TEXT_FILTER_COLUMNS) {
    const value = filters.text?.[column]?.trim();
    if (value) text[column] = value;
  }
  if (Object.keys(text).length) out.text = text;
  return out;
}

export function hasFilters(state: TableViewState): boolean {
  return state.search.trim() !== '' || Object.keys(compactFilters(state.filters)).length > 0;
}

// --- TanStack state, derived -------------------------------------------------------------

export function sortingOf(state: TableViewState): SortingState {
  return state.sort.map((s) => ({ id: s.column, desc: s.desc }));
}

export function sortFromSorting(sorting: SortingState): TableSort[] {
  return sorting.filter((s) => isSortable(s.id)).map((s) => ({ column: s.id as SortableColumn, desc: s.desc }));
}

export function visibilityOf(state: TableViewState): VisibilityState {
  return Object.fromEntries(state.columns.hidden.map((id) => [id, false]));
}

export function hiddenFromVisibility(visibility: VisibilityState): TableColumnId[] {
  return TABLE_COLUMNS.filter((id) => visibility[id] === false);
}

export function columnOrderOf(state: TableViewState): ColumnOrderState {
  return [SELECT_COLUMN, ...state.columns.order];
}

/** The columns that say which initiative a row is: frozen at the left while the grid scrolls
 *  sideways (the checkbox column before them), unless the reader unfroze them. */
export const FROZEN_COLUMNS: readonly TableColumnId[] = ['shortId', 'headline'];

/** The column order the grid shows: with the frozen columns first when they are frozen. */
export function displayColumnOrder(state: TableViewState, frozen: boolean): ColumnOrderState {
  if (!frozen) return columnOrderOf(state);
  const rest = state.columns.order.filter((id) => !FROZEN_COLUMNS.includes(id));
  return [SELECT_COLUMN, ...FROZEN_COLUMNS, ...rest];
}

/**
 * The view state's order after the reader reordered the shown (frozen-first) columns: the frozen
 * columns keep their own places in the state, the others take the new order among themselves, so
 * unfreezing puts the id and headline back where they were.
 */
export function orderFromDisplay(stateOrder: readonly TableColumnId[], shown: readonly TableColumnId[], frozen: boolean): TableColumnId[] {
  if (!frozen) return [...shown];
  const rest = shown.filter((id) => !FROZEN_COLUMNS.includes(id));
  let next = 0;
  return stateOrder.map((id) => (FROZEN_COLUMNS.includes(id) ? id : rest[next++]!));
}

/**
 * Where each frozen column sticks (px from the grid's left edge): the leading visible columns
 * that are the checkbox or a frozen one. Empty when nothing is frozen.
 */
export function stickyOffsets(columns: ReadonlyArray<{ id: string; size: number }>, frozen: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  if (!frozen) return out;
  let left = 0;
  for (const c of columns) {
    if (c.id !== SELECT_COLUMN && !FROZEN_COLUMNS.includes(c.id as TableColumnId)) break;
    out[c.id] = left;
    left += c.size;
  }
  // The checkbox column alone is not worth freezing.
  return Object.keys(out).some((id) => id !== SELECT_COLUMN) ? out : {};
}

export function orderFromColumnOrder(order: ColumnOrderState): TableColumnId[] {
  return normalizeOrder(order.filter(isColumnId));
}

export function sizingOf(state: TableViewState): ColumnSizingState {
  return { ...state.columns.sizes } as ColumnSizingState;
}

export function sizesFromSizing(sizing: ColumnSizingState): Partial<Record<TableColumnId, number>> {
  const out: Partial<Record<TableColumnId, number>> = {};
  for (const [id, size] of Object.entries(sizing)) {
    if (isColumnId(id) && Number.isFinite(size)) out[id] = Math.round(size);
  }
  return out;
}

/** Moves a column one step left (-1) or right (+1) in the order. */
export function moveColumn(order: TableColumnId[], id: TableColumnId, step: -1 | 1): TableColumnId[] {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** Puts `id` where `target` is (drag and drop of headers). */
export function dropColumn(order: TableColumnId[], id: TableColumnId, target: TableColumnId): TableColumnId[] {
  const from = order.indexOf(id);
  const to = order.indexOf(target);
  if (from < 0 || to < 0 || from === to) return order;
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

// --- Parsing stored state ------------------------------------------------------------------

function isColumnId(id: string): id is TableColumnId {
  return (TABLE_COLUMNS as readonly string[]).includes(id);
}

function isSortable(id: string): id is SortableColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(id);
}

/** Columns added after stored states existed, with the column each goes after when a stored
 *  order lacks it (the Plan column sits beside the id, not at the far right). */
const ADDED_AFTER: Partial<Record<TableColumnId, TableColumnId>> = { plan: 'shortId' };

/** Every column exactly once: unknown ones dropped, new ones (added by a later version) put after
 *  their ADDED_AFTER column, or else appended. */
function normalizeOrder(order: readonly string[]): TableColumnId[] {
  const out: TableColumnId[] = [];
  for (const id of order) if (isColumnId(id) && !out.includes(id)) out.push(id);
  for (const id of TABLE_COLUMNS) {
    if (out.includes(id)) continue;
    const after = ADDED_AFTER[id];
    const at = after ? out.indexOf(after) : -1;
    if (at >= 0) out.splice(at + 1, 0, id);
    else out.push(id);
  }
  return out;
}

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
const nullableStrings = (v: unknown): (string | null)[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string | null => typeof x === 'string' || x === null) : undefined;

/**
 * A view state from stored JSON (the settings value or a saved view), repaired field by field:
 * a state written by an older or newer version still opens, with defaults where it is unusable.
 */
export function normalizeViewState(raw: unknown): TableViewState {
  const base = defaultViewState();
  if (typeof raw !== 'object' || raw === null) return base;
  const r = raw as Record<string, unknown>;
  const sort = Array.isArray(r.sort)
    ? r.sort
        .filter((s): s is { column: string; desc: unknown } => typeof s === 'object' && s !== null && typeof s.column === 'string')
        .filter((s) => isSortable(s.column))
        .map((s) => ({ column: s.column as SortableColumn, desc: s.desc === true }))
    : base.sort;
  const collation: Collation = r.collation === 'stroke' ? 'stroke' : 'pinyin';
  const groupBy: GroupBy = r.groupBy === 'theme' || r.groupBy === 'status' ? r.groupBy : null;
  const f = (typeof r.filters === 'object' && r.filters !== null ? r.filters : {}) as Record<string, unknown>;
  const textRaw = (typeof f.text === 'object' && f.text !== null ? f.text : {}) as Record<string, unknown>;
  const text: Partial<Record<TextFilterColumn, string>> = {};
  for (const column of TEXT_FILTER_COLUMNS) {
    const value = textRaw[column];
    if (typeof value === 'string' && value) text[column] = value;
  }
  const priorities = nullableStrings(f.priorities)?.filter(
    (p): p is Priority | null => p === null || (PRIORITIES as readonly string[]).includes(p),
  );
  const filters = compactFilters({
    planIds: strings(f.planIds),
    themeIds: strings(f.themeIds),
    statuses: nullableStrings(f.statuses),
    priorities,
    tags: strings(f.tags),
    text,
  });
  const c = (typeof r.columns === 'object' && r.columns !== null ? r.columns : {}) as Record<string, unknown>;
  const order = normalizeOrder(strings(c.order) ?? base.columns.order);
  const hidden = strings(c.hidden)?.filter(isColumnId) ?? base.columns.hidden;
  const sizesRaw = (typeof c.sizes === 'object' && c.sizes !== null ? c.sizes : {}) as Record<string, unknown>;
  const sizes: Partial<Record<TableColumnId, number>> = {};
  for (const [id, size] of Object.entries(sizesRaw)) {
    if (isColumnId(id) && typeof size === 'number' && Number.isFinite(size) && size > 0) sizes[id] = Math.round(size);
  }
  return {
    sort,
    collation,
    search: typeof r.search === 'string' ? r.search : '',
    filters,
    groupBy,
    columns: { order, hidden: [...new Set(hidden)], sizes },
  };
}

export function parseViewState(json: string | null): TableViewState | null {
  return parseStoredTable(json)?.state ?? null;
}

/** What 'ui.tableState' keeps: the view state plus the scope, the saved view last applied (its
 *  name shows in the toolbar, marked when the state has changed since) and whether the id and
 *  headline columns stay put when the grid scrolls sideways. */
export interface StoredTable {
  state: TableViewState;
  scope: TableScope;
  /** The saved view applied or saved last; null: none. */
  activeView?: number | null;
  /** The id and headline columns scroll with the rest (the reader unfroze them). */
  unfrozen?: boolean;
}

/** The stored state, or the default when there is none or it cannot be read. */
export const storedOrDefault = (json: string | null): StoredTable => parseStoredTable(json) ?? { state: defaultViewState(), scope: 'plan' };

export function parseStoredTable(json: string | null): StoredTable | null {
  if (!json) return null;
  try {
    const raw = JSON.parse(json) as unknown;
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as { scope?: unknown; view?: unknown; unfrozen?: unknown };
    const scope = r.scope === 'all' ? 'all' : 'plan';
    const activeView = typeof r.view === 'number' && Number.isInteger(r.view) && r.view > 0 ? r.view : null;
    return { state: normalizeViewState(raw), scope, activeView, unfrozen: r.unfrozen === true };
  } catch {
    return null;
  }
}

export function storedTableJson(stored: StoredTable): string {
  return JSON.stringify({
    ...stored.state,
    ...(stored.scope === 'all' ? { scope: 'all' } : {}),
    ...(stored.activeView ? { view: stored.activeView } : {}),
    ...(stored.unfrozen ? { unfrozen: true } : {}),
  });
}

/** Whether the table shows what a saved view stored (normalized alike, so key order and
 *  repaired fields do not count as changes). */
export function sameViewState(a: TableViewState, b: TableViewState): boolean {
  return JSON.stringify(normalizeViewState(a)) === JSON.stringify(normalizeViewState(b));
}
