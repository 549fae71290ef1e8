// The estimated total of a search stopped early, held to the exact total: on a generated corpus
// where a common word is spread unevenly over the index's order (rarer in headlines, the first
// texts read, than in notes, the last), the walk stops after a page and the estimate samples the
// index (the tests lower the texts read before stopping and the candidates counted, so both
// sample rather than cover); the same query read to the end gives the exact total.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../../shared/api/search/methods';
import type { PlanDocument } from '../../../shared/domain/plan';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { indexAnnotation } from '../../../electron/core/search/source-docs';
import { searchQuery, type SqlStep } from '../../../electron/core/services/search/query';
import { Prng } from '../../bench/prng';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Words with how often each is drawn into a headline, a body and a note (per word drawn). */
const WORDS: [string, number, number, number][] = [
  ['数字', 0.05, 0.15, 0.4],
  ['改革', 0.05, 0.1, 0.3],
  ['营商环境', 0.02, 0.06, 0.02],
  ['推进', 0.2, 0.2, 0.1],
  ['城市', 0.2, 0.2, 0.1],
  ['建设', 0.2, 0.15, 0.05],
  ['数据', 0.1, 0.05, 0.02],
  ['环境', 0.1, 0.05, 0.01],
  ['脑机接口', 0.01, 0.005, 0.001],
];

function phrase(r: Prng, words: number, slot: 1 | 2 | 3): string {
  const total = WORDS.reduce((n, w) => n + w[slot], 0);
  let out = '';
  for (let k = 0; k < words; k++) {
    let at = r.next() * total;
    const w = WORDS.find((x) => (at -= x[slot]) < 0) ?? WORDS[0]!;
    out += w[0] + (r.next() < 0.3 ? '，' : '');
  }
  return out;
}

function planDoc(r: Prng, id: string): PlanDocument {
  const themes = [1, 2, 3].map((t) => ({ id: `${id}/T${t}`, planId: id, ordinal: t, headline: phrase(r, 2, 1) }));
  return {
    meta: {
      id, title: phrase(r, 3, 1), column: null, publishedAt: null, source: null, author: null, editor: null, graphics: null,
      tags: [], themeLine: null, lead: 'Lead', authorNote: null, language: 'zh',
    },
    themes,
    initiatives: Array.from({ length: 30 }, (_, j) => ({
      id: `${id}/T${(j % 3) + 1}/I${j + 1}`, themeId: `${id}/T${(j % 3) + 1}`, ordinal: j + 1, numeral: `${j + 1}`,
      headline: phrase(r, r.between(1, 4), 1), body: phrase(r, r.between(5, 40), 2),
    })),
    lists: [],
  };
}

function corpus(): Db {
  const db = openDatabase(join(temp.make(), 'estimate.sqlite3'));
  open.push(db);
  const r = new Prng(20240511);
  for (let p = 0; p < 20; p++) importPlan(db, planDoc(r, `p-${p.toString(16).padStart(8, '0')}`), 'x');
  const items = db.prepare('SELECT id, plan_id AS planId FROM initiatives ORDER BY id').all() as { id: string; planId: string }[];
  const insert = db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, ?, ?, 'note', ?, ?, ?, 1)`,
  );
  const at = '2024-01-01T00:00:00.000Z';
  writeTransaction(db, () => {
    for (let n = 0; n < 3000; n++) {
      const id = `00000007-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
      // Notes gather on some items (a third of them get most): units hold a word in many texts.
      const item = items[r.next() < 0.7 ? r.int(items.length / 3) : r.int(items.length)]!;
      insert.run(id, item.planId, item.id, phrase(r, r.between(1, 6), 3), at, at);
      indexAnnotation(db, id);
    }
  });
  return db;
}

describe('an estimated total', () => {
  it('is within 15% of the exact total for common, long and several needles, and under a theme filter', () => {
    const db = corpus();
    const cases: { text: string; filters?: SearchFilters }[] = [
      { text: '数' },
      { text: '数字' },
      { text: '改革' },
      { text: '营商环境' },
      { text: '数字 改革' },
      { text: '数字', filters: { themeIds: Array.from({ length: 10 }, (_, p) => `p-${p.toString(16).padStart(8, '0')}/T${(p % 3) + 1}`) } },
    ];
    for (const { text, filters = {} } of cases) {
      const query = { text, filters, offset: 0, limit: 10 };
      const exact = searchQuery(db, query, { exactRows: Infinity });
      expect(exact.totalExact, text).toBe(true);
      // Enough hits that a page of ten stops early.
      expect(exact.total, text).toBeGreaterThan(20);
      const early = searchQuery(db, query, { exactRows: 50, countCap: 1600 });
      expect(early.totalExact, text).toBe(false);
      expect(early.hits.map((h) => h.itemId), text).toEqual(exact.hits.map((h) => h.itemId));
      const error = early.total / exact.total - 1;
      expect(Math.abs(error), `${text}: about ${early.total}, exactly ${exact.total}`).toBeLessThanOrEqual(0.15);
    }
  });

  it('is made once for the next page and the same text again, and again after a write or for other filters', () => {
    const db = corpus();
    const options = { exactRows: 50, countCap: 1600 };
    // Whether a search sampled the index for its estimate (the statement counting its windows).
    const sampled = (query: { text: string; filters: SearchFilters; offset: number }) => {
      const log: SqlStep[] = [];
      const result = searchQuery(db, { ...query, limit: 10 }, { ...options, log });
      expect(result.totalExact, query.text).toBe(false);
      return { total: result.total, sampled: log.some((s) => s.sql.includes('json_each(@ranges)')) };
    };
    const first = sampled({ text: '数字', filters: {}, offset: 0 });
    expect(first.sampled).toBe(true);
    expect(sampled({ text: '数字', filters: {}, offset: 10 })).toEqual({ total: first.total, sampled: false });
    expect(sampled({ text: '数字', filters: {}, offset: 0 })).toEqual({ total: first.total, sampled: false });
    // Another text, or the same under a filter, is its own estimate.
    expect(sampled({ text: '改革', filters: {}, offset: 0 }).sampled).toBe(true);
    const theme = { themeIds: Array.from({ length: 10 }, (_, p) => `p-${p.toString(16).padStart(8, '0')}/T${(p % 3) + 1}`) };
    expect(sampled({ text: '数字', filters: theme, offset: 0 }).sampled).toBe(true);
    // A write (a note, in its own transaction as the app writes one) makes the next search sample again.
    const item = db.prepare('SELECT id, plan_id AS planId FROM initiatives ORDER BY id LIMIT 1').get() as { id: string; planId: string };
    writeTransaction(db, () => {
      const id = '00000007-0000-4000-8000-ffffffffffff';
      db.prepare(
        `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, ?, ?, 'note', '数字', ?, ?, 1)`,
      ).run(id, item.planId, item.id, '2024-01-02T00:00:00.000Z', '2024-01-02T00:00:00.000Z');
      indexAnnotation(db, id);
    });
    expect(sampled({ text: '数字', filters: {}, offset: 10 }).sampled).toBe(true);
    expect(sampled({ text: '数字', filters: {}, offset: 20 }).sampled).toBe(false);
  });
});
