// Matching the items of two versions of a plan (or of two plans): which new item is which old
// one. The reader's values follow an item from version to version through this matching, so it
// is built to say "unmatched" rather than guess: a value on the wrong item is worse than a value
// listed as unmatched.
//
// Items are compared by their text only, normalized so that a change of punctuation width
// (，/,), of digit width (２/2) or of spacing is no change at all. In order:
//   1. identical: the same heading and body → score 1;
//   2. same heading: a heading found once on each side, with bodies at least HEADING_BODY_FLOOR
//      alike → score 0.5 + 0.5 × body similarity (a reworded body under an unchanged heading);
//   3. similar: Dice similarity of the character bigrams of heading and body together, at least
//      MATCH_THRESHOLD. Each item's best candidate must beat its second best by AMBIGUITY_MARGIN,
//      else the item is listed as ambiguous with both candidates for the reader to decide.
// Numbering is not evidence: inserting a new （三） renumbers every item after it. Position only
// breaks ties between candidates whose texts are identical (a heading repeated word for word).
//
// Cost: candidates come from an inverted index of bigrams, skipping bigrams so common they say
// nothing (in more than COMMON_BIGRAM_SHARE of the old items), so matching grows with the text,
// not with the square of the item count.
import { foldPunctuationWidth } from '../../../../shared/text/cjk-punctuation';

export interface MatchItem {
  id: string;
  /** The marker as written (一、, （三）); reported when it changed, never used to match. */
  numbering: string;
  heading: string;
  body: string;
}

export type MatchBasis = 'identical' | 'heading' | 'similar';

export interface MatchPair {
  oldId: string;
  newId: string;
  /** 0..1; 1 for identical text. */
  score: number;
  basis: MatchBasis;
  /** What differs between the two, for the change summary. */
  renumbered: boolean;
  /** The item's position among the matched items changed (not just shifted by an insertion). */
  moved: boolean;
  headingEdited: boolean;
  bodyEdited: boolean;
}

export interface AmbiguousMatch {
  newId: string;
  candidates: { oldId: string; score: number }[];
}

export interface MatchResult {
  pairs: MatchPair[];
  /** Old items with no partner: removed, or left for the reader to assign. */
  unmatchedOld: string[];
  /** New items with no partner: added, or left for the reader to assign. */
  unmatchedNew: string[];
  /** New items with two candidates too close to call (their old candidates stay unmatched). */
  ambiguous: AmbiguousMatch[];
}

export const MATCH_THRESHOLD = 0.6;
export const HEADING_BODY_FLOOR = 0.3;
export const AMBIGUITY_MARGIN = 0.05;
export const COMMON_BIGRAM_SHARE = 0.2;
/** Candidates scored per item, by shared bigrams: enough for near-duplicates, bounded for cost. */
const CANDIDATES_PER_ITEM = 12;

/** The form two texts are compared in: NFKC (full-width letters and digits as ASCII), the
 *  full-width punctuation Chinese sources alternate with read as half-width, no whitespace,
 *  Latin lower-cased. */
export function matchForm(text: string): string {
  return foldPunctuationWidth(text.normalize('NFKC').toLowerCase()).replace(/[\s\u3000]+/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function size(grams: Map<string, number>): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/** Dice coefficient of two bigram multisets: 2·|A∩B| / (|A|+|B|); 1 for two empty texts. */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [g, c] of small) shared += Math.min(c, large.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Similarity of two texts in matchForm, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(matchForm(a)), bigrams(matchForm(b)));
}

interface Prepared {
  item: MatchItem;
  index: number;
  heading: string;
  body: string;
  whole: string;
  grams: Map<string, number>;
}

function prepare(items: readonly MatchItem[]): Prepared[] {
  return items.map((item, index) => {
    const heading = matchForm(item.heading);
    const body = matchForm(item.body);
    const whole = `${heading}\n${body}`;
    return { item, index, heading, body, whole, grams: bigrams(whole) };
  });
}

export function matchItems(oldItems: readonly MatchItem[], newItems: readonly MatchItem[]): MatchResult {
  const olds = prepare(oldItems);
  const news = prepare(newItems);
  const oldTaken = new Set<number>();
  const newTaken = new Set<number>();
  const found: { o: Prepared; n: Prepared; score: number; basis: MatchBasis }[] = [];
  const take = (o: Prepared, n: Prepared, score: number, basis: MatchBasis) => {
    oldTaken.add(o.index);
    newTaken.add(n.index);
    found.push({ o, n, score, basis });
  };

  // 1. Identical text; repeats of one text pair up in document order.
  const byWhole = groupBy(olds, (p) => p.whole);
  for (const n of news) {
    const o = byWhole.get(n.whole)?.find((c) => !oldTaken.has(c.index));
    if (o) take(o, n, 1, 'identical');
  }

  // 2. A heading that occurs once among the remaining items on each side.
  const oldByHeading = groupBy(
    olds.filter((p) => !oldTaken.has(p.index) && p.heading !== ''),
    (p) => p.heading,
  );
  const newByHeading = groupBy(
    news.filter((p) => !newTaken.has(p.index) && p.heading !== ''),
    (p) => p.heading,
  );
  for (const [heading, [n, ...moreNew]] of newByHeading) {
    const candidates = oldByHeading.get(heading);
    if (!n || moreNew.length > 0 || candidates?.length !== 1) continue;
    const o = candidates[0]!;
    const bodySimilarity = dice(bigrams(o.body), bigrams(n.body));
    if (bodySimilarity >= HEADING_BODY_FLOOR) take(o, n, 0.5 + 0.5 * bodySimilarity, 'heading');
  }

  // 3. Similar text, best pairs first.
  const ambiguous: AmbiguousMatch[] = [];
  const restOld = olds.filter((p) => !oldTaken.has(p.index));
  const restNew = news.filter((p) => !newTaken.has(p.index));
  const postings = new Map<string, Prepared[]>();
  for (const o of restOld) for (const g of o.grams.keys()) push(postings, g, o);
  const commonLimit = Math.max(8, Math.ceil(restOld.length * COMMON_BIGRAM_SHARE));
  const proposals: { o: Prepared; n: Prepared; score: number }[] = [];
  const ambiguousOld = new Set<number>();
  for (const n of restNew) {
    const overlap = new Map<Prepared, number>();
    for (const g of n.grams.keys()) {
      const list = postings.get(g);
      if (!list || list.length > commonLimit) continue;
      for (const o of list) overlap.set(o, (overlap.get(o) ?? 0) + 1);
    }
    const scored = [...overlap.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, CANDIDATES_PER_ITEM)
      .map(([o]) => ({ o, score: dice(o.grams, n.grams) }))
      .filter((c) => c.score >= MATCH_THRESHOLD)
      .sort((a, b) => b.score - a.score || Math.abs(a.o.index - n.index) - Math.abs(b.o.index - n.index));
    const [best, second] = scored;
    if (!best) continue;
    if (second && best.score - second.score < AMBIGUITY_MARGIN && second.o.whole !== best.o.whole) {
      const close = scored.filter((c) => best.score - c.score < AMBIGUITY_MARGIN);
      ambiguous.push({ newId: n.item.id, candidates: close.map((c) => ({ oldId: c.o.item.id, score: round(c.score) })) });
      for (const c of close) ambiguousOld.add(c.o.index);
      newTaken.add(n.index);
      continue;
    }
    proposals.push({ o: best.o, n, score: best.score });
  }
  // Two new items may want one old item (an item split in two): the closer text wins; the
  // other stays unmatched rather than taking a worse partner.
  proposals.sort((a, b) => b.score - a.score || a.n.index - b.n.index);
  for (const p of proposals) {
    if (oldTaken.has(p.o.index) || ambiguousOld.has(p.o.index)) continue;
    take(p.o, p.n, p.score, 'similar');
  }

  return {
    pairs: describe(found),
    unmatchedOld: olds.filter((p) => !oldTaken.has(p.index)).map((p) => p.item.id),
    unmatchedNew: news.filter((p) => !newTaken.has(p.index)).map((p) => p.item.id),
    ambiguous,
  };
}

/** Pairs in new document order, with what changed. `moved` compares the pairs' order on the two
 *  sides: a pair is moved when it is not on the longest run kept in order. */
function describe(found: { o: Prepared; n: Prepared; score: number; basis: MatchBasis }[]): MatchPair[] {
  const sorted = [...found].sort((a, b) => a.n.index - b.n.index);
  const inOrder = longestIncreasing(sorted.map((f) => f.o.index));
  return sorted.map((f, i) => ({
    oldId: f.o.item.id,
    newId: f.n.item.id,
    score: round(f.score),
    basis: f.basis,
    renumbered: f.o.item.numbering.normalize('NFKC') !== f.n.item.numbering.normalize('NFKC'),
    moved: !inOrder.has(i),
    headingEdited: f.o.heading !== f.n.heading,
    bodyEdited: f.o.body !== f.n.body,
  }));
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. O(n log n). */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
