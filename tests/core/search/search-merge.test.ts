// The search index's segment merging (search/merge.ts): the app's own maintenance brings the
// index down to one segment in small steps, the hits stay exactly the same, a note saved between
// two steps is kept and found, and a core left idle merges a many-segment index by itself.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { mergeSearchIndex, mergeSearchStep, searchSegments } from '../../../electron/core/search/merge';
import { searchQuery } from '../../../electron/core/services/search/query';
import { createTestCore } from '../../helpers/core';
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

/** Notes saved one per transaction, as a reader saves them: each leaves a segment, and with
 *  automerge off (as a file whose merges fell behind) none is folded in until FTS5's crisis
 *  merge (16 at a level). */
async function saveNotes(core: Core, count: number, automergeOff = false): Promise<void> {
  if (automergeOff) core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)").run();
  for (let n = 0; n < count; n++) {
    const r = await core.router.dispatch('annotation.create', {
      id: randomUUID(), kind: 'note', planId: 'hz-2024', itemId: `hz-2024/T4/I${(n % 3) + 1}`, target: null, color: null,
      body: `第${n}条：数字化改革 qzv${n} ${n % 3 === 0 ? 'budget review' : '营商环境'}`, tags: [],
    });
    expect(r.ok, r.ok ? "" : r.error.message).toBe(true);
  }
  if (automergeOff) core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 2)").run();
}

describe('the search index merged by the app', () => {
  it('many segments become one, the hits identical, the index sound', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    await saveNotes(core, 12, true);
    const before = hits(core);
    expect(before.find((h) => h.text === 'qzv')!.total).toBeGreaterThan(0);
    const segments = searchSegments(core.db);
    expect(segments).toBeGreaterThan(5);

    const report = mergeSearchIndex(core.db, 4);
    expect(report.segmentsBefore).toBe(segments);
    expect(report.segmentsAfter).toBe(1);
    expect(report.steps).toBeGreaterThan(1);
    expect(searchSegments(core.db)).toBe(1);
    integrityCheck(core);
    expect(hits(core)).toEqual(before);
    // Nothing left: a further step does no work.
    expect(mergeSearchStep(core.db)).toBe(false);
  });

  it('a note saved between two merge steps is kept, found, and merged in', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    await saveNotes(core, 20, true);
    // A merge under way: a few steps of one page each.
    for (let k = 0; k < 3; k++) expect(mergeSearchStep(core.db, 1)).toBe(true);
    const saved = await core.router.dispatch('annotation.create', {
      id: randomUUID(), kind: 'note', planId: 'hz-2024', itemId: 'hz-2024/T2/I1', target: null, color: null, body: '合并中写下的笔记 wqxmerge', tags: [],
    });
    expect(saved.ok).toBe(true);
    const found = () => searchQuery(core.db, { text: 'wqxmerge', filters: {}, offset: 0, limit: 20 }).total;
    expect(found()).toBe(1);
    const report = mergeSearchIndex(core.db, 4);
    expect(report.segmentsAfter).toBe(1);
    integrityCheck(core);
    expect(found()).toBe(1);
    expect(core.db.prepare("SELECT count(*) FROM user_annotations WHERE body LIKE '%wqxmerge%'").pluck().get()).toBe(1);
  });

  it('an idle core merges a many-segment index by itself', async () => {
    const dir = temp.make();
    const first = createTestCore(dir);
    await saveNotes(first, 20, true);
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
