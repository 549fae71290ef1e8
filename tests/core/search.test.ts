// The bigram search index against its oracle: for every query, the keys it finds are exactly
// those whose text contains the query by plain JavaScript substring search (after the same
// lower-casing and whitespace collapsing on both sides), for 1-, 2- and 3+-character queries,
// in Chinese, Latin, mixed, with punctuation, and with no hits at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { writeSearchDocs } from '../../electron/core/search/documents';
import { searchKeys } from '../../electron/core/search/match';
import { matchExpression, tokenColumn } from '../../electron/core/search/tokens';
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

/** The docs' texts where the index reads them (an initiative's headline, its tags), and their
 *  index entries, as an import and a save write them. */
function store(docs: readonly Doc[]): void {
  db.transaction(() => {
    db.exec(`INSERT OR IGNORE INTO plans (id, title, lead, language, source_sha256, imported_at) VALUES ('p', 'P', '', 'zh', 'x', 't');
      INSERT OR IGNORE INTO themes (id, plan_id, ordinal, headline) VALUES ('p/T1', 'p', 1, 'T');`);
    for (const d of docs) {
      db.prepare('DELETE FROM initiatives WHERE id = ?').run(d.key);
      db.prepare('DELETE FROM user_initiative_tags WHERE initiative_id = ?').run(d.key);
      const ordinal = (db.prepare('SELECT coalesce(max(ordinal), 0) + 1 AS n FROM initiatives').get() as { n: number }).n;
      db.prepare("INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES (?, 'p', 'p/T1', ?, '', ?, '')").run(
        d.key,
        ordinal,
        d.headline,
      );
      for (const tag of new Set(d.tags)) db.prepare('INSERT INTO user_initiative_tags (initiative_id, tag) VALUES (?, ?)').run(d.key, tag);
      writeSearchDocs(db, d.key, { headline: d.headline, tags: [...new Set(d.tags)] });
    }
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
  it('writes each indexable character and each bigram of them once', () => {
    expect(tokenColumn(['数字经济数字'])).toBe('数 数字 字 字经 经 经济 济 济数');
    // ASCII punctuation and space separate runs; other punctuation is indexed like a letter.
    expect(tokenColumn(['5g基站, ai', '“数”'])).toBe('5 5g g g基 基 基站 站 a ai i “ “数 数 数” ”');
    expect(tokenColumn(['𠀀x'])).toBe('𠀀 𠀀x x'); // an astral character is one character
  });

  it('asks one character as itself, two as their bigram (both exact), more as the AND of its tokens', () => {
    expect(matchExpression('数')).toEqual({ match: '"数"', exact: true });
    expect(matchExpression('数字')).toEqual({ match: '"数字"', exact: true });
    expect(matchExpression('数字经')).toEqual({ match: '"数字" "字经"', exact: false });
    expect(matchExpression('a, b')).toEqual({ match: '"a" "b"', exact: false });
    expect(matchExpression(',')).toBeNull();
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
