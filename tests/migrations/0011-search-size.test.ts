// Migration 11 stores the search index's documents compactly (search_doc_ids: a note's UUID key
// as its 16 bytes, the field as a code) behind a view search_docs with schema 8's columns. The
// index is derived data: emptied, its format stamp reset so the next start writes it again; every
// other row stays.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { FIELD_CODES } from '../../electron/core/search/documents';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'search-size')!.version;
const NOTE_ID = '6a1c2b9a-5d4e-4f60-8a7b-1c2d3e4f5a60';

/** A database at the version before, with a plan, an item, a note on it and its old index rows. */
function filledBefore() {
  const db = atVersion(VERSION - 1);
  db.exec(`
    INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
      VALUES ('p-1', '计划', 'Lead', 'zh', 'p-1', '2024-05-11T00:00:00.000Z');
    INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision)
      VALUES ('${NOTE_ID}', 'p-1', 'p-1/T1/I1', 'note', '绿色出行', 't', 't', 1);
    INSERT INTO search_docs (id, key, field, len) VALUES (1, 'p-1', 'title', 2), (2, '${NOTE_ID}', 'note', 4);
    INSERT INTO search_fts (rowid, tok) VALUES (1, '计 计划 划'), (2, '绿 绿色 色');
    UPDATE derived_state SET value = 'bigram-5-scored-ids' WHERE name = 'search.format';
  `);
  return db;
}

describe('migration 0011 search-size', () => {
  it('replaces the documents table by search_doc_ids and a view, empties the index, keeps every other row', () => {
    const db = filledBefore();
    const { added, before } = migrateOneUp(db, VERSION, ['table:search_docs', 'trigger:search_docs_unindex']);
    expect(added).toEqual(
      [
        'table:search_doc_ids',
        'trigger:search_doc_ids_unindex',
        'view:search_docs',
        'trigger:search_docs_insert',
        'trigger:search_docs_update',
        'trigger:search_docs_delete',
      ].sort(),
    );
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) {
      if (!/^(search_|derived_state)/.test(table)) expect(after[table], table).toEqual(rows);
    }
    expect(after.search_doc_ids).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM search_fts WHERE search_fts MATCH '绿色'").pluck().get()).toBe(0);
    expect(columnsOf(db, 'search_doc_ids')).toEqual(['id', 'key', 'field']);
    expect(columnsOf(db, 'search_docs')).toEqual(['id', 'key', 'field']);
    // The walk's index of the items, without plan_id (an item's plan is its id's prefix).
    expect((db.pragma('index_info(search_initiative_units)') as { name: string }[]).map((c) => c.name)).toEqual(['id', 'theme_id']);
    expect(db.prepare("SELECT value FROM derived_state WHERE name = 'search.format'").pluck().get()).toBe('none');
    expect(db.prepare("SELECT v FROM search_fts_config WHERE k = 'automerge'").pluck().get()).toBe(2);
  });

  it('the view reads and writes the documents as text: a UUID key as 16 bytes, every field by its code', () => {
    const db = atVersion(VERSION);
    const fields = Object.keys(FIELD_CODES);
    const insert = db.prepare('INSERT INTO search_docs (id, key, field) VALUES (?, ?, ?)');
    fields.forEach((field, k) => insert.run(k + 1, NOTE_ID, field));
    insert.run(100, 'p-1/T1/I1', 'headline');
    insert.run(101, NOTE_ID.toUpperCase(), 'note');
    // The migration's copy of the codes is the app's.
    expect(db.prepare(`SELECT field FROM search_doc_ids WHERE id <= ${fields.length} ORDER BY id`).pluck().all()).toEqual(
      fields.map((f) => FIELD_CODES[f]),
    );
    expect(db.prepare('SELECT typeof(key) AS type, length(key) AS n FROM search_doc_ids WHERE id IN (1, 100, 101) ORDER BY id').all()).toEqual([
      { type: 'blob', n: 16 },
      { type: 'text', n: 9 },
      // Only the lowercase form is a stored UUID (annotation ids are lowercased when validated).
      { type: 'text', n: 36 },
    ]);
    expect(db.prepare('SELECT key, field FROM search_docs WHERE id IN (1, 100) ORDER BY id').all()).toEqual([
      { key: NOTE_ID, field: fields[0] },
      { key: 'p-1/T1/I1', field: 'headline' },
    ]);
    db.prepare("UPDATE search_docs SET key = 'p-1/T1/I2', field = 'body' WHERE id = 1").run();
    expect(db.prepare('SELECT key, field FROM search_doc_ids WHERE id = 1').get()).toEqual({ key: 'p-1/T1/I2', field: FIELD_CODES.body });
    db.prepare('DELETE FROM search_docs WHERE id = 100').run();
    expect(db.prepare('SELECT count(*) FROM search_doc_ids WHERE id = 100').pluck().get()).toBe(0);
    expect(() => insert.run(200, 'k', 'nonsense')).toThrow(/NOT NULL/);
    expect(() => db.prepare("INSERT INTO search_doc_ids (id, key, field) VALUES (201, x'00', 0)").run()).toThrow(/CHECK/);
  });

  it('removing a plan removes its own text’s documents and keeps the reader’s on its items and the notes', () => {
    const db = filledBefore();
    migrate(db, MIGRATIONS, VERSION);
    const insert = db.prepare('INSERT INTO search_docs (id, key, field) VALUES (?, ?, ?)');
    insert.run(1, 'p-1', 'title');
    insert.run(2, 'p-1/T1/I1', 'headline');
    insert.run(3, 'p-1/T1/I1', 'body_en');
    insert.run(4, 'p-1/T1/I1', 'tags');
    insert.run(5, NOTE_ID, 'note');
    insert.run(6, 'p-10/T1/I1', 'headline');
    for (let id = 1; id <= 6; id++) db.prepare("INSERT INTO search_fts (rowid, tok) VALUES (?, '数')").run(BigInt(id));
    db.prepare("DELETE FROM plans WHERE id = 'p-1'").run();
    expect(db.prepare('SELECT id FROM search_docs ORDER BY id').pluck().all()).toEqual([4, 5, 6]);
    expect(db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH '数' ORDER BY rowid").pluck().all()).toEqual([4, 5, 6]);
  });
});
