// What each line of the virtual list shows. Without grouping, line i is row i. With grouping the
// core sends rows ordered by group plus every group's count, so a group header line precedes each
// group's rows; a collapsed group shows its header only. A header names its group once an answer
// has named it (each page names the groups its rows are in: at a million initiatives there are
// about 100,000 theme groups); until then it is drawn without its name, and its first row is
// asked for (rowSpans), whose page names it. Lookups are O(log groups).
import type { TableGroup } from '../../../../shared/domain/table';

export type DisplayItem =
  | {
      kind: 'group';
      /** undefined until an answer has named the group. */
      group: TableGroup | undefined;
      groupIndex: number;
      firstRow: number;
      count: number;
      collapsed: boolean;
    }
  | { kind: 'row'; rowIndex: number };

/** A grouped query's groups: every group's row count in display order, and the groups named so
 *  far by index. */
export interface GroupLines {
  counts: readonly number[];
  named: ReadonlyMap<number, TableGroup>;
}

export interface DisplayRows {
  count: number;
  at(index: number): DisplayItem;
  /** Display line of row `rowIndex`, or -1 when its group is collapsed. */
  lineOf(rowIndex: number): number;
  /** Row index ranges [first, last] shown on display lines first..last (collapsed groups
   *  skipped), with the first row of each header there not yet named (its page names it). */
  rowSpans(first: number, last: number): Array<[number, number]>;
}

export const groupKey = (key: string | null): string => (key === null ? '\u0000none' : `k:${key}`);

export function displayRows(total: number, groups: GroupLines | null, collapsed: ReadonlySet<string>): DisplayRows {
  if (!groups || groups.counts.length === 0) {
    return {
      count: total,
      at: (index) => ({ kind: 'row', rowIndex: index }),
      lineOf: (rowIndex) => rowIndex,
      rowSpans: (first, last) => (last < first || total === 0 ? [] : [[Math.max(0, first), Math.min(last, total - 1)]]),
    };
  }
  const { counts, named } = groups;
  // Folded: the named groups whose keys the reader folded (a group is folded from its header,
  // which names it; the query asks the core to name the folded ones, wherever they are).
  const folded = new Set<number>();
  for (const [index, group] of named) if (collapsed.has(groupKey(group.key))) folded.add(index);
  // Per group: its first display line, its first row, and how many lines it takes.
  const lineStart: number[] = [];
  const rowStart: number[] = [];
  const shown: number[] = [];
  let line = 0;
  let row = 0;
  counts.forEach((n, g) => {
    const isCollapsed = folded.has(g);
    lineStart.push(line);
    rowStart.push(row);
    shown.push(isCollapsed ? 0 : n);
    line += 1 + (isCollapsed ? 0 : n);
    row += n;
  });
  const count = line;
  const last = counts.length - 1;

  const groupOfLine = (index: number): number => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStart[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const groupOfRow = (rowIndex: number): number => {
    let lo = 0;
    let hi = last;
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
    if (offset === 0) return { kind: 'group', group: named.get(g), groupIndex: g, firstRow: rowStart[g]!, count: counts[g]!, collapsed: folded.has(g) };
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
        // A header not yet named asks for its group's first row: that row's page names it.
        const rowIndex = item.kind === 'row' ? item.rowIndex : item.group === undefined ? item.firstRow : -1;
        if (rowIndex < 0) continue;
        const tail = spans[spans.length - 1];
        if (tail && tail[1] >= rowIndex - 1 && tail[0] <= rowIndex) tail[1] = Math.max(tail[1], rowIndex);
        else spans.push([rowIndex, rowIndex]);
      }
      return spans;
    },
  };
}
