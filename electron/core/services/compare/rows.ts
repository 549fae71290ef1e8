// The rows of a comparison from two item lists and the pairs between them: pure, so the
// pairing rules are tested on their own and the benchmark times them without a database.
import type { CompareCounts, CompareItem, CompareRow, PairBasis } from '../../../../shared/api/compare/methods';
import { longestIncreasing, matchItems } from '../versions/match';
import { isChange } from '../../../../shared/domain/comparison';
import { diffText, punctuationOnly } from './diff';

export interface ItemPair {
  leftId: string;
  rightId: string;
  score: number;
  basis: PairBasis;
}

/** Pairs found by matching the two texts now (no stored successions between them). Items too
 *  close to call between two candidates stay unpaired: shown as removed and added. */
export function matchPairs(left: readonly CompareItem[], right: readonly CompareItem[]): ItemPair[] {
  const asMatch = (i: CompareItem) => ({ id: i.id, numbering: i.numeral, heading: i.headline, body: i.body });
  return matchItems(left.map(asMatch), right.map(asMatch)).pairs.map((p) => ({
    leftId: p.oldId,
    rightId: p.newId,
    score: p.score,
    basis: p.basis,
  }));
}

const sameNumbering = (a: string, b: string) => a.normalize('NFKC') === b.normalize('NFKC');

function pairRow(l: CompareItem, r: CompareItem, pair: ItemPair, moved: boolean): CompareRow {
  const headlineChanged = l.headline !== r.headline;
  const bodyChanged = l.body !== r.body;
  const headlineDiff = headlineChanged ? diffText(l.headline, r.headline) : null;
  const bodyDiff = bodyChanged ? diffText(l.body, r.body) : null;
  const edited = headlineChanged || bodyChanged;
  return {
    kind: edited ? 'edited' : 'unchanged',
    left: l,
    right: r,
    moved,
    renumbered: !sameNumbering(l.numeral, r.numeral),
    headlineDiff,
    bodyDiff,
    punctuationOnly: edited && punctuationOnly([...(headlineDiff ?? []), ...(bodyDiff ?? [])]),
    score: pair.score,
    basis: pair.basis,
  };
}

function lonelyRow(kind: 'added' | 'removed', item: CompareItem): CompareRow {
  return {
    kind,
    left: kind === 'removed' ? item : null,
    right: kind === 'added' ? item : null,
    moved: false,
    renumbered: false,
    headlineDiff: null,
    bodyDiff: null,
    punctuationOnly: false,
    score: null,
    basis: null,
  };
}

/**
 * The rows in the right side's order; each removed item comes right after the row of the
 * left item before it, so it shows where it used to be. A pair naming an item not in the lists
 * (or an item twice) is ignored: each item is in exactly one row.
 */
export function compareRows(left: readonly CompareItem[], right: readonly CompareItem[], pairs: readonly ItemPair[]): CompareRow[] {
  const leftIndex = new Map(left.map((item, i) => [item.id, i]));
  const rightIndex = new Map(right.map((item, i) => [item.id, i]));
  const byRight = new Map<number, { l: number; pair: ItemPair }>();
  const leftPaired = new Set<number>();
  for (const pair of pairs) {
    const l = leftIndex.get(pair.leftId);
    const r = rightIndex.get(pair.rightId);
    if (l === undefined || r === undefined || leftPaired.has(l) || byRight.has(r)) continue;
    byRight.set(r, { l, pair });
    leftPaired.add(l);
  }
  const ordered = [...byRight.entries()].sort((a, b) => a[0] - b[0]);
  const inOrder = longestIncreasing(ordered.map(([, p]) => p.l));
  const movedRight = new Set(ordered.filter((_, k) => !inOrder.has(k)).map(([r]) => r));

  const rows: CompareRow[] = [];
  let nextLeft = 0;
  const removedUpTo = (end: number) => {
    for (; nextLeft < end; nextLeft++) if (!leftPaired.has(nextLeft)) rows.push(lonelyRow('removed', left[nextLeft]!));
  };
  right.forEach((item, r) => {
    const paired = byRight.get(r);
    if (!paired) {
      rows.push(lonelyRow('added', item));
      return;
    }
    // A moved pair does not pull the removed items along: they stay where the order runs.
    if (!movedRight.has(r)) removedUpTo(paired.l + 1);
    rows.push(pairRow(left[paired.l]!, item, paired.pair, movedRight.has(r)));
  });
  removedUpTo(left.length);
  return rows;
}

export function countRows(rows: readonly CompareRow[]): CompareCounts {
  const count = (test: (r: CompareRow) => boolean) => rows.filter(test).length;
  return {
    // Neither edited nor moved nor renumbered: the rows the "only changes" filter hides.
    unchanged: count((r) => !isChange(r)),
    edited: count((r) => r.kind === 'edited'),
    added: count((r) => r.kind === 'added'),
    removed: count((r) => r.kind === 'removed'),
    moved: count((r) => r.moved),
    renumbered: count((r) => r.renumbered),
    changes: count(isChange),
  };
}
