// The view state: stored JSON is repaired rather than trusted, and TanStack's state shapes
// translate back and forth without loss.
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../../shared/domain/table';
import {
  columnOrderOf,
  defaultViewState,
  displayColumnOrder,
  orderFromDisplay,
  parseStoredTable,
  sameViewState,
  stickyOffsets,
  storedTableJson,
  dropColumn,
  moveColumn,
  normalizeViewState,
  orderFromColumnOrder,
  parseViewState,
  queryOf,
  sortFromSorting,
  sortingOf,
} from '../../../renderer/src/features/table/view-state';

describe('view state', () => {
  it('repairs a stored state: unknown columns and values dropped, new columns appended', () => {
    const state = normalizeViewState({
      sort: [{ column: 'tags', desc: true }, { column: 'deadline', desc: true }, { column: 'nope' }],
      collation: 'klingon',
      search: 7,
      filters: { statuses: ['done', null, 3], priorities: ['urgent', 'high'], text: { headline: '改革', body: 'x' }, tags: [] },
      groupBy: 'priority',
      columns: { order: ['headline', 'ghost', 'shortId'], hidden: ['theme', 'ghost'], sizes: { headline: 250.4, theme: -1 } },
    });
    expect(state.sort).toEqual([{ column: 'deadline', desc: true }]);
    expect(state.collation).toBe('pinyin');
    expect(state.search).toBe('');
    expect(state.filters).toEqual({ statuses: ['done', null], priorities: ['high'], text: { headline: '改革' } });
    expect(state.groupBy).toBeNull();
    // The Plan column, newer than stored states, goes beside the id; other missing ones last.
    expect(state.columns.order.slice(0, 4)).toEqual(['headline', 'shortId', 'plan', 'theme']);
    expect([...state.columns.order].sort()).toEqual([...TABLE_COLUMNS].sort());
    expect(state.columns.hidden).toEqual(['theme']);
    expect(state.columns.sizes).toEqual({ headline: 250 });
    expect(parseViewState('not json')).toBeNull();
    expect(parseViewState(null)).toBeNull();
  });

  it('translates sorting and column order to TanStack and back', () => {
    const state = { ...defaultViewState(), sort: [{ column: 'status' as const, desc: true }] };
    expect(sortFromSorting(sortingOf(state))).toEqual(state.sort);
    expect(columnOrderOf(state)[0]).toBe('select');
    expect(orderFromColumnOrder(columnOrderOf(state))).toEqual(state.columns.order);
    expect(moveColumn(['shortId', 'theme', 'headline'], 'theme', -1)).toEqual(['theme', 'shortId', 'headline']);
    expect(moveColumn(['shortId', 'theme'], 'shortId', -1)).toEqual(['shortId', 'theme']);
    expect(dropColumn(['shortId', 'theme', 'headline'], 'headline', 'shortId')).toEqual(['headline', 'shortId', 'theme']);
  });

  it('sends only non-empty filters, and the search trimmed', () => {
    const query = queryOf({ ...defaultViewState(), search: ' 杭州 ', filters: { tags: [], statuses: ['done'], text: { leadUnit: ' ' } } }, 'hz-2024');
    expect(query).toEqual({ planId: 'hz-2024', sort: [], collation: 'pinyin', search: '杭州', filters: { statuses: ['done'] }, groupBy: null });
  });
});

describe('frozen columns, the active view, stored table', () => {
  it('shows the id and headline first while frozen, and keeps their own places in the state', () => {
    const state = defaultViewState();
    expect(displayColumnOrder(state, true).slice(0, 5)).toEqual(['select', 'shortId', 'headline', 'plan', 'theme']);
    expect(displayColumnOrder(state, false)).toEqual(columnOrderOf(state));
    // The reader moves status before theme while frozen: unfrozen, id and headline are where they were.
    const shown = orderFromColumnOrder(displayColumnOrder(state, true));
    const moved = moveColumn(shown, 'status', -1);
    const order = orderFromDisplay(state.columns.order, moved, true);
    expect(order.slice(0, 5)).toEqual(['shortId', 'plan', 'status', 'headline', 'theme']);
    expect(orderFromDisplay(state.columns.order, moved, false)).toEqual(moved);
  });

  it('sticks the leading checkbox, id and headline columns, the last one marked', () => {
    const cols = [
      { id: 'select', size: 40 },
      { id: 'shortId', size: 84 },
      { id: 'headline', size: 320 },
      { id: 'theme', size: 190 },
    ];
    expect(stickyOffsets(cols, true)).toEqual({ select: 0, shortId: 40, headline: 124 });
    expect(stickyOffsets(cols, false)).toEqual({});
    // A hidden id column: the headline still sticks, after the checkbox.
    expect(stickyOffsets([cols[0]!, cols[2]!, cols[3]!], true)).toEqual({ select: 0, headline: 40 });
    // Both hidden: nothing worth freezing.
    expect(stickyOffsets([cols[0]!, cols[3]!], true)).toEqual({});
  });

  it('keeps the active view and the unfrozen choice in ui.tableState, and reads old states without them', () => {
    const state = defaultViewState();
    const json = storedTableJson({ state, scope: 'all', activeView: 7, unfrozen: true });
    expect(parseStoredTable(json)).toEqual({ state, scope: 'all', activeView: 7, unfrozen: true });
    expect(parseStoredTable(JSON.stringify(state))).toEqual({ state, scope: 'plan', activeView: null, unfrozen: false });
    expect(parseStoredTable(JSON.stringify({ ...state, view: 'x' }))?.activeView).toBeNull();
  });

  it('compares view states as stored, so key order is no change but a filter is', () => {
    const state = defaultViewState();
    const reordered = JSON.parse(JSON.stringify({ columns: state.columns, groupBy: null, filters: {}, search: '', collation: 'pinyin', sort: [] }));
    expect(sameViewState(state, reordered)).toBe(true);
    expect(sameViewState(state, { ...state, search: '人才' })).toBe(false);
  });
});
