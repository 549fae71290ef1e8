// The search index's maintenance (search/merge.ts): after bulk work the app merges the index
// into one segment in small steps, with the hits exactly the same; a note saved between two steps
// is kept, found and the merge goes on; single-note saves afterwards are merged by FTS5's levels
// only, never into the large segment (the policy not triggered by small writes); a core left
// idle does the work by itself.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import {
  plannedMerge,
  readSearchStructure,
  runSearchMaintenance,
  searchMaintenanceStep,
  searchSegments,
  USERMERGE,
  type Segment,
} from '../../../electron/core/search/merge';
import { indexNewAnnotations } from '../../../electron/core/search/source-docs';
import { searchQuery } from '../../../electron/core/services/search/query';
import { createTestCore } from '../../helpers/core';
import { dumpTables } from '../../helpers/db-dump';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const QUERIES = ['数', '数字', '营商环境', '改革', 'qzv', 'budget', '绿色 -数字', '杭州'];

/** Every query's hits, read to the end (exact totals, every key in order). */
function hits(core: Core) {
  return QUERIES.map((text) => {
    const r = searchQuery(core.db, { text, filters: {}, offset: 0, limit: 200 }, { exactRows: Infinity });
    return { text, total: r.total, hits: r.hits.map((h) => [h.itemId ?? h.planId, h.score, h.matches.map((m) => m.annotationId ?? m.field)]) };
  });
}

/** FTS5's own check of the index's structure and entries (throws when it finds it damaged). */
const integrityCheck = (core: Core) => core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();

const note = (n: number) => ({
  id: randomUUID(),
  kind: 'note' as const,
  planId: 'hz-2024',
  itemId: `hz-2024/T4/I${(n % 3) + 1}`,
  target: null,
  color: null,
  body: `第${n}条：数字化改革 qzv${n} ${n % 3 === 0 ? 'budget review' : '营商环境'} 杭州${n % 7}`,
  tags: [],
});

let bulkCount = 0;
/** Bulk work: notes written in batches and indexed in bulk (indexNewAnnotations), a transaction
 *  and one segment each, as an import writes its plan. */
function bulkNotes(core: Core, batches: number, perBatch: number): void {
  const insert = core.db.prepare(
    "INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, ?, ?, 'note', ?, ?, ?, 1)",
  );
  for (let b = 0; b < batches; b++) {
    writeTransaction(core.db, () => {
      const ids = Array.from({ length: perBatch }, () => {
        const n = note(bulkCount++);
        const at = new Date().toISOString();
        insert.run(n.id, n.planId, n.itemId, n.body, at, at);
        return n.id;
      });
      indexNewAnnotations(core.db, ids);
    });
  }
}

/** Single notes saved through the API, one transaction each, as a reader saves them. */
async function saveNote(core: Core, n: number): Promise<void> {
  const r = await core.router.dispatch('annotation.create', note(n));
  expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
}

const segmentsOf = (core: Core) => readSearchStructure(core.db).levels.flatMap((l) => l.segments);
const largest = (segments: Segment[]) => segments.reduce((a, b) => (b.last - b.first > a.last - a.first ? b : a));

describe('the search index kept by the app', () => {
  it('after bulk work: many segments merged into one in small steps, the hits identical, the index sound', () => {
    const core = createTestCore(temp.make());
    open.push(core);
    bulkNotes(core, 12, 100);
    const before = hits(core);
    expect(before.find((h) => h.text === 'qzv')!.total).toBeGreaterThan(0);
    const segments = searchSegments(core.db);
    expect(segments).toBeGreaterThan(5);
    expect(plannedMerge(readSearchStructure(core.db))).toBe('full');

    const report = runSearchMaintenance(core.db, 4);
    expect(report).toMatchObject({ segmentsBefore: segments, segmentsAfter: 1, full: true });
    expect(report.steps).toBeGreaterThan(1);
    expect(report.levelsAfter.filter((n) => n > 0)).toEqual([1]);
    expect(plannedMerge(readSearchStructure(core.db))).toBe(null);
    integrityCheck(core);
    expect(hits(core)).toEqual(before);
    // Nothing left: a further step does no work.
    expect(searchMaintenanceStep(core.db)).toEqual({ kind: null, pages: 0, more: false });
  });

  it("is invisible to the tests' \"changed nothing\" dumps, which still see a change in what the index holds", () => {
    const core = createTestCore(temp.make());
    open.push(core);
    bulkNotes(core, 8, 20);
    const before = dumpTables(core.db);
    const pages = () => core.db.prepare('SELECT count(*) FROM search_fts_data').pluck().get();
    const pagesBefore = pages();
    expect(runSearchMaintenance(core.db, 4).segmentsAfter).toBe(1);
    // The merge rewrote the index's pages and kept every (term, row) pair.
    expect(pages()).not.toBe(pagesBefore);
    expect(dumpTables(core.db)).toEqual(before);
    expect(before['search_fts (terms)']!.length).toBeGreaterThan(1000);
    // One token more for one row is a change the dump shows.
    core.db.prepare("INSERT INTO search_fts (rowid, tok) VALUES (?, 'qzvextra')").run(999_999_999);
    expect(dumpTables(core.db)['search_fts (terms)']).toEqual([...before['search_fts (terms)']!, JSON.stringify(['qzvextra', 999_999_999])].sort());
  });

  it('a note saved between two steps of a full merge is kept and found, and the merge goes on', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    bulkNotes(core, 12, 100);
    for (let k = 0; k < 3; k++) expect(searchMaintenanceStep(core.db, 2).more).toBe(true);
    const merged = readSearchStructure(core.db);
    expect(merged.levels.some((l) => l.merging > 0)).toBe(true);
    const saved = await core.router.dispatch('annotation.create', { ...note(0), itemId: 'hz-2024/T2/I1', body: '合并中写下的笔记 wqxmerge' });
    expect(saved.ok).toBe(true);
    const found = () => searchQuery(core.db, { text: 'wqxmerge', filters: {}, offset: 0, limit: 20 }).total;
    expect(found()).toBe(1);
    // The merge under way goes on (positive steps: the saved note's segment is not taken in,
    // which would start it over).
    expect(plannedMerge(readSearchStructure(core.db))).toBe('continue');
    const report = runSearchMaintenance(core.db, 2);
    // The merged segment, and the note's own small one beside it (no level of 4, no bulk).
    expect(report.segmentsAfter).toBe(2);
    integrityCheck(core);
    expect(found()).toBe(1);
    expect(core.db.prepare("SELECT count(*) FROM user_annotations WHERE body LIKE '%wqxmerge%'").pluck().get()).toBe(1);
  });

  it('a full merge of two segments goes on with saves lying below it', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    bulkNotes(core, 4, 200);
    runSearchMaintenance(core.db);
    // A second bulk batch, over a quarter of the first's pages: a full merge of the two.
    bulkNotes(core, 1, 800);
    expect(segmentsOf(core)).toHaveLength(2);
    expect(searchMaintenanceStep(core.db, 1)).toMatchObject({ kind: 'full', more: true });
    expect(readSearchStructure(core.db).levels.find((l) => l.merging > 0)!.merging).toBe(2);
    // Two saves below it: FTS5's positive merge would take the lowest level with as many
    // segments (2, too few to merge) and do nothing.
    await saveNote(core, 50_000);
    await saveNote(core, 50_001);
    const step = searchMaintenanceStep(core.db, 1);
    expect(step.pages).toBeGreaterThan(0);
    const report = runSearchMaintenance(core.db);
    expect(report.segmentsAfter).toBe(1);
    integrityCheck(core);
    expect(searchQuery(core.db, { text: 'qzv50001', filters: {}, offset: 0, limit: 20 }).total).toBe(1);
  });

  it('single-note saves are merged by levels of 4, never into the large segment', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    bulkNotes(core, 8, 200);
    runSearchMaintenance(core.db);
    const big = largest(segmentsOf(core));
    expect(segmentsOf(core)).toEqual([big]);

    let pages = 0;
    let levelMerges = 0;
    for (let n = 0; n < 70; n++) {
      await saveNote(core, 10_000 + n);
      // The app's maintenance between two saves, to its end (the most it would ever do).
      const report = runSearchMaintenance(core.db);
      expect(report.full, `save ${n}`).toBe(false);
      pages += report.pages;
      if (report.steps > 0) levelMerges++;
      // No level is left holding 4 segments, and the large segment is the one written before.
      for (const level of readSearchStructure(core.db).levels) expect(level.segments.length).toBeLessThan(USERMERGE);
      expect(segmentsOf(core)).toContainEqual(big);
    }
    // The levels did merge the small segments (70 saves: 17 merges of the lowest level, 4 of the
    // next) and wrote a small share of the index doing so.
    expect(levelMerges).toBeGreaterThan(15);
    expect(segmentsOf(core).length).toBeLessThan(10);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(big.last - big.first + 1);
    integrityCheck(core);
    expect(searchQuery(core.db, { text: 'qzv10069', filters: {}, offset: 0, limit: 20 }).total).toBe(1);
  });

  it('an idle core does the maintenance by itself after an open', async () => {
    const dir = temp.make();
    const first = createTestCore(dir);
    bulkNotes(first, 12, 50);
    const before = hits(first);
    expect(searchSegments(first.db)).toBeGreaterThan(3);
    first.close();

    const core = createTestCore(dir);
    open.push(core);
    // No call to the API: the maintenance looks at the index soon after the open and steps on.
    for (let waited = 0; searchSegments(core.db) > 1 && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(searchSegments(core.db)).toBe(1);
    integrityCheck(core);
    expect(hits(core)).toEqual(before);
  });
});
