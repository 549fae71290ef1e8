// Purging a plan from the trash takes every search document of its text with it, in the purge's
// own transaction, and leaves the other plans' documents and the reader's own text where they
// were: through the real core (a real SQLite file, the real importer, a revised text imported as
// a new version, the library's trash and purge, search everywhere and the table's search).
//
// The purge deletes a plan's documents by key range (trigger plans_unindex: the plan's id and the
// keys under `<planId>/`). That takes all of them because every key of a plan's text is under its
// id: storeImportedPlan prefixes every item id with the plan's id, and a new version is a plan of
// its own with its own ids (the reader's values follow the items by successions, not by ids). So
// the checks below are on what the index holds, not on the ids: a plan-text document whose key
// is no stored plan or item, or a name in search_stray_keys beyond the keys that must be named,
// fails them whatever the ids are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { STRAY_KEYS_SQL } from '../../electron/core/db/migrations/0019-stray-search-keys';
import { importDocument } from '../../electron/core/import/pipeline';
import { storeImportedPlan } from '../../electron/core/plan/store-imported';
import { fieldListSql, keyTextSql, PLAN_TEXT_FIELDS } from '../../electron/core/search/documents';
import { libraryEntry, listLibrary, purgePlan, trashPlan } from '../../electron/core/services/library/library';
import { searchQuery } from '../../electron/core/services/search/query';
import { queryTable } from '../../electron/core/services/table/query';
import { attachTranslation, translationTemplate } from '../../electron/core/services/translations/translations';
import { importVersion, planItems } from '../../electron/core/services/versions/version-import';
import { addAnnotation } from '../helpers/annotations';
import { createTestCore, updateLatest } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'versions');
const load = (name: string) => importDocument(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
const temp = useTempDirs('briefbook-purge-docs-');
let core: Core;

beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const PLAN_FIELDS = fieldListSql(PLAN_TEXT_FIELDS);
const rows = (sql: string, ...params: unknown[]) => core.db.prepare(sql).all(...params) as Record<string, unknown>[];

/** Plan-text documents whose key is no stored plan (a title) nor a stored item: left behind. */
const orphanDocs = () =>
  rows(
    `SELECT ${keyTextSql('d.key')} AS key, d.field FROM search_doc_ids d WHERE d.field IN (${PLAN_FIELDS})
       AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = d.key) AND NOT EXISTS (SELECT 1 FROM initiatives i WHERE i.id = d.key)
     ORDER BY 1, 2`,
  );

/** The plan-text documents of a stored plan's items and title (id, key, field). */
const planDocs = (planId: string) =>
  rows(
    `SELECT d.id, d.key, d.field FROM search_doc_ids d WHERE d.field IN (${PLAN_FIELDS})
       AND (d.key = ? OR d.key IN (SELECT id FROM initiatives WHERE plan_id = ?)) ORDER BY d.id`,
    planId,
    planId,
  );

/** The reader's documents (every field but the plan's text), keys as text. */
const readerDocs = () =>
  rows(`SELECT d.id, ${keyTextSql('d.key')} AS key, d.field FROM search_doc_ids d WHERE d.field NOT IN (${PLAN_FIELDS}) ORDER BY d.id`);

const strayNames = () => core.db.prepare('SELECT key FROM search_stray_keys ORDER BY key').pluck().all() as string[];
const strayOracle = () => core.db.prepare(`SELECT key FROM (${STRAY_KEYS_SQL}) ORDER BY key`).pluck().all() as string[];

/** Hits of search everywhere (every version, plan text only) and their plans. */
function searched(text: string): { total: number; plans: string[] } {
  const r = searchQuery(core.db, { text, filters: { allVersions: true, sources: ['plan', 'translation'] }, offset: 0, limit: 200 });
  return { total: r.total, plans: [...new Set(r.hits.map((h) => h.planId))].sort() };
}

/** The table's rows holding `text`, counted exactly. */
const tableTotal = (text: string) =>
  queryTable(core.db, { sort: [], collation: 'pinyin', search: text, filters: {}, groupBy: null, offset: 0, limit: 50, exactTotal: true }).total;

/** What the index and its counts hold, once the plans in `gone` are purged. */
function expectIndexOf(gone: string[]): void {
  expect(orphanDocs()).toEqual([]);
  // The purge's range holds every key of a plan's text: no stored item's id is outside its plan's.
  expect(rows(`SELECT id FROM initiatives WHERE plan_id IS NOT substr(id, 1, instr(id, '/') - 1)`)).toEqual([]);
  for (const planId of gone) {
    // Nothing under the plan's id, of its text, is left (the reader's documents may be).
    expect(rows(`SELECT 1 FROM search_doc_ids WHERE field IN (${PLAN_FIELDS}) AND (key = ? OR (key >= ? AND key < ?))`, planId, `${planId}/`, `${planId}0`)).toEqual([]);
    expect(rows('SELECT plan_id FROM initiative_plan_totals WHERE plan_id = ?', planId)).toEqual([]);
  }
  // Named: exactly the keys that must be (no key left named with neither documents, a record nor a row).
  expect(strayNames()).toEqual(strayOracle());
}

describe('library.purge and the search index', () => {
  it('purging either version of a plan takes all its text out of search everywhere, the table’s search and the counts, and nothing else', async () => {
    const v1 = storeImportedPlan(core.db, await load('renewal-v1.txt')).planId;
    // The reader's text on items of v1: a field on an item v2 drops (it stays on v1), one on an
    // item v2 keeps (it moves to v2), and a note on each.
    const items1 = planItems(core.db, v1);
    const dropped = items1.find((i) => i.headline === '加强历史文化保护')!.id;
    const kept = items1.find((i) => i.headline === '建设口袋公园')!.id;
    updateLatest(core.db, dropped, { leadUnit: '市文旅局', tags: ['文保'] });
    updateLatest(core.db, kept, { progressNote: '已建成八个' });
    addAnnotation(core.db, { kind: 'note', planId: v1, itemId: dropped, body: '文保笔记' });
    addAnnotation(core.db, { kind: 'note', planId: v1, itemId: kept, body: '公园笔记' });
    // An English translation of v1 (documents under its item ids, fields of the plan's text).
    const template = JSON.parse(translationTemplate(core.db, v1, 'en').json) as { translator: string; initiatives: Record<string, { headline: string }> };
    template.translator = 'Test';
    template.initiatives[dropped]!.headline = 'Heritage conservation';
    attachTranslation(core.db, v1, 'renewal.en.json', JSON.stringify(template));

    const v2 = importVersion(core.db, await load('renewal-v2.txt'), v1).planId;
    expect(planItems(core.db, v2).every((i) => i.id.startsWith(`${v2}/`))).toBe(true);
    // Before: v1's own text (修缮历史建筑: only in the item v2 dropped) and the English are found.
    expect(searched('修缮历史建筑')).toEqual({ total: 1, plans: [v1] });
    expect(searched('heritage')).toEqual({ total: 1, plans: [v1] });
    expect(searched('口袋公园').plans).toEqual([v1, v2].sort());
    expect(orphanDocs()).toEqual([]);
    const v2Docs = planDocs(v2);
    const readers = readerDocs();
    expect(readers.length).toBeGreaterThanOrEqual(4);

    // The older version purged.
    trashPlan(core.db, v1, libraryEntry(core.db, v1)!.revision, true);
    purgePlan(core.db, v1, libraryEntry(core.db, v1)!.revision);
    expect(searched('修缮历史建筑')).toEqual({ total: 0, plans: [] });
    expect(searched('heritage')).toEqual({ total: 0, plans: [] });
    expect(searched('口袋公园').plans).toEqual([v2]);
    expect(tableTotal('修缮历史建筑')).toBe(0);
    expect(tableTotal('口袋公园')).toBe(1);
    expectIndexOf([v1]);
    // v2's documents, and the reader's, are the same rows as before.
    expect(planDocs(v2)).toEqual(v2Docs);
    expect(readerDocs()).toEqual(readers);
    expect(listLibrary(core.db).map((p) => [p.id, p.itemCount])).toContainEqual([v2, planItems(core.db, v2).length]);
    expect(listLibrary(core.db).map((p) => p.id)).not.toContain(v1);

    // Then the newer one: nothing of either plan's text is left, the reader's text still is.
    trashPlan(core.db, v2, libraryEntry(core.db, v2)!.revision, true);
    purgePlan(core.db, v2, libraryEntry(core.db, v2)!.revision);
    expect(searched('口袋公园')).toEqual({ total: 0, plans: [] });
    expect(tableTotal('口袋公园')).toBe(0);
    expectIndexOf([v1, v2]);
    expect(readerDocs()).toEqual(readers);
    expect(strayNames()).toEqual(expect.arrayContaining([dropped]));

    // v1's file imported again: its text is found again, once, under the same ids.
    expect(storeImportedPlan(core.db, await load('renewal-v1.txt'))).toMatchObject({ planId: v1, duplicate: false });
    expect(searched('修缮历史建筑')).toEqual({ total: 1, plans: [v1] });
    expect(tableTotal('修缮历史建筑')).toBe(1);
    expect(orphanDocs()).toEqual([]);
    expect(strayNames()).toEqual(strayOracle());
  });

  it('a version import that fails, or a file imported again, leaves the index, its counts and the stray keys as they were', async () => {
    const v1 = storeImportedPlan(core.db, await load('renewal-v1.txt')).planId;
    updateLatest(core.db, planItems(core.db, v1)[0]!.id, { leadUnit: '市住建局' });
    const before = dumpTables(core.db);
    // A failure after the new version's text and documents are written (at its lineage's row):
    // the whole import is rolled back, the documents and their FTS5 entries with it.
    core.db.exec(`CREATE TEMP TRIGGER fail_version BEFORE INSERT ON plan_versions BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    const v2Doc = await load('renewal-v2.txt');
    expect(() => importVersion(core.db, v2Doc, v1)).toThrow(/injected/);
    core.db.exec('DROP TRIGGER temp.fail_version');
    expect(dumpTables(core.db)).toEqual(before);
    expect(searched('管网更新')).toEqual({ total: 1, plans: [v1] });
    // The same file again: recognised, nothing written.
    expect(storeImportedPlan(core.db, await load('renewal-v1.txt'))).toMatchObject({ planId: v1, duplicate: true });
    expect(dumpTables(core.db)).toEqual(before);
    // Then the version imported: its text found, nothing left over.
    const v2 = importVersion(core.db, v2Doc, v1).planId;
    expect(searched('实施加装电梯和管网更新')).toEqual({ total: 1, plans: [v2] });
    expect(orphanDocs()).toEqual([]);
    expect(strayNames()).toEqual(strayOracle());
  });

  it('the newest version purged and imported again as a version: its text found once more, under the same ids, with the reader’s text it kept', async () => {
    const v1 = storeImportedPlan(core.db, await load('renewal-v1.txt')).planId;
    updateLatest(core.db, planItems(core.db, v1).find((i) => i.headline === '建设口袋公园')!.id, { progressNote: '已建成八个' });
    const v2Doc = await load('renewal-v2.txt');
    const v2 = importVersion(core.db, v2Doc, v1).planId;
    const park = planItems(core.db, v2).find((i) => i.headline === '建设口袋公园')!.id;
    const v2Docs = planDocs(v2);
    trashPlan(core.db, v2, libraryEntry(core.db, v2)!.revision, true);
    purgePlan(core.db, v2, libraryEntry(core.db, v2)!.revision);
    expectIndexOf([v2]);
    expect(strayNames()).toContain(park);
    expect(importVersion(core.db, v2Doc, v1).planId).toBe(v2);
    // The same documents as its first import (ids aside: new ones are taken), found once each.
    expect(planDocs(v2).map((d) => [d.key, d.field])).toEqual(v2Docs.map((d) => [d.key, d.field]));
    expect(searched('实施加装电梯和管网更新')).toEqual({ total: 1, plans: [v2] });
    const notes = searchQuery(core.db, { text: '已建成八个', filters: { allVersions: true }, offset: 0, limit: 10 });
    expect(notes.hits.map((h) => h.itemId)).toEqual([park]);
    expect(orphanDocs()).toEqual([]);
    expect(strayNames()).toEqual(strayOracle());
  });
});
