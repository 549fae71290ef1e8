// Notes indexed in bulk (indexNewAnnotations: a rebuild, the bench's load) get the documents,
// the ids and the tokens that indexing each note on its own (indexAnnotation) gives: the bulk
// path only changes the order of writing (by score code), never what is written.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Db } from '../../electron/core/db/open';
import { writeTransaction } from '../../electron/core/db/transaction';
import { indexAnnotation, indexNewAnnotations } from '../../electron/core/search/source-docs';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** Notes of many lengths (so of many score codes, in no order), some with tags, one in the
 *  trash, one with only spaces. */
const NOTES = Array.from({ length: 40 }, (_, n) => ({
  id: `${n.toString(16).padStart(8, '0')}-1111-4222-8333-${(n * 7919).toString(16).padStart(12, '0')}`,
  body: n === 7 ? '   ' : `第${n}条${'数字化改革'.repeat((n * 13) % 17)}Talent ${'x'.repeat(n % 5)}`,
  tags: n % 3 === 0 ? [`标签${n % 4}`, 'AI'] : [],
  trashed: n === 11,
}));

function insertNotes(db: Db): void {
  const at = '2024-01-01T00:00:00.000Z';
  const note = db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision, deleted_at)
     VALUES (?, 'hz-2024', 'hz-2024/T1/I1', 'note', ?, ?, ?, 1, ?)`,
  );
  const tag = db.prepare('INSERT INTO user_annotation_tags (annotation_id, tag) VALUES (?, ?)');
  for (const n of NOTES) {
    note.run(n.id, n.body, at, at, n.trashed ? at : null);
    for (const t of n.tags) tag.run(n.id, t);
  }
}

/** Every document with its id, and every token's list of ids (fts5vocab reads the index). */
function indexContents(db: Db) {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search_fts', 'row')");
  const terms = db.prepare('SELECT term FROM temp.search_vocab ORDER BY term').pluck().all() as string[];
  const tokens = Object.fromEntries(
    terms.map((t) => [t, db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(`"${t}"`)]),
  );
  return { docs: db.prepare('SELECT id, key, field FROM search_doc_ids ORDER BY id').all(), tokens };
}

describe('bulk indexing of notes', () => {
  it('writes the documents, ids and tokens that indexing each note on its own writes', () => {
    const single = createTestCore(temp.make());
    const bulk = createTestCore(temp.make());
    open.push(single, bulk);
    writeTransaction(single.db, () => {
      insertNotes(single.db);
      for (const n of NOTES) indexAnnotation(single.db, n.id);
    });
    writeTransaction(bulk.db, () => {
      insertNotes(bulk.db);
      indexNewAnnotations(bulk.db, NOTES.map((n) => n.id));
    });
    const expected = indexContents(single.db);
    // Notes of several codes, tags, and no document for the trashed or blank note.
    const noteDocs = single.db.prepare("SELECT field, count(DISTINCT id >> 27) AS codes, count(*) AS n FROM search_docs WHERE field IN ('note', 'noteTags') GROUP BY field").all();
    expect(noteDocs).toEqual([
      { field: 'note', codes: expect.any(Number) as number, n: NOTES.length - 2 },
      { field: 'noteTags', codes: 1, n: NOTES.filter((n) => n.tags.length > 0).length },
    ]);
    expect((noteDocs[0] as { codes: number }).codes).toBeGreaterThan(3);
    expect(indexContents(bulk.db)).toEqual(expected);
  });
});
