// A library written by an older version, opened through the real core as the hosts open it
// (migrations in the worker thread, storage/opening.ts): the core answers at once, says it is
// updating and how far, and opens the library when the update is done; a cancel rolls every
// step back, leaves the file byte for byte as it was and does not open it; and the runner
// reports each step, and the rows of a fill that works in chunks, whatever the migrations are.
import { existsSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core/core';
import { latestVersion, migrate, type MigrationStep } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CHUNK_ROWS } from '../../electron/core/db/migrations/in-chunks';
import { backupNowSync, backupsDir } from '../../electron/core/services/storage/backups';
import type { StorageStatus } from '../../shared/api/storage/methods';
import { makeOlderLibrary, OLDER_VERSION } from '../helpers/older-library';
import { RESOURCES_DIR } from '../helpers/paths';
import { sha256 } from '../helpers/storage-files';
import { useTempDirs } from '../helpers/temp-dir';
import Database from 'better-sqlite3';

const temp = useTempDirs();
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.shutdown();
});

const LATEST = latestVersion(MIGRATIONS);

function hostCore(dataDir: string): Core {
  const core = openCore({ dataDir, resourcesDir: RESOURCES_DIR, host: 'browser', version: '0.0.0-test', scheduleBackups: false, migrateInWorker: true });
  cores.push(core);
  return core;
}

async function until(core: Core, done: (s: StorageStatus) => boolean): Promise<StorageStatus[]> {
  const seen: StorageStatus[] = [];
  for (;;) {
    const status = core.storage.status();
    seen.push(status);
    if (done(status)) return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('opening a library behind this version', () => {
  it('answers at once in mode opening, then opens the migrated library', async () => {
    const dataDir = temp.make();
    makeOlderLibrary(dataDir, 2_000);
    const core = hostCore(dataDir);
    const first = core.storage.status();
    expect(first.mode).toBe('opening');
    expect(first.opening).toMatchObject({ from: OLDER_VERSION, to: LATEST, steps: LATEST - OLDER_VERSION, cancelling: false });
    expect(first.opening!.stepNames).toEqual(MIGRATIONS.slice(OLDER_VERSION).map((m) => m.name));
    // Every other method waits for the library.
    await expect(core.router.dispatch('app.start', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    await until(core, (s) => s.mode !== 'opening');
    expect(core.storage.status().mode).toBe('ready');
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(core.db.prepare("SELECT count(*) FROM initiative_sort_keys WHERE plan_id = 'big' AND status = '推进中'").pluck().get()).toBe(400);
    const start = await core.router.dispatch('app.start', {});
    expect(start.ok).toBe(true);
    // The backup of the file as it was, made before the update.
    expect(core.storage.backups().map((b) => [b.reason, b.schemaVersion])).toEqual([['pre-migration', OLDER_VERSION]]);
  });

  it('cancelled, rolls back: the file is byte for byte as it was, not opened; opening again updates it', async () => {
    const dataDir = temp.make();
    const file = makeOlderLibrary(dataDir, 2_000);
    const before = sha256(file);
    const core = hostCore(dataDir);
    expect(core.storage.status().mode).toBe('opening');
    // Before the worker has read anything: the first step it reports stops it.
    expect(core.storage.cancelOpening().opening?.cancelling).toBe(true);

    await until(core, (s) => s.mode !== 'opening');
    expect(core.storage.status()).toMatchObject({ mode: 'cancelled', opening: null, problem: null });
    expect(sha256(file)).toBe(before);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(file + suffix)).toBe(false);
    expect(() => core.db).toThrow();
    await expect(core.router.dispatch('app.start', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });

    expect(core.storage.openLibrary().mode).toBe('opening');
    await until(core, (s) => s.mode !== 'opening');
    expect(core.storage.status().mode).toBe('ready');
    expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST);
  });

  it('cancelled halfway through a step that works in chunks: rolled back, the file as it was', async () => {
    const dataDir = temp.make();
    const file = makeOlderLibrary(dataDir, 5 * (CHUNK_ROWS + 10));
    const before = sha256(file);
    const core = hostCore(dataDir);
    // Cancelled as soon as a fill has reported rows done (not before: its first chunk is written).
    const seen = await until(core, (s) => (s.opening?.done ?? 0) > 0 || s.mode !== 'opening');
    const running = seen[seen.length - 1]!;
    if (running.mode === 'opening') {
      expect(running.opening).toMatchObject({ phase: 'migrate', total: CHUNK_ROWS + 10 });
      core.storage.cancelOpening();
      await until(core, (s) => s.mode !== 'opening');
      expect(core.storage.status().mode).toBe('cancelled');
      expect(sha256(file)).toBe(before);
    } else {
      // A machine so fast that no poll landed inside a fill: the update finished; still sound.
      expect(running.mode).toBe('ready');
    }
  }, 120_000);

  it('leaves a newer or a damaged file to the ordinary open (recovery mode), untouched', async () => {
    const dataDir = temp.make();
    const file = join(dataDir, DATABASE_FILE);
    makeOlderLibrary(dataDir, 10);
    // Cut short: its header still says version 13, the pages after it are gone.
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = sha256(file);
    const core = hostCore(dataDir);
    await until(core, (s) => s.mode !== 'opening');
    expect(core.storage.status().mode).toBe('recovery');
    expect(sha256(file)).toBe(before);
  });
});

describe('the backup before the update', () => {
  it('stopped once its copy is written (a cancel then): the unchecked copy is deleted, nothing listed', () => {
    const dataDir = temp.make();
    const file = makeOlderLibrary(dataDir, 50);
    const db = new Database(file, { readonly: true });
    try {
      let told = 0;
      expect(() =>
        backupNowSync(db, dataDir, 'pre-migration', undefined, new Date(), () => {
          told++;
          expect(readdirSync(backupsDir(dataDir)).filter((f) => f.endsWith('.partial'))).toHaveLength(1);
          throw new Error('cancelled');
        }),
      ).toThrow('cancelled');
      expect(told).toBe(1);
      expect(readdirSync(backupsDir(dataDir))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('the migration runner reports where it is', () => {
  it('every pending step, the rows of a chunked fill, and the commit; a throw rolls all back', () => {
    const dir = temp.make();
    const file = makeOlderLibrary(dir, 5 * (CHUNK_ROWS + 5));
    const db = new Database(file);
    try {
      const steps: MigrationStep[] = [];
      migrate(db, MIGRATIONS, LATEST, (s) => steps.push(s));
      const pending = MIGRATIONS.slice(OLDER_VERSION);
      expect(steps.filter((s) => s.done === null).map((s) => [s.index, s.version])).toEqual([
        ...pending.map((m, i) => [i, m.version]),
        [pending.length, pending[pending.length - 1]!.version],
      ]);
      const fill = steps.filter((s) => s.version === 17 && s.done !== null).map((s) => [s.done, s.total]);
      expect(fill).toEqual([
        [0, CHUNK_ROWS + 5],
        [CHUNK_ROWS, CHUNK_ROWS + 5],
        [CHUNK_ROWS + 5, CHUNK_ROWS + 5],
      ]);
    } finally {
      db.close();
    }

    const other = makeOlderLibrary(temp.make(), 50);
    const before = sha256(other);
    const db2 = new Database(other);
    try {
      expect(() =>
        migrate(db2, MIGRATIONS, LATEST, (s) => {
          if (s.index === 1) throw new Error('stop');
        }),
      ).toThrow('stop');
      expect(db2.pragma('user_version', { simple: true })).toBe(OLDER_VERSION);
    } finally {
      db2.close();
    }
    expect(sha256(other)).toBe(before);
  });
});
