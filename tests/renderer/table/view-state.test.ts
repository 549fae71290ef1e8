// The view state: stored JSON is repaired rather than trusted, and TanStack's state shapes
// translate back and forth without loss.
import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '../../../shared/domain/table';
import {
  columnOrderOf,
  defaultViewState,
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
    expect(state.columns.order.slice(0, 3)).toEqual(['headline', 'shortId', 'theme']);
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
