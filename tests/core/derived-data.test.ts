// Derived data brought up to date at startup: a plan without search documents is indexed, a
// change of index format rebuilds the whole index (the reader's text included), ranks made by
// another ICU are redone — and a start with nothing stale rewrites nothing.
import { describe, expect, it } from 'vitest';
import { refreshDerivedData, SEARCH_FORMAT } from '../../electron/core/refresh-derived';
import { searchKeys } from '../../electron/core/search/match';
import { updateLatest } from '../helpers/core';
import type { Core } from '../../electron/core/core';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { useTempDirs } from '../helpers/temp-dir';
import { RANK_GAP } from '../../electron/core/collation/spaced-ranks';

const temp = useTempDirs();
const DERIVED = /^(search_doc_ids|initiative_sort_keys|text_sort_keys|derived_state)$/;

/** The index's documents without their row ids (a rebuild numbers them anew). */
const documents = (db: Core['db']) =>
  db
    .prepare(
      `SELECT d.key, d.field FROM search_docs d ORDER BY d.key, d.field`,
    )
    .all();

describe('refreshing derived data at startup', () => {
  it('changes nothing when nothing is stale', () => {
    const dir = temp.make();
    const first = createTestCore(dir);
    updateLatest(first.db, 'hz-2024/T1/I1', { leadUnit: '市经信局', tags: ['数字'] });
    const before = dumpTables(first.db, DERIVED);
    expect(refreshDerivedData(first.db)).toEqual({ plansIndexed: [], readerDocsIndexed: 0, sortKeysRanked: false, textKeysRanked: false });
    first.close();
    const second = createTestCore(dir);
    try {
      expect(dumpTables(second.db, DERIVED)).toEqual(before);
    } finally {
      second.close();
    }
  });

  it('indexes a plan that has no search documents', () => {
    const core = createTestCore(temp.make());
    try {
      core.db.prepare("DELETE FROM search_docs WHERE key = 'hz-2024' OR key LIKE 'hz-2024/%'").run();
      expect(searchKeys(core.db, '营商环境', ['headline'])).toEqual([]);
      expect(refreshDerivedData(core.db).plansIndexed).toEqual(['hz-2024']);
      expect(searchKeys(core.db, '营商环境', ['headline'])).toEqual(['hz-2024/T1/I2']);
    } finally {
      core.close();
    }
  });

  it('rebuilds the whole index, the reader’s text included, when the index format changed', () => {
    const dir = temp.make();
    const first = createTestCore(dir);
    updateLatest(first.db, 'hz-2024/T1/I1', { leadUnit: '市经信局', tags: ['数字'] });
    const before = documents(first.db);
    expect(before.length).toBeGreaterThan(45);
    first.db.prepare("UPDATE derived_state SET value = 'bigram-0' WHERE name = 'search.format'").run();
    // A stale document the old format left behind must not survive the rebuild.
    first.db.prepare("INSERT INTO search_docs (id, key, field) VALUES (9999, 'gone', 'tags')").run();
    first.db.prepare("INSERT INTO search_fts (rowid, tok) VALUES (9999, 'st ta al le e')").run();
    first.close();

    const second = createTestCore(dir);
    try {
      expect(second.db.prepare("SELECT value FROM derived_state WHERE name = 'search.format'").get()).toEqual({
        value: SEARCH_FORMAT,
      });
      expect(documents(second.db)).toEqual(before);
      expect(searchKeys(second.db, '经信', ['leadUnit'])).toEqual(['hz-2024/T1/I1']);
      expect(searchKeys(second.db, 'stale', ['tags'])).toEqual([]);
    } finally {
      second.close();
    }
  });

  it('re-ranks the reader’s values when another ICU ranked them', () => {
    const core = createTestCore(temp.make());
    try {
      updateLatest(core.db, 'hz-2024/T1/I1', { leadUnit: '乙' });
      updateLatest(core.db, 'hz-2024/T1/I2', { leadUnit: '甲' });
      core.db.prepare('UPDATE text_sort_keys SET pinyin = 0').run();
      core.db.prepare("UPDATE derived_state SET value = 'icu 1.0' WHERE name = 'text_sort_keys.collators'").run();
      expect(refreshDerivedData(core.db).textKeysRanked).toBe(true);
      const ranks = core.db.prepare('SELECT text, pinyin FROM text_sort_keys ORDER BY pinyin').all();
      expect(ranks).toEqual([
        { text: '甲', pinyin: RANK_GAP },
        { text: '乙', pinyin: 2 * RANK_GAP },
      ]);
    } finally {
      core.close();
    }
  });
});
