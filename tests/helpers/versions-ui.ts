// Plan versions through the UI, shared by the e2e files that need a plan with two versions:
// the first version imported from the library's file input, the revision from its row's
// "Import new version…" (the change summary shows; the caller confirms or looks at it).
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './paths';

export const VERSION_FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'versions');
/** The title of renewal-v1.txt; renewal-v2.txt is its revision (修订稿). */
export const RENEWAL_TITLE = '青禾市城市更新行动方案';

/** A plan's row in the library, found by its title button. */
export function libraryRow(page: Page, title = RENEWAL_TITLE): Locator {
  return page.locator('.library-row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
}

/** Imports renewal-v1.txt from the library as a new plan and waits for it to open. */
export async function importFirstVersion(page: Page): Promise<void> {
  await page.locator('input[type="file"][multiple]').setInputFiles(join(VERSION_FIXTURES, 'renewal-v1.txt'));
  const dialog = page.getByRole('dialog', { name: '导入预览' });
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: RENEWAL_TITLE }).waitFor({ timeout: 30_000 });
}

/** Clicks "Import new version…" on the plan's row (in the library) and picks `file`. */
export async function chooseVersionFile(page: Page, file = 'renewal-v2.txt', title = RENEWAL_TITLE): Promise<void> {
  await libraryRow(page, title).hover();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: `导入“${title}”的新版本` }).click();
  await (await chooser).setFiles(join(VERSION_FIXTURES, file));
}
