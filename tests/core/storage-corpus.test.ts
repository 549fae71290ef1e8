// The corrupt-file corpus: every kind of file Briefbook must refuse at start, each made from
// real files (a real Briefbook database, another application's SQLite, a real WAL). For each:
// the refusal's kind and the sentence the reader sees, the file's sha256 unchanged and the data
// folder's listing unchanged (nothing created: no -wal, -shm, journal, backups/). Then the
// damage that only SQLite's quick_check finds: a user table's page overwritten with random bytes
// opens, and the status the UI reads says damaged.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseProblemKind, StorageStatus } from '../../shared/api/storage/methods';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core/core';
import { latestVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { BRIEFBOOK_APPLICATION_ID } from '../../electron/core/db/inspect';
import { RESOURCES_DIR } from '../helpers/paths';
import { copyDatabaseInto, folderRecord, makeBriefbookDatabase, sha256 } from '../helpers/storage-files';
import { useTempDirs } from '../helpers/temp-dir';
import { Prng } from '../bench/prng';

const temp = useTempDirs();
const LATEST = latestVersion(MIGRATIONS);
let template: string;
let templateDir: string;

// One real database for the whole file (useTempDirs folders go after each test).
beforeAll(() => {
  templateDir = mkdtempSync(join(tmpdir(), 'briefbook-corpus-template-'));
  template = makeBriefbookDatabase(templateDir);
});
afterAll(() => rmSync(templateDir, { recursive: true, force: true }));

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function start(dataDir: string): Core {
  const core = openCore({ dataDir, resourcesDir: RESOURCES_DIR, host: 'browser', version: '0.0.0-test' });
  cores.push(core);
  return core;
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const content = readFileSync(file);
  bytes.copy(content, offset);
  writeFileSync(file, content);
}

function randomBytes(seed: number, length: number): Buffer {
  const prng = new Prng(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(prng.next() * 256)));
}

/** A WAL holding committed rows: the connection is still open (no checkpoint) when it is copied. */
function walWithCommittedData(dir: string): { db: Buffer; wal: Buffer } {
  const file = join(dir, 'source.sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('written after the last checkpoint')");
  const copies = { db: readFileSync(file), wal: readFileSync(`${file}-wal`) };
  db.close();
  return copies;
}

interface Case {
  name: string;
  kind: DatabaseProblemKind;
  /** Words the reader's sentence must contain (besides the file's path). */
  says: RegExp;
  /** Lays the files into the data folder; returns the file the refusal must name. */
  make(dataDir: string): string;
  /** Undoes what would keep the test's own cleanup from working (read-only folder). */
  after?(dataDir: string): void;
}

const pageSize = (file: string): number => readFileSync(file).readUInt16BE(16);

const CASES: Case[] = [
  {
    name: 'a zero-byte database',
    kind: 'empty',
    says: /empty file \(0 bytes\)/,
    make: (dir) => {
      writeFileSync(join(dir, DATABASE_FILE), '');
      return join(dir, DATABASE_FILE);
    },
  },
  ...[
    ['inside the 100-byte header', () => 60],
    ['mid-page', (f: string) => pageSize(f) * 3 + 1234],
    ['at a page boundary, pages missing', (f: string) => pageSize(f) * 2],
    ['at half its pages', (f: string) => Math.floor(statSync(f).size / pageSize(f) / 2) * pageSize(f)],
  ].map(
    ([where, at]): Case => ({
      name: `a Briefbook database truncated ${where as string}`,
      kind: 'truncated',
      says: /cut short/,
      make: (dir) => {
        const file = copyDatabaseInto(template, dir);
        truncateSync(file, (at as (f: string) => number)(file));
        return file;
      },
    }),
  ),
  {
    name: 'a Briefbook database whose schema page is overwritten with random bytes',
    kind: 'damaged',
    says: /is damaged/,
    make: (dir) => {
      const file = copyDatabaseInto(template, dir);
      overwrite(file, 100, randomBytes(1, pageSize(file) - 100));
      return file;
    },
  },
  {
    name: 'a text file',
    kind: 'not-sqlite',
    says: /not a SQLite database/,
    make: (dir) => {
      writeFileSync(join(dir, DATABASE_FILE), 'my notes, not a database\n'.repeat(200));
      return join(dir, DATABASE_FILE);
    },
  },
  {
    name: "another application's SQLite (its own application_id)",
    kind: 'foreign',
    says: /another application.*application_id is 0x46736c44/,
    make: (dir) => {
      const db = new Database(join(dir, DATABASE_FILE));
      db.exec("CREATE TABLE accounts (name TEXT); INSERT INTO accounts VALUES ('savings')");
      db.pragma(`application_id = ${0x46736c44}`);
      db.close();
      return join(dir, DATABASE_FILE);
    },
  },
  {
    name: "another application's SQLite in WAL mode without an application_id",
    kind: 'foreign',
    says: /another application.*moz_places, moz_bookmarks/,
    make: (dir) => {
      const db = new Database(join(dir, DATABASE_FILE));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE moz_places (url TEXT); CREATE TABLE moz_bookmarks (title TEXT); CREATE TABLE plans_of_mine (x)');
      db.pragma('user_version = 2');
      db.close();
      return join(dir, DATABASE_FILE);
    },
  },
  {
    name: 'a read-only database file',
    kind: 'read-only-file',
    says: /is read-only/,
    make: (dir) => {
      const file = copyDatabaseInto(template, dir);
      chmodSync(file, 0o444);
      return file;
    },
  },
  {
    name: 'a database in a read-only folder',
    kind: 'read-only-folder',
    says: /data folder .* is read-only/,
    make: (dir) => {
      const file = copyDatabaseInto(template, dir);
      chmodSync(dir, 0o555);
      return file;
    },
    after: (dir) => chmodSync(dir, 0o755),
  },
  {
    name: 'a write-ahead log without its database',
    kind: 'wal-without-database',
    says: /write-ahead log .* without its database file/,
    make: (dir) => {
      const { wal } = walWithCommittedData(temp.make());
      writeFileSync(join(dir, `${DATABASE_FILE}-wal`), wal);
      return join(dir, `${DATABASE_FILE}-wal`);
    },
  },
  {
    name: 'a zero-byte database beside a WAL holding committed data',
    kind: 'empty-with-wal',
    says: /empty file \(0 bytes\) but its write-ahead log/,
    make: (dir) => {
      const { wal } = walWithCommittedData(temp.make());
      writeFileSync(join(dir, DATABASE_FILE), '');
      writeFileSync(join(dir, `${DATABASE_FILE}-wal`), wal);
      return join(dir, DATABASE_FILE);
    },
  },
  {
    name: 'a database from a newer Briefbook',
    kind: 'future',
    says: new RegExp(`schema version ${LATEST + 1}, but this Briefbook supports up to version ${LATEST}`),
    make: (dir) => {
      const file = copyDatabaseInto(template, dir);
      const db = new Database(file);
      db.pragma(`user_version = ${LATEST + 1}`);
      db.pragma('journal_mode = DELETE');
      db.close();
      return file;
    },
  },
];

describe('the corrupt-file corpus: refused at start, left byte for byte, nothing created', () => {
  it('has the cases the report counts', () => {
    expect(CASES.length).toBe(14);
  });

  it.each(CASES)('$name', async (c) => {
    const dataDir = temp.make();
    const named = c.make(dataDir);
    const before = folderRecord(dataDir);
    const hash = sha256(named);
    try {
      const core = start(dataDir);
      expect(core.storage.problem?.kind).toBe(c.kind);
      const status = (await core.router.dispatch('storage.status', {})) as { ok: true; value: StorageStatus };
      expect(status.value).toMatchObject({ mode: 'recovery', problem: { kind: c.kind, file: named }, check: null });
      const message = status.value.problem!.message;
      expect(message).toContain(named);
      expect(message).toMatch(c.says);
      // Everything else is closed, with the same sentence.
      expect(await core.router.dispatch('plan.list', {})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message } });
      core.close();
      expect(sha256(named)).toBe(hash);
      expect(folderRecord(dataDir)).toEqual(before);
    } finally {
      c.after?.(dataDir);
    }
  });
});

describe('damage only quick_check finds', () => {
  it('a user table page overwritten with random bytes: the database opens and the status says damaged', async () => {
    const dataDir = temp.make();
    const file = copyDatabaseInto(template, dataDir);
    const probe = new Database(file, { readonly: true });
    const page = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'user_saved_views'").pluck().get() as number;
    const size = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    overwrite(file, (page - 1) * size, randomBytes(7, size));

    const core = start(dataDir);
    expect(core.storage.problem).toBeNull();
    await core.storage.quickCheckDone();
    const status = (await core.router.dispatch('storage.status', {})) as { ok: true; value: StorageStatus };
    expect(status.value.mode).toBe('ready');
    expect(status.value.check).toMatchObject({ state: 'damaged', level: 'quick' });
    expect(status.value.check!.details.join('\n')).toMatch(new RegExp(`database disk image is malformed|Page ${page}`));
    // No scheduled backup is made of a damaged file (it could push good ones out of rotation).
    await core.storage.whenIdle();
    expect(core.storage.backups()).toEqual([]);
  });

  it('a sound database: quick_check says ok', async () => {
    const dataDir = temp.make();
    copyDatabaseInto(template, dataDir);
    const core = start(dataDir);
    expect(await core.storage.quickCheckDone()).toMatchObject({ state: 'ok', level: 'quick', details: [] });
  });

  it('a legacy Briefbook database (no application_id) is adopted: application_id set with the migrations', () => {
    const dataDir = temp.make();
    const file = copyDatabaseInto(template, dataDir);
    const db = new Database(file);
    db.pragma('application_id = 0');
    db.close();
    start(dataDir).close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('application_id', { simple: true })).toBe(BRIEFBOOK_APPLICATION_ID);
    reopened.close();
  });
});
