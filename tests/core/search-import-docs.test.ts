// The import's fast path into the search index writes what the plain path writes: tokenColumn
// (units, a table of numbers, one buffer) gives the tokens a character-array scan gives, and a
// plan's documents written together (insertNewSearchDocs: one id lookup per score code) get
// the rows, ids and tokens that writeSearchDocs on each text in turn gives.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Db } from '../../electron/core/db/open';
import { writeTransaction } from '../../electron/core/db/transaction';
import { importPlan } from '../../electron/core/plan/store';
import { writeSearchDocs } from '../../electron/core/search/documents';
import { normalizeForSearch } from '../../electron/core/search/normalize';
import { scoreCode } from '../../electron/core/search/score';
import { tokenColumn } from '../../electron/core/search/tokens';
import { articleText, generatePlan } from '../bench/corpus';
import { Prng } from '../bench/prng';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** The tokens as the design states them, written plainly: the text as an array of characters
 *  (code points; a lone surrogate is one), each indexable one and each pair of indexable
 *  neighbours, once each, in order of first appearance. */
function plainTokens(values: readonly string[]): string {
  const indexable = (ch: string) => ch.codePointAt(0)! >= 0x80 || /^[0-9a-z]$/i.test(ch);
  const tokens = new Set<string>();
  for (const v of values) {
    const chars = Array.from(v);
    chars.forEach((c, i) => {
      if (!indexable(c)) return;
      tokens.add(c);
      const next = chars[i + 1];
      if (next !== undefined && indexable(next)) tokens.add(c + next);
    });
  }
  return [...tokens].join(' ');
}

describe('search tokens, fast path', () => {
  it('equals the plain character scan on random texts of every kind of character', () => {
    const pieces = ['数', '字', '经济', 'a', 'Z', '5', ' ', ',', '.', '“', '”', '𠀀', '𠀁', '\ud800', '\udc00', 'é', '-', '\u0000', '\u007f', '\u0080'];
    const r = new Prng(20240511);
    for (let n = 0; n < 3000; n++) {
      const values = Array.from({ length: 1 + r.int(3) }, () => Array.from({ length: r.int(16) }, () => pieces[r.int(pieces.length)]!).join(''));
      expect(tokenColumn(values), JSON.stringify(values)).toBe(plainTokens(values));
    }
    // Long texts (the reused buffers grow) and repeats across calls (the table is emptied).
    const long = '数字经济𠀀高质量发展'.repeat(3000);
    expect(tokenColumn([long])).toBe(plainTokens([long]));
    expect(tokenColumn(['数字'])).toBe('数 数字 字');
    expect(tokenColumn(['数字'])).toBe('数 数字 字');
    expect(tokenColumn([''])).toBe('');
  });
});

/** Every document with its id, and every token's list of ids (fts5vocab reads the index). */
function indexContents(db: Db) {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search_fts', 'row')");
  const terms = db.prepare('SELECT term FROM temp.search_vocab ORDER BY term').pluck().all() as string[];
  const tokens = Object.fromEntries(
    terms.map((t) => [t, db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(`"${t}"`)]),
  );
  return { docs: db.prepare('SELECT id, key, field FROM search_docs ORDER BY id').all(), tokens };
}

describe('a plan import into the search index', () => {
  it('writes the rows, ids and tokens that writeSearchDocs on each text in score-code order writes', () => {
    const shape = { plans: 2, themesPerPlan: 5, initiativesPerTheme: 10 };
    const first = generatePlan(11, 0, shape);
    const second = generatePlan(11, 1, shape);
    // A text of ASCII punctuation only: a document without tokens.
    second.initiatives[3] = { ...second.initiatives[3]!, headline: '-- , --' };
    const fast = createTestCore(temp.make());
    const plain = createTestCore(temp.make());
    open.push(fast, plain);
    importPlan(fast.db, first, articleText(first));
    importPlan(fast.db, second, articleText(second));
    // The plain side: the first plan as the app imports it (ids to continue from), then the
    // second's texts one writeSearchDocs at a time, in the order the import promises.
    importPlan(plain.db, first, articleText(first));
    const themes = new Map(second.themes.map((t) => [t.id, t.headline]));
    const industries = new Map<string, string[]>();
    for (const l of second.lists) industries.set(l.initiativeId, [...(industries.get(l.initiativeId) ?? []), ...l.items.map((i) => i.text)]);
    const texts: { key: string; field: string; value: string | string[] }[] = [{ key: second.meta.id, field: 'title', value: second.meta.title }];
    for (const i of second.initiatives) {
      texts.push({ key: i.id, field: 'headline', value: i.headline }, { key: i.id, field: 'body', value: i.body });
      texts.push({ key: i.id, field: 'theme', value: themes.get(i.themeId)! });
      const list = industries.get(i.id);
      if (list) texts.push({ key: i.id, field: 'industries', value: list });
    }
    const code = (t: (typeof texts)[number]) =>
      scoreCode(t.field, (typeof t.value === 'string' ? [t.value] : t.value).reduce((n, v) => n + normalizeForSearch(v).length, 0));
    const ordered = texts.map((t, order) => ({ t, order, code: code(t) })).sort((a, b) => a.code - b.code || a.order - b.order);
    writeTransaction(plain.db, () => {
      for (const { t } of ordered) writeSearchDocs(plain.db, t.key, { [t.field]: t.value });
    });
    const expected = indexContents(plain.db);
    const listed = (d: typeof first) => new Set(d.lists.map((l) => l.initiativeId)).size;
    expect(expected.docs.filter((d) => String((d as { key: string }).key).startsWith('bench-')).length).toBe(2 * (1 + 50 * 3) + listed(first) + listed(second));
    expect(indexContents(fast.db)).toEqual(expected);
    // The punctuation-only headline is a document with no token.
    const punct = fast.db.prepare("SELECT id FROM search_docs WHERE key = ? AND field = 'headline'").pluck().get(second.initiatives[3]!.id);
    expect(punct).toEqual(expect.any(Number));
  });
});
