// Shutting the core down while a background worker (the quick_check at start, a full check, a
// scheduled backup) still has its own connection on the file: the hosts' exit path waits for the
// worker to let go, so the core's connection is the last and SQLite checkpoints the -wal into
// the file and removes it. (Closing first left the -wal behind: the browser-mode server once
// exited under load with it still there.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core/core';
import { RESOURCES_DIR } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

describe('core shutdown with a background worker on the file', () => {
  it('waits for the worker’s connection, then closes last: the -wal is checkpointed and removed', async () => {
    const dataDir = temp.make();
    const file = join(dataDir, DATABASE_FILE);
    const core = openCore({ dataDir, resourcesDir: RESOURCES_DIR, host: 'browser', version: '0.0.0-test', scheduleBackups: false });
    cores.push(core);
    await core.storage.quickCheckDone();
    // Enough pages that an integrity_check is still running when the shutdown comes.
    core.db.exec('CREATE TABLE filler(x TEXT)');
    core.db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) INSERT INTO filler SELECT hex(randomblob(400)) FROM n");
    expect(existsSync(`${file}-wal`)).toBe(true);

    const check = core.storage.fullCheck();
    // Let the worker open the file and get going on the check (a second or two of work
    // here); on a machine so loaded that it has not started yet, the shutdown stops it first.
    await new Promise((r) => setTimeout(r, 500));
    await core.shutdown();
    cores.splice(0);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // The check ends either way: with its finding if it beat the shutdown, else saying the
    // database is closing (never a "damaged" finding made up from being stopped).
    const outcome = await check.then(
      (found) => found.state,
      (err: Error) => err.message,
    );
    expect(['ok', 'The database is closing.']).toContain(outcome);
  });
});
