// The bigram search index against its oracle: for every query, the keys it finds are exactly
// those whose text contains the query by plain JavaScript substring search (after the same
// lower-casing and whitespace collapsing on both sides), for 1-, 2- and 3+-character queries,
// in Chinese, Latin, mixed, with punctuation, and with no hits at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { writeSearchDocs } from '../../electron/core/search/documents';
import { searchKeys } from '../../electron/core/search/match';
import { bigramColumn, codeToken, GAP_TOKEN, matchExpression, unigramColumn } from '../../electron/core/search/tokens';
import { normalizeForSearch } from '../../electron/core/search/normalize';
import { mixedText, pieceOf, Prng } from '../helpers/mixed-text';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let db: Db;
beforeEach(() => {
  db = openDatabase(join(temp.make(), 'search.sqlite3'));
});
afterEach(() => db.close());

/** The oracle's own normalization, written independently of the code under test: Unicode's
 *  compatibility folding (NFKC: full-width letters, digits and ，：（） as half-width), then the
 *  full-width ，；：！？（） NFKC may leave read as , ; : ! ? ( ). */
const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[，；：！？（）]/g, (ch) => ch.normalize('NFKC'))
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');

interface Doc {
  key: string;
  headline: string;
  tags: string[];
}

function oracle(docs: readonly Doc[], query: string, fields: readonly ('headline' | 'tags')[]): string[] {
  const q = norm(query);
  if (q === '') return [];
  return docs
    .filter((d) => fields.some((f) => (f === 'headline' ? [d.headline] : d.tags).some((v) => norm(v).includes(q))))
    .map((d) => d.key)
    .sort();
}

function makeDocs(r: Prng, n: number, prefix = 'k'): Doc[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `${prefix}${i}`,
    headline: mixedText(r, 0, 40),
    tags: Array.from({ length: r.int(4) }, () => mixedText(r, 1, 6)),
  }));
}

function store(docs: readonly Doc[]): void {
  db.transaction(() => {
    for (const d of docs) writeSearchDocs(db, null, d.key, { headline: d.headline, tags: d.tags });
  })();
}

function queriesFor(r: Prng, docs: readonly Doc[], count: number): string[] {
  const queries = [
    '、', '“', '”', '“数', '数字', '数字经济', 'AI', 'ai', 'a', ' ', '', '  数 字 ', '\u3000数', '𠀀', '😀', 'zzzz-no-hit',
    '新质生产力', '，', ',', '（', '%', '9', '10',
  ];
  for (let i = 0; i < count; i++) {
    const d = r.pick(docs);
    const values = [d.headline, ...d.tags].filter((v) => v !== '');
    const kind = r.int(6);
    if (kind === 5 || values.length === 0) {
      queries.push(mixedText(r, 1, 4)); // mostly no hits
    } else if (kind === 4 && d.tags.length >= 2) {
      // Spans the end of one tag and the start of the next: a hit only if some value has it.
      queries.push(d.tags[0]!.slice(-2) + d.tags[1]!.slice(0, 2));
    } else {
      const piece = pieceOf(r, r.pick(values), r.pick([1, 1, 2, 2, 2, 3, 5, 8]));
      queries.push(r.chance(0.3) ? piece.toUpperCase() : piece);
    }
  }
  return queries;
}

describe('search tokens', () => {
  it('encodes each code point in four base-36 digits and each bigram as one ASCII token', () => {
    expect(codeToken('数'.codePointAt(0)!)).toBe('0' + (0x6570).toString(36));
    expect(codeToken(0x10ffff)).toHaveLength(4);
    expect(bigramColumn(['数字经'])).toBe(`${codeToken(0x6570)}${codeToken(0x5b57)} ${codeToken(0x5b57)}${codeToken(0x7ecf)}`);
    expect(bigramColumn(['ab', 'cd']).split(' ')).toEqual([codeToken(97) + codeToken(98), GAP_TOKEN, codeToken(99) + codeToken(100)]);
    expect(unigramColumn(['a a', 'b']).split(' ')).toEqual([codeToken(97), codeToken(98)]);
    expect(bigramColumn(['𠀀x']).split(' ')).toHaveLength(1); // an astral character is one unit
  });

  it('queries one code point in the unigram column and longer text as a phrase of bigrams', () => {
    expect(matchExpression('数')).toBe(`uni : "${codeToken(0x6570)}"`);
    expect(matchExpression('数字经')).toBe(`bi : "${bigramColumn(['数字经'])}"`);
    expect(() => matchExpression('')).toThrow();
  });

  it('normalizes case and whitespace the way the oracle does', () => {
    expect(normalizeForSearch('  AI\u3000 与\t\n数字  ')).toBe('ai 与 数字');
    expect(normalizeForSearch('ΣΑΣ')).toBe(norm('ΣΑΣ'));
  });
});

describe('search against a plain substring search', () => {
  it('finds exactly the oracle’s keys for 1-, 2- and 3+-character queries in any script', () => {
    const r = new Prng(20240511);
    const docs = makeDocs(r, 400);
    store(docs);
    const queries = queriesFor(r, docs, 500);
    let withHits = 0;
    for (const q of queries) {
      const expected = oracle(docs, q, ['headline', 'tags']);
      if (expected.length) withHits++;
      expect(searchKeys(db, q, ['headline', 'tags']).sort(), JSON.stringify(q)).toEqual(expected);
    }
    // The query set exercises hits and misses, not just one of them.
    expect(withHits).toBeGreaterThan(200);
    expect(queries.length - withHits).toBeGreaterThan(50);
  });

  it('looks only in the fields asked for', () => {
    const r = new Prng(7);
    const docs = makeDocs(r, 200);
    store(docs);
    for (const q of queriesFor(r, docs, 200)) {
      expect(searchKeys(db, q, ['tags']).sort(), JSON.stringify(q)).toEqual(oracle(docs, q, ['tags']));
      expect(searchKeys(db, q, ['headline']).sort(), JSON.stringify(q)).toEqual(oracle(docs, q, ['headline']));
    }
  });

  it('follows rewrites and removals: old text is no longer found, new text is', () => {
    const r = new Prng(99);
    let docs = makeDocs(r, 200);
    store(docs);
    const replaced = makeDocs(new Prng(100), 100);
    docs = docs.map((d, i) => (i % 2 === 0 ? { ...replaced[i / 2]!, key: d.key } : d));
    // Every third doc loses its text entirely (written as nothing: its documents go).
    docs = docs.map((d, i) => (i % 3 === 0 ? { ...d, headline: '', tags: [] } : d));
    store(docs);
    expect(db.prepare("SELECT count(*) AS n FROM search_docs WHERE key = 'k0'").get()).toEqual({ n: 0 });
    for (const q of queriesFor(r, docs, 300)) {
      expect(searchKeys(db, q, ['headline', 'tags']).sort(), JSON.stringify(q)).toEqual(oracle(docs, q, ['headline', 'tags']));
    }
  });

  it('finds Chinese punctuation typed in either width: 建章立制,该出台 and 建章立制，该出台 alike', () => {
    store([
      { key: 'half', headline: '杭州应及时建章立制,该出台的政策及时出台', tags: ['亚(残)运'] },
      { key: 'full', headline: '杭州应及时建章立制，该出台的政策及时出台', tags: ['亚（残）运'] },
      { key: 'other', headline: '建章立制、该出台', tags: [] },
    ]);
    for (const q of ['建章立制，该出台', '建章立制,该出台', '制，', ',该']) {
      expect(searchKeys(db, q, ['headline', 'tags']).sort(), q).toEqual(['full', 'half']);
    }
    expect(searchKeys(db, '亚（残）', ['tags']).sort()).toEqual(['full', 'half']);
    expect(searchKeys(db, '(残)运', ['tags']).sort()).toEqual(['full', 'half']);
  });

  it('does not match across two values of one field', () => {
    store([{ key: 'a', headline: '', tags: ['数字', '经济'] }, { key: 'b', headline: '数字经济', tags: [] }]);
    expect(searchKeys(db, '字经', ['headline', 'tags'])).toEqual(['b']);
    expect(searchKeys(db, '字经', ['tags'])).toEqual([]);
    expect(searchKeys(db, '经', ['tags'])).toEqual(['a']);
  });
});
