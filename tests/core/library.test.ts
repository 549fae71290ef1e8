// The library services: list, rename and tag (with revisions: a stale write is a CONFLICT
// carrying the current entry), trash (asking first when the plan carries the reader's values),
// restore, and purge — which deletes the plan's text but not the reader's records, so importing
// the same file again brings them back.
import { addAnnotation } from '../helpers/annotations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../electron/core/import/pipeline';
import { storeImportedPlan } from '../../electron/core/plan/store-imported';
import {
  listLibrary,
  purgePlan,
  restorePlan,
  trashPlan,
  updateLibraryPlan,
} from '../../electron/core/services/library/library';
import { listPlans } from '../../electron/core/services/plans';
import { getDashboard } from '../../electron/core/services/dashboard';
import { queryTable, tableRows } from '../../electron/core/services/table/query';
import { AppError, StaleWriteError } from '../../shared/api/result';
import type { ImportedDocument } from '../../shared/domain/document';
import { createTestCore, updateLatest } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';
import type { Db } from '../../electron/core/db/open';

const temp = useTempDirs();
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');
const load = (name: string): Promise<ImportedDocument> => importDocument(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
const AT = new Date('2025-04-01T10:00:00Z');

function withCore<T>(fn: (db: Db) => T | Promise<T>): Promise<T> {
  const core = createTestCore(temp.make());
  return Promise.resolve(fn(core.db)).finally(() => core.close());
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

const tableIds = (db: Db): string[] =>
  queryTable(db, { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 1000 }).rows.map((r) => r.id);

describe('library.list', () => {
  it('lists the embedded plan and an imported one with their metadata, counts and the reader’s progress', async () => {
    const doc = await load('notice.txt');
    await withCore((db) => {
      const { planId } = storeImportedPlan(db, doc, { now: AT });
      updateLatest(db, 'hz-2024/T1/I1', { status: 'done', tags: ['改革', '营商'] });
      updateLatest(db, 'hz-2024/T1/I2', { status: 'in_progress', leadUnit: '市发改委' });
      addAnnotation(db, { kind: 'note', itemId: 'hz-2024/T2/I1', body: '笔记' });
      addAnnotation(db, { kind: 'note', itemId: 'hz-2024/T2/I1', body: '删了', trashed: true });

      const entries = listLibrary(db);
      // Newest import first (the embedded plan was seeded just now, the file "in 2025").
      expect(entries.map((p) => p.id)).toEqual(['hz-2024', planId]);
      const [embedded, imported] = entries;
      expect(imported).toMatchObject({
        id: planId,
        title: '青禾市数字乡村建设实施方案',
        originalTitle: '青禾市数字乡村建设实施方案',
        issuer: doc.metadata.issuer,
        docNumber: '青政办发〔2024〕18号',
        date: '2024-03-05',
        format: 'txt',
        fileName: 'notice.txt',
        importedAt: AT.toISOString(),
        progress: { withStatus: 0, done: 0 },
        tags: [],
        trashedAt: null,
        revision: 0,
        readerValues: 0,
        translations: [],
      });
      expect(imported!.itemCount).toBeGreaterThan(0);
      expect(embedded).toMatchObject({
        id: 'hz-2024',
        format: 'embedded',
        date: '2024-05-11',
        themeCount: 5,
        itemCount: 15,
        progress: { withStatus: 2, done: 1 },
        // status + 2 tags; status + lead unit; a note.
        readerValues: 6,
        translations: ['en'],
      });
    });
  });
});

describe('library.update', () => {
  it('renames and tags with a revision, refuses a stale write with the current entry, and goes back to the plan’s title', () =>
    withCore((db) => {
      const renamed = updateLibraryPlan(db, 'hz-2024', 0, { title: ' 杭州新思路 ', tags: ['城市', '城市', ' 改革 '] }, AT);
      expect(renamed).toMatchObject({ title: '杭州新思路', tags: ['城市', '改革'], revision: 1 });
      expect(listPlans(db).find((p) => p.id === 'hz-2024')?.title).toBe('杭州新思路');

      const before = dumpTables(db);
      const err = thrown(() => updateLibraryPlan(db, 'hz-2024', 0, { title: '别的名字' }));
      expect(err).toBeInstanceOf(StaleWriteError);
      expect((err as StaleWriteError).message).toMatch(/revision 1.*revision 0/);
      expect((err as StaleWriteError).current).toMatchObject({ id: 'hz-2024', title: '杭州新思路', revision: 1 });
      expect(dumpTables(db)).toEqual(before);

      const back = updateLibraryPlan(db, 'hz-2024', 1, { title: null });
      expect(back).toMatchObject({ title: back.originalTitle, tags: ['城市', '改革'], revision: 2 });
      expect(() => updateLibraryPlan(db, 'p-0000000000', 0, { title: 'x' })).toThrow(/no plan with id p-0000000000/);
    }));
});

describe('library.trash, restore and purge', () => {
  it('asks before trashing a plan that carries the reader’s values, then leaves it out of the table and plan.list', () =>
    withCore((db) => {
      updateLatest(db, 'hz-2024/T3/I3', { status: 'done', progressNote: '已完成' });
      const before = dumpTables(db);
      const err = thrown(() => trashPlan(db, 'hz-2024', 0));
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'BAD_REQUEST' });
      expect((err as Error).message).toMatch(/carries 2 values of yours/);
      expect(dumpTables(db)).toEqual(before);

      const trashed = trashPlan(db, 'hz-2024', 0, true, AT);
      expect(trashed).toMatchObject({ trashedAt: AT.toISOString(), revision: 1, readerValues: 2 });
      expect(listLibrary(db).map((p) => p.id)).toEqual([]);
      expect(listLibrary(db, { trash: true }).map((p) => p.id)).toEqual(['hz-2024']);
      expect(listPlans(db)).toEqual([]);
      expect(tableIds(db)).toEqual([]);
      expect(() => getDashboard(db, 'hz-2024', '2025-04-01')).toThrow(/is in the trash/);
      expect(() => trashPlan(db, 'hz-2024', 1, true)).toThrow(/already in the trash/);

      const restored = restorePlan(db, 'hz-2024', 1);
      expect(restored).toMatchObject({ trashedAt: null, revision: 2 });
      expect(tableIds(db)).toHaveLength(15);
      expect(getDashboard(db, 'hz-2024', '2025-04-01').themes).toHaveLength(5);
      expect(() => restorePlan(db, 'hz-2024', 2)).toThrow(/not in the trash/);
    }));

  it('trashes a plan without reader values without asking', () =>
    withCore((db) => {
      expect(trashPlan(db, 'hz-2024', 0, false, AT).trashedAt).toBe(AT.toISOString());
    }));

  it('purges only from the trash; the reader’s values come back when the same file is imported again', async () => {
    const doc = await load('work-report.txt');
    await withCore((db) => {
      const { planId } = storeImportedPlan(db, doc);
      const item = tableIds(db).find((id) => id.startsWith(`${planId}/`))!;
      updateLatest(db, item, { status: 'in_progress', leadUnit: '市统计局', tags: ['经济'] });
      updateLibraryPlan(db, planId, 0, { title: '报告' });
      expect(() => purgePlan(db, planId, 1)).toThrow(/not in the trash/);
      trashPlan(db, planId, 1, true);
      // Imported again while in the trash: recognised, and said to be there.
      expect(storeImportedPlan(db, doc)).toMatchObject({ planId, duplicate: true, inTrash: true });
      expect(() => purgePlan(db, planId, 1)).toThrow(StaleWriteError);

      purgePlan(db, planId, 2);
      expect(db.prepare('SELECT count(*) AS n FROM plans WHERE id = ?').get(planId)).toEqual({ n: 0 });
      for (const table of ['plan_sections', 'plan_blocks', 'plan_files', 'initiatives', 'themes']) {
        expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE plan_id = ?`).get(planId), table).toEqual({ n: 0 });
      }
      // The reader's records stay, keyed by the ids.
      expect(db.prepare('SELECT lead_unit AS leadUnit FROM user_initiative_state WHERE initiative_id = ?').get(item)).toEqual({
        leadUnit: '市统计局',
      });
      expect(listLibrary(db, { trash: true }).map((p) => p.id)).toEqual([]);

      const again = storeImportedPlan(db, doc);
      expect(again).toMatchObject({ planId, duplicate: false });
      const [row] = tableRows(db, [item]);
      expect(row).toMatchObject({ status: 'in_progress', leadUnit: '市统计局', tags: ['经济'], revision: 1 });
      expect(listLibrary(db).find((p) => p.id === planId)).toMatchObject({ title: '报告', trashedAt: null, revision: 3 });
      expect(tableIds(db)).toContain(item);
    });
  });
});
