// What counts as a change in a comparison (compare.plans): the rows the summary counts, the
// CSV lists and next/previous steps through. One definition for the core and the renderer.
import type { CompareRow } from '../api/compare/methods';

export function isChange(row: Pick<CompareRow, 'kind' | 'moved' | 'renumbered'>): boolean {
  return row.kind !== 'unchanged' || row.moved || row.renumbered;
}
