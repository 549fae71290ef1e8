// What each line of the virtual list shows. Without grouping, line i is row i. With grouping the
// core sends rows ordered by group plus the groups' counts, so a group header line precedes each
// group's rows; a collapsed group shows its header only. Lookups are O(log groups).
import type { TableGroup } from '../../../../shared/domain/table';

export type DisplayItem =
  | { kind: 'group'; group: TableGroup; groupIndex: number; firstRow: number; collapsed: boolean }
  | { kind: 'row'; rowIndex: number };

export interface DisplayRows {
  count: number;
  at(index: number): DisplayItem;
  /** Display line of row `rowIndex`, or -1 when its group is collapsed. */
  lineOf(rowIndex: number): number;
  /** Row index ranges [first, last] shown on display lines first..last (collapsed groups skipped). */
  rowSpans(first: number, last: number): Array<[number, number]>;
}

export const groupKey = (key: string | null): string => (key === null ? '\u0000none' : `k:${key}`);

export function displayRows(total: number, groups: readonly TableGroup[] | null, collapsed: ReadonlySet<string>): DisplayRows {
  if (!groups || groups.length === 0) {
    return {
      count: total,
      at: (index) => ({ kind: 'row', rowIndex: index }),
      lineOf: (rowIndex) => rowIndex,
      rowSpans: (first, last) => (last < first || total === 0 ? [] : [[Math.max(0, first), Math.min(last, total - 1)]]),
    };
  }
  // Per group: its first display line, its first row, and how many lines it takes.
  const lineStart: number[] = [];
  const rowStart: number[] = [];
  const shown: number[] = [];
  let line = 0;
  let row = 0;
  groups.forEach((group) => {
    const isCollapsed = collapsed.has(groupKey(group.key));
    lineStart.push(line);
    rowStart.push(row);
    shown.push(isCollapsed ? 0 : group.count);
    line += 1 + (isCollapsed ? 0 : group.count);
    row += group.count;
  });
  const count = line;

  const groupOfLine = (index: number): number => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStart[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const groupOfRow = (rowIndex: number): number => {
    let lo = 0;
    let hi = groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rowStart[mid]! <= rowIndex) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const at = (index: number): DisplayItem => {
    const g = groupOfLine(index);
    const offset = index - lineStart[g]!;
    if (offset === 0) {
      const group = groups[g]!;
      return { kind: 'group', group, groupIndex: g, firstRow: rowStart[g]!, collapsed: collapsed.has(groupKey(group.key)) };
    }
    return { kind: 'row', rowIndex: rowStart[g]! + offset - 1 };
  };

  return {
    count,
    at,
    lineOf: (rowIndex) => {
      const g = groupOfRow(rowIndex);
      return shown[g] === 0 ? -1 : lineStart[g]! + 1 + (rowIndex - rowStart[g]!);
    },
    rowSpans: (first, last) => {
      const spans: Array<[number, number]> = [];
      for (let i = Math.max(0, first); i <= Math.min(last, count - 1); i++) {
        const item = at(i);
        if (item.kind !== 'row') continue;
        const tail = spans[spans.length - 1];
        if (tail && tail[1] === item.rowIndex - 1) tail[1] = item.rowIndex;
        else spans.push([item.rowIndex, item.rowIndex]);
      }
      return spans;
    },
  };
}
