// The database's safety as a reader meets it, end to end: the BUILT browser-mode server started
// on a data folder whose database is another application's shows the recovery screen (not a
// fresh database, not a stack trace); restoring a listed backup brings the plan back, and the
// foreign file is kept byte for byte in quarantine/. A database with a damaged user table opens,
// and the banner appears as soon as the background check finds the damage. Screenshots at
// 1400x900 and 900x700, zh and en, light and dark.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { backupNowSync } from '../../electron/core/services/storage/backups';
import { createTestCore } from '../helpers/core';
import { sha256 } from '../helpers/storage-files';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';

const PLAN_TITLE = '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路';
/** Eight screenshots and four axe runs take a while on a busy two-core machine. */
const SHOTS_TIMEOUT = 240_000;
const SIZES = [
  { width: 1400, height: 900 },
  { width: 900, height: 700 },
] as const;

/** A real Briefbook database with one verified backup in backups/. */
function briefbookWithBackup(dataDir: string): void {
  const core = createTestCore(dataDir);
  try {
    backupNowSync(core.db, dataDir, 'manual');
  } finally {
    core.close();
  }
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Eight screenshots of what is on screen: two sizes, zh and en (switched by `toLanguage`), light and dark. */
async function shootAll(page: Page, name: string, toLanguage: (lng: 'zh' | 'en') => Promise<void>): Promise<string[]> {
  const files: string[] = [];
  for (const lng of ['zh', 'en'] as const) {
    await toLanguage(lng);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settled(page);
        const file = `${name}-${lng}-${scheme}-${size.width}x${size.height}.png`;
        await page.screenshot({ path: join(OUTPUT_DIR, file) });
        files.push(file);
      }
      expect(await axeViolations(page), `${lng} ${scheme}`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  return files;
}

describe('a foreign database: the recovery screen, then a restore', () => {
  let app: AppSession;
  let foreignHash = '';

  beforeAll(async () => {
    app = await startAppSession('recovery', (dataDir) => {
      briefbookWithBackup(dataDir);
      const file = join(dataDir, DATABASE_FILE);
      rmSync(file);
      const foreign = new Database(file);
      foreign.exec("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('https://example.org/')");
      foreign.close();
      foreignHash = sha256(file);
    });
  });
  afterAll(() => app?.close());

  it('shows what is wrong with which file and the choices, and creates nothing', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: 'Briefbook 无法打开您的数据库' }).waitFor();
    const file = join(app.dataDir, DATABASE_FILE);
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 }).toContain('这是其他应用程序的数据库');
    expect(await page.locator('.recovery-file code').textContent()).toBe(file);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      '从备份恢复',
      '移走此文件并新建数据库',
      '保持原样',
    ]);
    await page.getByRole('radio').first().waitFor(); // the list arrives after the screen
    expect(await page.getByRole('radio').count()).toBe(1);
    expect(await page.getByRole('radio').first().isChecked()).toBe(true);
    expect(sha256(file)).toBe(foreignHash);
    expect(readdirSync(app.dataDir).sort()).toEqual(['backups', DATABASE_FILE]);

    const files = await shootAll(page, 'recovery', async (lng) => {
      const switchTo = lng === 'en' ? 'English' : '中文';
      const button = page.locator('.recovery-language');
      if ((await button.textContent()) === switchTo) await button.click();
      await page.getByRole('heading', { level: 1, name: lng === 'en' ? 'Briefbook could not open your database' : 'Briefbook 无法打开您的数据库' }).waitFor();
    });
    expect(files).toHaveLength(8);

    // Moving aside asks first; cancelling changes nothing.
    await page.locator('.recovery-language').click(); // back to 中文
    await page.getByRole('button', { name: '移走并新建…' }).click();
    await page.getByRole('button', { name: '确认移走并新建' }).waitFor();
    await page.setViewportSize(SIZES[0]);
    await settled(page);
    await page.screenshot({ path: join(OUTPUT_DIR, 'recovery-confirm-zh-light-1400x900.png') });
    await page.getByRole('button', { name: '取消' }).click();
    expect(sha256(file)).toBe(foreignHash);
    app.expectNothingBlocked();
  }, SHOTS_TIMEOUT);

  it('restores the listed backup: the plan is back, the foreign file kept byte for byte in quarantine/', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '恢复所选备份' }).click();
    await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    const [moved] = readdirSync(join(app.dataDir, 'quarantine'));
    expect(sha256(join(app.dataDir, 'quarantine', moved!, DATABASE_FILE))).toBe(foreignHash);
    expect((await app.call('storage.status', {})).mode).toBe('ready');
    expect((await app.call('plan.list', {})).map((p) => p.title)).toEqual([PLAN_TITLE]);
    app.expectNothingBlocked();
  });
});

describe('a damaged user table: the banner appears once the background check finds it', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startAppSession('damage', (dataDir) => {
      briefbookWithBackup(dataDir);
      const file = join(dataDir, DATABASE_FILE);
      const probe = new Database(file, { readonly: true });
      const page = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'user_saved_views'").pluck().get() as number;
      const size = probe.pragma('page_size', { simple: true }) as number;
      probe.close();
      const bytes = readFileSync(file);
      bytes.fill(0xa5, (page - 1) * size, page * size);
      writeFileSync(file, bytes);
    });
  });
  afterAll(() => app?.close());

  it('shows the banner over the plan, offering a backup, a full check and a restore', async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: '数据库文件检测到损坏' }).waitFor();
    expect(await page.locator('.damage-banner').getByRole('button').allTextContents()).toEqual([
      '立即备份',
      '从备份恢复…',
      '完整检查',
      '暂时隐藏',
    ]);
    const files = await shootAll(page, 'damage-banner', async (lng) => {
      await app.call('settings.set', { key: 'ui.language', value: lng });
      await page.reload();
      await page.getByRole('heading', { level: 2, name: lng === 'en' ? 'Damage found in the database file' : '数据库文件检测到损坏' }).waitFor();
    });
    expect(files).toHaveLength(8);
    await app.call('settings.set', { key: 'ui.language', value: 'zh' });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '数据库文件检测到损坏' }).waitFor();
  }, SHOTS_TIMEOUT);

  it('restores from the dialog: the banner goes, the check passes on the restored file', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '从备份恢复…' }).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await dialog.waitFor();
    await page.setViewportSize(SIZES[0]);
    await settled(page);
    await page.screenshot({ path: join(OUTPUT_DIR, 'restore-dialog-zh-light-1400x900.png') });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '恢复所选备份' }).click();
    await page.getByRole('heading', { level: 1, name: PLAN_TITLE }).waitFor();
    // The check on the restored file runs in the background: on a busy machine it takes a while.
    await expect.poll(async () => (await app.call('storage.status', {})).check?.state, { timeout: 30_000 }).toBe('ok');
    expect(await page.locator('.damage-banner').count()).toBe(0);
    app.expectNothingBlocked();
  });
});
