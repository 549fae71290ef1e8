// A library written by an older version, opened by the BUILT browser-mode server as a reader
// would: the page shows the update's progress (the host answers at once, the migrations run in
// its worker) and then the app; a cancel from the page rolls the update back, the file stays
// byte for byte as it was and the library is not opened. Screenshots at 1400x900 and 900x700,
// zh and en, light and dark.
//
// So that the page meets the update running however fast the machine is, the test holds the
// library's write lock from a second connection (as a second Briefbook process writing to the
// same folder would) until the screen is up: the update waits for it, and says so.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { latestVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { storage } from '../../renderer/src/features/storage/locales';
import { makeOlderLibrary, OLDER_VERSION } from '../helpers/older-library';
import { sha256 } from '../helpers/storage-files';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

const SHOTS_TIMEOUT = 240_000;
const SIZES = [
  { width: 1400, height: 900 },
  { width: 900, height: 700 },
] as const;

let app: AppSession | undefined;
let lock: Database.Database | undefined;
afterEach(async () => {
  lock?.close();
  lock = undefined;
  await app?.close();
  app = undefined;
});

/** The older library, and a second connection holding its write lock. */
function olderLibraryLocked(dataDir: string): { file: string; hash: string } {
  const file = makeOlderLibrary(dataDir, 2_000);
  const hash = sha256(file);
  lock = new Database(file);
  lock.exec('BEGIN IMMEDIATE');
  return { file, hash };
}

function release(): void {
  lock?.exec('ROLLBACK');
  lock?.close();
  lock = undefined;
}

async function shootAll(page: Page, name: string, heading: { zh: string; en: string }): Promise<void> {
  for (const lng of ['zh', 'en'] as const) {
    const button = page.locator('.recovery-language');
    if ((await button.textContent()) === (lng === 'en' ? 'English' : '中文')) await button.click();
    await page.getByRole('heading', { level: 1, name: heading[lng] }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot({ path: join(OUTPUT_DIR, `${name}-${lng}-${scheme}-${size.width}x${size.height}.png`) });
      }
      expect(await axeViolations(page), `${lng} ${scheme}`).toEqual([]);
    }
  }
  await page.locator('.recovery-language').click(); // back to 中文
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('opening a library an older version wrote', () => {
  it('shows the update as it runs, then the app on the updated library', async () => {
    let file = '';
    app = await startAppSession('opening', (dir) => ({ file } = olderLibraryLocked(dir)));
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: '正在更新资料库' }).waitFor();
    await expect.poll(() => page.locator('.recovery-lead').textContent()).toContain(`第 ${OLDER_VERSION} 版 → 第 ${latestVersion(MIGRATIONS)} 版`);
    await page.getByRole('progressbar').waitFor();
    // The steps: the backup, each pending migration by version, the save.
    expect(await page.locator('.opening-steps li').count()).toBe(latestVersion(MIGRATIONS) - OLDER_VERSION + 2);
    // Each named for what it changes, not by its code name.
    const name = storage.zh.opening.names[MIGRATIONS[OLDER_VERSION]!.name as keyof typeof storage.zh.opening.names];
    expect(await page.locator('.opening-steps li').nth(1).textContent()).toBe(`第 ${OLDER_VERSION + 1} 版：${name}`);
    await shootAll(page, 'opening', { zh: '正在更新资料库', en: 'Updating your library' });

    release();
    await page.locator('.view-tabs').waitFor({ timeout: 60_000 });
    expect(await page.locator('.opening').count()).toBe(0);
    expect(await app.call('storage.status', {})).toMatchObject({ mode: 'ready', opening: null });
    expect((await app.call('plan.list', {})).map((p) => p.id)).toContain('big');
    const reopened = new Database(file, { readonly: true });
    try {
      expect(reopened.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    } finally {
      reopened.close();
    }
    app.expectNothingBlocked();
  }, SHOTS_TIMEOUT);

  it('cancelled from the page: rolled back, the file byte for byte as it was, not opened', async () => {
    let file = '';
    let hash = '';
    app = await startAppSession('opening-cancel', (dir) => ({ file, hash } = olderLibraryLocked(dir)));
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: '正在更新资料库' }).waitFor();
    await page.getByRole('button', { name: '取消更新' }).click();
    await page.getByRole('button', { name: '正在撤销…' }).waitFor();

    release();
    await page.getByRole('heading', { level: 1, name: '更新已取消' }).waitFor({ timeout: 60_000 });
    expect(sha256(file)).toBe(hash);
    expect(await app.call('storage.status', {})).toMatchObject({ mode: 'cancelled', opening: null });
    await expect(app.call('app.start', {})).rejects.toThrow(/UNAVAILABLE/);
    await shootAll(page, 'opening-cancelled', { zh: '更新已取消', en: 'Update cancelled' });

    // The server stops with the file still as it was, and nothing beside it but the backup made
    // before the update.
    await app.server.stop();
    expect(sha256(file)).toBe(hash);
    expect(readdirSync(app.dataDir).sort()).toEqual(['backups', DATABASE_FILE]);
    app.expectNothingBlocked();
  }, SHOTS_TIMEOUT);
});
