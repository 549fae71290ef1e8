// What a plan import writes to the search index, and how: its documents' ids rise in the order
// they are written, so FTS5 keeps the whole plan in memory and writes it as one segment at the
// commit (a step down to a lower id makes FTS5 write out what it holds as a segment of its own);
// and the index finds the same texts as before.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { importPlan } from '../../electron/core/plan/store';
import { PLAN_TEXT_FIELDS } from '../../electron/core/search/documents';
import { normalizeForSearch } from '../../electron/core/search/normalize';
import { scoreCode } from '../../electron/core/search/score';
import { searchKeys } from '../../electron/core/search/match';
import { articleText, generatePlan } from '../bench/corpus';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const SHAPE = { plans: 3, themesPerPlan: 5, initiativesPerTheme: 10 };

/** Segments of the search index (the segment ids its page index names). */
function segments(db: Db): number {
  return (db.prepare('SELECT count(DISTINCT segid) AS n FROM search_fts_idx').get() as { n: number }).n;
}

describe('plan import into the search index', () => {
  it('writes each plan as one FTS5 segment, its documents in rising id order', () => {
    const core = createTestCore(temp.make());
    try {
      // No merging: every segment an import writes stays countable.
      core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)").run();
      core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('crisismerge', 2000)").run();
      const before = segments(core.db);
      for (let i = 0; i < SHAPE.plans; i++) {
        const doc = generatePlan(7, i, SHAPE);
        importPlan(core.db, doc, articleText(doc));
        expect(segments(core.db), `after plan ${i + 1}`).toBe(before + i + 1);
      }
      // The plan's texts fall under many score codes: in their own order the ids would step
      // down often (the case the order avoids), so this plan is a fair test of it.
      const doc = generatePlan(7, 0, SHAPE);
      const codes = doc.initiatives.flatMap((i) => [
        scoreCode('headline', normalizeForSearch(i.headline).length),
        scoreCode('body', normalizeForSearch(i.body).length),
      ]);
      expect(new Set(codes).size).toBeGreaterThan(5);
    } finally {
      core.close();
    }
  });

  it('gives every plan text a document, found by its words, whatever order they were written in', () => {
    const core = createTestCore(temp.make());
    try {
      const doc = generatePlan(7, 1, SHAPE);
      importPlan(core.db, doc, articleText(doc));
      const fields = PLAN_TEXT_FIELDS.map((f) => `'${f}'`).join(', ');
      const docs = core.db.prepare(`SELECT key, field FROM search_docs WHERE field IN (${fields}) AND (key = ? OR key LIKE ? || '/%') ORDER BY key, field`)
        .all(doc.meta.id, doc.meta.id);
      const expected = [
        { key: doc.meta.id, field: 'title' },
        ...doc.initiatives.flatMap((i) => [
          { key: i.id, field: 'body' },
          { key: i.id, field: 'headline' },
          ...(doc.lists.some((l) => l.initiativeId === i.id) ? [{ key: i.id, field: 'industries' }] : []),
          { key: i.id, field: 'theme' },
        ]),
      ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
      expect(docs).toEqual(expected);
      for (const i of doc.initiatives.slice(0, 10)) {
        expect(searchKeys(core.db, i.headline, ['headline']), i.headline).toContain(i.id);
      }
    } finally {
      core.close();
    }
  });
});
