// The two orders the table offers for Chinese text, and ranks under them. SQLite cannot
// call a JavaScript collation from better-sqlite3, so texts are ranked here and SQL sorts the
// ranks (with indexes). Ranks depend on ICU's data: the stamp records which ICU made them, so
// ranks are recomputed when the process runs another ICU (Electron's differs from Node's).
import type { Collation } from '../../../shared/domain/table';

export const COLLATORS: Readonly<Record<Collation, Intl.Collator>> = {
  pinyin: new Intl.Collator('zh'),
  stroke: new Intl.Collator('zh-u-co-stroke'),
};

/** Rank of the empty string: after every other text, as the table shows empty values last
 *  (spaced ranks of a million texts pass 2^36, so nothing below 2^53 is safe from them). */
export const EMPTY_RANK = Number.MAX_SAFE_INTEGER;

const versions = process.versions as Record<string, string | undefined>;
const STAMP =
  `icu ${versions['icu'] ?? '?'} unicode ${versions['unicode'] ?? '?'} ` +
  Object.values(COLLATORS)
    .map((c) => `${c.resolvedOptions().locale}/${c.resolvedOptions().collation}`)
    .join(',');

/** Which ICU and collations this process ranks with (fixed for the process's life). */
export function collatorStamp(): string {
  return STAMP;
}

/**
 * Dense ranks 1, 2, 3… of the distinct texts in collator order; texts the collator calls equal
 * share a rank (the table breaks such ties by theme and initiative order). '' gets EMPTY_RANK.
 */
export function denseRanks(texts: Iterable<string>, collator: Intl.Collator): Map<string, number> {
  const distinct = [...new Set(texts)].filter((t) => t !== '');
  const compare = collator.compare;
  distinct.sort(compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i === 0 || compare(distinct[i - 1]!, distinct[i]!) !== 0) rank++;
    ranks.set(distinct[i]!, rank);
  }
  ranks.set('', EMPTY_RANK);
  return ranks;
}
