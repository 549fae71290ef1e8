// Migration 13 takes the search index's merging out of the writes (automerge 0) and writes down
// the level size the app's idle-time merge relies on (usermerge 4): search/merge.ts.
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { readSearchStructure, USERMERGE } from '../../electron/core/search/merge';
import { dumpTables } from '../helpers/db-dump';
import { schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'search-merge')!.version;

describe('migration 0013 search-merge', () => {
  it('sets automerge 0 and usermerge 4, keeps every row and the schema', () => {
    const db = atVersion(VERSION - 1);
    db.exec("INSERT INTO search_fts (rowid, tok) VALUES (1, '绿 绿色 色'), (2, '计 计划 划')");
    // The settings change FTS5's config cookie in its structure record: its segments stay.
    const { search_fts_config: configBefore, ...before } = dumpTables(db);
    const segmentsBefore = readSearchStructure(db).levels;
    const schemaBefore = schemaObjects(db);
    expect(configBefore).toContain(JSON.stringify({ k: 'automerge', v: 2 }));
    expect(migrate(db, MIGRATIONS, VERSION)).toBe(VERSION);
    expect(readSchemaVersion(db)).toBe(VERSION);
    expect(schemaObjects(db)).toEqual(schemaBefore);
    const { search_fts_config: config, ...after } = dumpTables(db);
    expect(after).toEqual(before);
    expect(readSearchStructure(db).levels).toEqual(segmentsBefore);
    const setting = (k: string) => db.prepare('SELECT v FROM search_fts_config WHERE k = ?').pluck().get(k);
    expect(setting('automerge')).toBe(0);
    // The level size the idle-time merge assumes (search/merge.ts).
    expect(setting('usermerge')).toBe(USERMERGE);
    expect(USERMERGE).toBe(4);
    expect(config).toHaveLength(configBefore!.length + 1);
    expect(db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH '绿色'").pluck().all()).toEqual([1]);
  });

  it('a write merges nothing: each single-row write keeps its own segment, up to the crisis merge at 16', () => {
    const db = atVersion(VERSION);
    const insert = db.prepare('INSERT INTO search_fts (rowid, tok) VALUES (?, ?)');
    // 70 writes, one leaf each: with automerge 2 the 64th would have merged levels of two.
    for (let n = 1; n <= 70; n++) insert.run(n, `绿 绿色 色 n${n}`);
    const levels = readSearchStructure(db).levels.map((l) => l.segments.length);
    // Only the crisis merges: each took the 16 segments of the lowest level into one (of one
    // page, which FTS5 keeps on the level of the next new segment), 4 times: 70 − 4 × 15 left.
    // (With automerge 2, the 64th write also merged: 7 were left.)
    expect(levels[0]).toBe(10);
    expect(levels.slice(1).every((n) => n === 0)).toBe(true);
    expect(db.prepare("SELECT count(*) FROM search_fts WHERE search_fts MATCH '绿色'").pluck().get()).toBe(70);
  });
});
