// Backups and restore on real files: a backup is a SQLite snapshot (VACUUM INTO) verified with
// integrity_check; the first start makes one, a migration makes one before it runs; rotation
// keeps the newest ten and the special ones for a while; a restore checks the backup before it
// replaces anything, keeps the current file, and the same router answers from the restored one.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result';
import type { BackupInfo, StorageStatus } from '../../shared/api/storage/methods';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core/core';
import { latestVersion, migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { BRIEFBOOK_APPLICATION_ID } from '../../electron/core/db/inspect';
import {
  backupName,
  backupNowSync,
  backupsDir,
  finishBackup,
  integrityProblems,
  KEEP_RECENT,
  rotateBackups,
} from '../../electron/core/services/storage/backups';
import { RESOURCES_DIR } from '../helpers/paths';
import { folderRecord, sha256 } from '../helpers/storage-files';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const LATEST = latestVersion(MIGRATIONS);
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function start(dataDir: string, scheduleBackups = false): Core {
  const core = openCore({ dataDir, resourcesDir: RESOURCES_DIR, host: 'browser', version: '0.0.0-test', scheduleBackups });
  cores.push(core);
  return core;
}

async function call<T>(core: Core, method: string, args: unknown = {}): Promise<T> {
  const result = (await core.router.dispatch(method, args)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function callError(core: Core, method: string, args: unknown): Promise<{ code: string; message: string }> {
  const result = await core.router.dispatch(method, args);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

const theme = (core: Core) => call<string | null>(core, 'settings.get', { key: 'ui.theme' });
const setTheme = (core: Core, value: string) => call(core, 'settings.set', { key: 'ui.theme', value });

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('backupNow writes a verified snapshot into backups/ that holds the data and stands alone', async () => {
    const dataDir = temp.make();
    const core = start(dataDir);
    await setTheme(core, 'dark');
    const backup = await call<BackupInfo>(core, 'storage.backupNow');
    expect(backup).toMatchObject({ reason: 'manual', schemaVersion: LATEST });
    expect(backup.size).toBeGreaterThan(0);
    const file = join(backupsDir(dataDir), backup.name);
    expect(readdirSync(backupsDir(dataDir))).toEqual([backup.name]); // no .partial, -wal or -shm left
    expect(integrityProblems(file)).toEqual([]);
    readOnly(file, (db) => {
      expect(db.pragma('application_id', { simple: true })).toBe(BRIEFBOOK_APPLICATION_ID);
      expect(db.prepare("SELECT value FROM user_settings WHERE key = 'ui.theme'").pluck().get()).toBe('dark');
    });
    expect(readdirSync(backupsDir(dataDir))).toEqual([backup.name]);
    expect(await call<BackupInfo[]>(core, 'storage.backups')).toEqual([backup]);
  });

  it('the first start backs up once its quick_check passed; a start within a day does not again', async () => {
    const dataDir = temp.make();
    const first = start(dataDir, true);
    await first.storage.quickCheckDone();
    await first.storage.whenIdle();
    const made = first.storage.backups();
    expect(made.map((b) => b.reason)).toEqual(['scheduled']);
    expect((await call<StorageStatus>(first, 'storage.status')).lastBackup).toEqual(made[0]);
    first.close();

    const second = start(dataDir, true);
    await second.storage.quickCheckDone();
    await second.storage.whenIdle();
    expect(second.storage.backups()).toEqual(made);
  });

  it('a backup that fails its integrity_check is deleted and reported', () => {
    const dir = temp.make();
    const partial = join(dir, 'x.sqlite3.partial');
    const db = new Database(partial);
    db.exec("CREATE TABLE t (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO t SELECT hex(randomblob(2000)) FROM n");
    db.close();
    // Damage a table page of the written file: integrity_check must say so.
    const bytes = readFileSync(partial);
    bytes.fill(0x41, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(partial, bytes);
    const problems = integrityProblems(partial);
    expect(problems.length).toBeGreaterThan(0);
    expect(() => finishBackup(partial, join(dir, 'x.sqlite3'), problems)).toThrow(/failed its integrity check and was deleted/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('checks a backup reading each page of it once, and finds the same damage as a check on a default connection', () => {
    const dir = temp.make();
    const file = join(dir, 'indexed.sqlite3');
    const db = new Database(file);
    // Two indexes over random texts (about 28 MB of index pages, past the default cache of
    // 16 MB): the check looks each row up in both, in random index order.
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)
      INSERT INTO t SELECT i, hex(randomblob(64)), hex(randomblob(64)) FROM n;
      CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b);`);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    // Read calls of this process (vitest runs a file in its own process, its tests one by one).
    const reads = () => Number(/^syscr: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
    const before = reads();
    expect(integrityProblems(file)).toEqual([]);
    // One read per page, and a few for opening (10,881 for 10,877 pages); with the default
    // cache, 6.6 per page (71,849).
    expect(reads() - before).toBeLessThan(pages * 1.1 + 50);

    // Damage to an index page: the same complaints as integrity_check(20) on a plain connection.
    const bytes = readFileSync(file);
    const rootOfIndex = readOnly(file, (d) => (d.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 't_b'").get() as { rootpage: number }).rootpage);
    bytes.fill(0x41, (rootOfIndex - 1) * 4096, (rootOfIndex - 1) * 4096 + 1000);
    writeFileSync(file, bytes);
    const plain = readOnly(file, (d) => (d.pragma('integrity_check(20)') as Record<string, string>[]).map((r) => String(Object.values(r)[0])));
    expect(plain.length).toBeGreaterThan(0);
    expect(plain[0]).not.toBe('ok');
    expect(integrityProblems(file)).toEqual(plain);
  });

  it(`rotation keeps the newest ${KEEP_RECENT} scheduled/manual backups, and pre-migration ones for 30 days (the newest always)`, () => {
    const dataDir = temp.make();
    const core = start(dataDir);
    const day = 24 * 60 * 60 * 1000;
    const t0 = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < KEEP_RECENT + 3; i++) backupNowSync(core.db, dataDir, i % 2 ? 'manual' : 'scheduled', undefined, new Date(t0 + i * day));
    backupNowSync(core.db, dataDir, 'pre-migration', undefined, new Date(t0 - 60 * day));
    backupNowSync(core.db, dataDir, 'pre-migration', undefined, new Date(t0 - 50 * day));
    backupNowSync(core.db, dataDir, 'before-restore', undefined, new Date(t0 - 40 * day));
    const now = new Date(t0 + 20 * day);
    const removed = rotateBackups(dataDir, now);
    const kept = core.storage.backups();
    expect(kept.filter((b) => b.reason === 'scheduled' || b.reason === 'manual').map((b) => b.createdAt)).toEqual(
      Array.from({ length: KEEP_RECENT }, (_, i) => new Date(t0 + (KEEP_RECENT + 2 - i) * day).toISOString()),
    );
    // Both kinds keep their newest one even past 30 days; the older pre-migration one goes.
    expect(kept.filter((b) => b.reason === 'pre-migration').map((b) => b.createdAt)).toEqual([new Date(t0 - 50 * day).toISOString()]);
    expect(kept.filter((b) => b.reason === 'before-restore')).toHaveLength(1);
    expect(removed).toHaveLength(4);
  });

  it('a migration is preceded by a backup of the schema it started from', async () => {
    const dataDir = temp.make();
    const file = join(dataDir, DATABASE_FILE);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS, LATEST - 1);
    old.prepare("INSERT INTO user_settings (key, value, updated_at) VALUES ('ui.theme', 'sepia', 'then')").run();
    old.close();

    const core = start(dataDir);
    expect(core.storage.problem).toBeNull();
    const [backup, ...others] = core.storage.backups();
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ reason: 'pre-migration', schemaVersion: LATEST - 1 });
    expect(backup!.name).toMatch(new RegExp(`-pre-migration-v${LATEST - 1}\\.sqlite3$`));
    const copy = join(backupsDir(dataDir), backup!.name);
    expect(integrityProblems(copy)).toEqual([]);
    readOnly(copy, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST - 1);
      expect(db.prepare("SELECT value FROM user_settings WHERE key = 'ui.theme'").pluck().get()).toBe('sepia');
    });
    expect(await theme(core)).toBe('sepia');
  });
});

describe('restore', () => {
  it('replaces the database with the chosen backup, keeps the replaced one as a backup, and keeps serving', async () => {
    const dataDir = temp.make();
    const core = start(dataDir);
    await setTheme(core, 'dark');
    const backup = await call<BackupInfo>(core, 'storage.backupNow');
    await setTheme(core, 'light');

    const status = await call<StorageStatus>(core, 'storage.restore', { name: backup.name });
    expect(status).toMatchObject({ mode: 'ready', problem: null, check: { state: 'pending' } });
    expect(await theme(core)).toBe('dark');
    expect(await core.storage.quickCheckDone()).toMatchObject({ state: 'ok' });

    const kept = core.storage.backups().find((b) => b.reason === 'before-restore')!;
    readOnly(join(backupsDir(dataDir), kept.name), (db) => {
      expect(db.prepare("SELECT value FROM user_settings WHERE key = 'ui.theme'").pluck().get()).toBe('light');
    });
    // The replaced file went with its WAL folded in: nothing else beside the backups.
    expect(readdirSync(backupsDir(dataDir)).sort()).toEqual([backup.name, kept.name].sort());
    // And back again: the kept file is itself restorable.
    await call(core, 'storage.restore', { name: kept.name });
    expect(await theme(core)).toBe('light');
  });

  it.each([
    ['damaged', /is damaged/, (file: string) => {
      const bytes = readFileSync(file);
      bytes.fill(0x42, 100, 4096);
      writeFileSync(file, bytes);
    }],
    ['from a newer Briefbook', /made by a newer Briefbook/, (file: string) => {
      const db = new Database(file);
      db.pragma(`user_version = ${LATEST + 1}`);
      db.close();
    }],
    ['not a Briefbook database', /another application/, (file: string) => {
      const db = new Database(file);
      db.pragma('application_id = 7');
      db.close();
    }],
  ])('refuses a backup that is %s and changes nothing', async (_what, says, spoil) => {
    const dataDir = temp.make();
    const core = start(dataDir);
    await setTheme(core, 'dark');
    const backup = await call<BackupInfo>(core, 'storage.backupNow');
    spoil(join(backupsDir(dataDir), backup.name));
    const before = folderRecord(dataDir);
    const error = await callError(core, 'storage.restore', { name: backup.name });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(says);
    expect(error.message).toMatch(/[Nn]othing was replaced/);
    expect(await theme(core)).toBe('dark');
    expect(folderRecord(dataDir)).toEqual(before);
  });

  it('refuses a name that is not a listed backup', async () => {
    const core = start(temp.make());
    expect((await callError(core, 'storage.restore', { name: '../briefbook.sqlite3' })).code).toBe('BAD_REQUEST');
    expect((await callError(core, 'storage.restore', { name: backupName('manual', new Date()) })).code).toBe('NOT_FOUND');
  });
});

describe('recovery mode', () => {
  function foreignDatabase(dataDir: string): string {
    const file = join(dataDir, DATABASE_FILE);
    const db = new Database(file);
    db.exec("CREATE TABLE accounts (name TEXT); INSERT INTO accounts VALUES ('savings')");
    db.close();
    return file;
  }

  it('restores a backup in place of a refused file, which is kept in quarantine/ byte for byte', async () => {
    const dataDir = temp.make();
    const good = start(dataDir);
    await setTheme(good, 'dark');
    const backup = await call<BackupInfo>(good, 'storage.backupNow');
    good.close();
    const file = join(dataDir, DATABASE_FILE);
    writeFileSync(file, Buffer.alloc(0));
    writeFileSync(`${file}-wal`, 'not really a log');
    const core = start(dataDir);
    expect(core.storage.problem?.kind).toBe('empty-with-wal');
    expect((await callError(core, 'settings.get', { key: 'ui.theme' })).code).toBe('UNAVAILABLE');

    const status = await call<StorageStatus>(core, 'storage.restore', { name: backup.name });
    expect(status).toMatchObject({ mode: 'ready', problem: null });
    expect(await theme(core)).toBe('dark');
    const [moved] = readdirSync(join(dataDir, 'quarantine'));
    expect(readdirSync(join(dataDir, 'quarantine', moved!)).sort()).toEqual([DATABASE_FILE, `${DATABASE_FILE}-wal`]);
    expect(readFileSync(join(dataDir, 'quarantine', moved!, `${DATABASE_FILE}-wal`), 'utf8')).toBe('not really a log');
  });

  it('moves a foreign file aside only when asked, then starts a new database', async () => {
    const dataDir = temp.make();
    const file = foreignDatabase(dataDir);
    const hash = sha256(file);
    const core = start(dataDir);
    expect(core.storage.problem?.kind).toBe('foreign');
    expect((await callError(core, 'storage.quarantineAndStartNew', {})).code).toBe('BAD_REQUEST');
    expect(sha256(file)).toBe(hash);

    const result = await call<StorageStatus & { quarantinedTo: string }>(core, 'storage.quarantineAndStartNew', { confirm: true });
    expect(result).toMatchObject({ mode: 'ready', problem: null });
    expect(result.quarantinedTo.startsWith(join(dataDir, 'quarantine'))).toBe(true);
    expect(sha256(join(result.quarantinedTo, DATABASE_FILE))).toBe(hash);
    expect((await call<unknown[]>(core, 'plan.list')).length).toBe(1);
    expect(existsSync(file)).toBe(true);
  });
});
