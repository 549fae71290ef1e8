// The connection the core opens: durability settings read back from SQLite itself, migration
// to the latest schema, and the refusal of a database written by a newer Briefbook without
// touching a byte of it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_TIMEOUT_MS, openDatabase, type Db } from '../../electron/core/db/open';
import { DatabaseFromFutureError } from '../../electron/core/db/errors';
import { BRIEFBOOK_APPLICATION_ID } from '../../electron/core/db/inspect';
import { latestVersion, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpSchema } from '../helpers/db-dump';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const LATEST = latestVersion(MIGRATIONS);
const open: Db[] = [];

function openTracked(file: string): Db {
  const db = openDatabase(file);
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  vi.restoreAllMocks();
});

const dbFile = (): string => join(temp.make(), 'briefbook.sqlite3');

describe('openDatabase', () => {
  it('creates a new database whole (migrated and claimed in the main file itself), so a second process never sees an empty file', () => {
    const file = dbFile();
    const first = openTracked(file);
    // Made under a temporary name and linked into place: the main file's own header already
    // carries our application_id, before any checkpoint; no temporary file is left behind.
    expect(readFileSync(file).readUInt32BE(68)).toBe(BRIEFBOOK_APPLICATION_ID);
    expect(readdirSync(dirname(file)).filter((n) => n.includes('.new-'))).toEqual([]);
    const second = openTracked(file);
    expect(second.pragma('application_id', { simple: true })).toBe(BRIEFBOOK_APPLICATION_ID);
    expect(readSchemaVersion(second)).toBe(LATEST);
    expect(first.open).toBe(true);
  });

  it('sets WAL, synchronous=FULL, foreign keys, the busy timeout and a 64 MB page cache', () => {
    const db = openTracked(dbFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeGreaterThan(0);
    // Negative: a size in KiB, not pages (better-sqlite3's default is -16000, 16 MB).
    expect(db.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
  });

  it('keeps WAL mode in the file, so another connection sees it too', () => {
    const file = dbFile();
    openTracked(file).close();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('migrates a fresh database to the latest version', () => {
    const db = openTracked(dbFile());
    expect(readSchemaVersion(db)).toBe(LATEST);
    expect(LATEST).toBe(MIGRATIONS.length);
  });

  it('does not re-run migrations when a database is reopened', () => {
    const file = dbFile();
    const first = openTracked(file);
    first.prepare("INSERT INTO user_settings (key, value, updated_at) VALUES ('ui.theme', 'dark', 'then')").run();
    const schema = dumpSchema(first);
    first.close();

    const ups = MIGRATIONS.map((m) => vi.spyOn(m, 'up'));
    const again = openTracked(file);
    for (const up of ups) expect(up).not.toHaveBeenCalled();
    expect(readSchemaVersion(again)).toBe(LATEST);
    expect(dumpSchema(again)).toEqual(schema);
    expect(again.prepare('SELECT value FROM user_settings WHERE key = ?').pluck().get('ui.theme')).toBe('dark');
  });

  // A newer Briefbook would have left its file in WAL mode; an older tool in rollback mode.
  describe.each(['wal', 'delete'])('a database from a newer Briefbook (%s journal)', (journal) => {
    function futureDatabase(): string {
      const file = dbFile();
      const db = new Database(file);
      db.pragma(`journal_mode = ${journal}`);
      db.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me')");
      db.pragma(`user_version = ${LATEST + 1}`);
      // A newer Briefbook marks its files as ours, as this one does.
      db.pragma(`application_id = ${BRIEFBOOK_APPLICATION_ID}`);
      db.close();
      return file;
    }

    it('is refused with DatabaseFromFutureError and left byte for byte unchanged', () => {
      const file = futureDatabase();
      const before = readFileSync(file);
      expect(existsSync(`${file}-wal`)).toBe(false);

      let error: unknown;
      try {
        openTracked(file);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DatabaseFromFutureError);
      expect(error).toMatchObject({ file, found: LATEST + 1, supported: LATEST });
      expect((error as Error).message).toContain('left unchanged');

      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(existsSync(`${file}-journal`)).toBe(false);
    });
  });

  it('refuses a file that is not a SQLite database and leaves it unchanged', () => {
    const file = dbFile();
    const notes = Buffer.from('my notes, not a database\n'.repeat(100), 'utf8');
    writeFileSync(file, notes);
    expect(() => openTracked(file)).toThrow();
    expect(readFileSync(file).equals(notes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
