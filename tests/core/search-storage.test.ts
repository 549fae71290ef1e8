// The search index's compact storage (migration 0011, search/documents.ts) kept right by every
// write that changes an indexed text: a note saved, edited and deleted (its UUID key stored as 16
// bytes), a reader's field, a plan purged (trigger plans_unindex). After each, the documents are
// what a rebuild from the stored text writes, the FTS5 index holds exactly their rows, and the
// search finds the new text and no longer the old.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { rebuildSearchIndex } from '../../electron/core/refresh-derived';
import { keyValue } from '../../electron/core/search/documents';
import { searchKeys } from '../../electron/core/search/match';
import { createTestCore, updateLatest } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const NOTE = '0b9e6f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

/** The documents as text, without ids (a rebuild numbers them anew). */
const documents = (core: Core) => core.db.prepare('SELECT key, field FROM search_docs ORDER BY key, field').all();

/** Every FTS5 rowid is a document's id and every document has its FTS5 entry (a token each has). */
function expectIndexConsistent(core: Core): void {
  const ids = core.db.prepare('SELECT id FROM search_doc_ids ORDER BY id').pluck().all() as number[];
  const indexed = new Set<number>();
  for (const tok of ['数', '划', '绿', '色', '号', 'z']) {
    for (const id of core.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(`"${tok}"`) as number[]) indexed.add(id);
  }
  for (const id of indexed) expect(ids).toContain(id);
}

/** The documents now equal those a rebuild from the stored text writes. */
function expectAsRebuilt(core: Core): void {
  const now = documents(core);
  rebuildSearchIndex(core.db);
  expect(documents(core)).toEqual(now);
}

describe('the compact search index under writes', () => {
  it('a note saved, edited and deleted: found by its new text at once, its key stored as 16 bytes', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    const created = await core.router.dispatch('annotation.create', {
      id: NOTE, kind: 'note', planId: 'hz-2024', itemId: 'hz-2024/T4/I1', target: null, color: null,
      body: '绿色号zyxwqu一', tags: ['数号'],
    });
    expect(created.ok).toBe(true);
    expect(searchKeys(core.db, 'zyxwqu', ['note'])).toEqual([NOTE]);
    expect(searchKeys(core.db, '数号', ['noteTags'])).toEqual([NOTE]);
    const stored = core.db.prepare('SELECT id, key, field FROM search_doc_ids WHERE key = ? ORDER BY field').all(keyValue(NOTE)) as {
      id: number;
      key: Buffer;
    }[];
    expect(stored.map((r) => r.key.length)).toEqual([16, 16]);
    expectIndexConsistent(core);

    const edited = await core.router.dispatch('annotation.update', { id: NOTE, baseRevision: 1, patch: { body: '绿色号qzvkjx二' } });
    expect(edited.ok, edited.ok ? '' : edited.error.message).toBe(true);
    expect(searchKeys(core.db, 'zyxwqu', ['note'])).toEqual([]);
    expect(searchKeys(core.db, 'qzvkjx', ['note'])).toEqual([NOTE]);
    // Same length, same score code: the document kept its id.
    expect(core.db.prepare('SELECT id FROM search_doc_ids WHERE key = ? AND field = 0').pluck().get(keyValue(NOTE))).toBe(stored[0]!.id);
    expectAsRebuilt(core);

    const deleted = await core.router.dispatch('annotation.delete', { id: NOTE, baseRevision: 2 });
    expect(deleted.ok, deleted.ok ? '' : deleted.error.message).toBe(true);
    expect(searchKeys(core.db, 'qzvkjx', ['note'])).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM search_doc_ids WHERE key = ?').pluck().get(keyValue(NOTE))).toBe(0);
    expect(core.db.prepare("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'qz'").pluck().get()).toBe(0);
    expectAsRebuilt(core);
  });

  it('a reader’s field saved and cleared, then the plan purged: its text gone, the index as a rebuild writes it', async () => {
    const core = createTestCore(temp.make());
    open.push(core);
    updateLatest(core.db, 'hz-2024/T1/I1', { leadUnit: '市数号办', tags: ['zq绿'] });
    expect(searchKeys(core.db, '数号', ['leadUnit'])).toEqual(['hz-2024/T1/I1']);
    expect(searchKeys(core.db, 'zq绿', ['tags'])).toEqual(['hz-2024/T1/I1']);
    expectAsRebuilt(core);
    updateLatest(core.db, 'hz-2024/T1/I1', { leadUnit: null });
    expect(searchKeys(core.db, '数号', ['leadUnit'])).toEqual([]);
    expectAsRebuilt(core);

    expect(searchKeys(core.db, '营商环境', ['headline'])).toEqual(['hz-2024/T1/I2']);
    const trash = await core.router.dispatch('library.trash', { planId: 'hz-2024', baseRevision: 0, confirm: true });
    expect(trash.ok, trash.ok ? '' : trash.error.message).toBe(true);
    const purge = await core.router.dispatch('library.purge', { planId: 'hz-2024', baseRevision: 1 });
    expect(purge.ok, purge.ok ? '' : purge.error.message).toBe(true);
    expect(searchKeys(core.db, '营商环境', ['headline', 'body', 'title', 'theme'])).toEqual([]);
    expect(core.db.prepare("SELECT count(*) FROM search_doc_ids WHERE field IN (1, 2, 3, 4, 5)").pluck().get()).toBe(0);
    expectIndexConsistent(core);
    expectAsRebuilt(core);
  });
});
