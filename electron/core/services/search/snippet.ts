// A snippet of a matched text: the stretch around the first match, with every occurrence of
// every needle in it marked. Matches are found in the normalized text (as the search found
// them) and marked on the text as stored, through the offsets normalizeWithOffsets keeps.
import type { SnippetPart } from '../../../../shared/api/search/methods';
import { normalizeWithOffsets } from '../../search/normalize';

/** Code units of context shown before the first match, and the snippet's length at most. */
const BEFORE = 24;
const LENGTH = 120;

/** [start, end) ranges of `text` (as stored) where a needle occurs, merged and in order. */
export function matchRanges(text: string, needles: readonly string[]): [number, number][] {
  const { text: norm, from } = normalizeWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (needle === '') continue;
    for (let at = norm.indexOf(needle); at >= 0; at = norm.indexOf(needle, at + 1)) {
      ranges.push([from[at]!, from[at + needle.length]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function snippet(text: string, needles: readonly string[]): SnippetPart[] {
  const ranges = matchRanges(text, needles);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
  let end = Math.min(text.length, start + LENGTH);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  const parts: SnippetPart[] = [];
  const add = (s: string, mark: boolean) => {
    if (s !== '') parts.push({ text: s, mark });
  };
  if (start > 0) add('…', false);
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start) continue;
    if (s >= end) break;
    add(text.slice(at, Math.max(at, s)), false);
    add(text.slice(Math.max(at, s), Math.min(e, end)), true);
    at = Math.min(e, end);
  }
  add(text.slice(at, end), false);
  if (end < text.length) add('…', false);
  return parts;
}
