// The e2e suite on a machine without the browser it is told to use: it stops once, before any
// test, with the one sentence that says what to install (tests/e2e/global-setup.ts), rather than
// failing test by test. And a browser named by BRIEFBOOK_CHROMIUM is the one launched.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_ENV } from '../helpers/find-browser';
import { localBrowserPath } from '../helpers/local-browser';
import { REPO_ROOT } from '../helpers/paths';
import { launchChromium } from './browser';

const scratch = mkdtempSync(join(tmpdir(), 'briefbook-e2e-discovery-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('browser discovery for the e2e suite', () => {
  it('fails the whole e2e run once, with one sentence, when the named browser is missing', () => {
    const missing = join(scratch, 'no-such-chrome');
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '-c', 'tests/vitest.config.ts', '--project', 'e2e', 'tests/e2e/shell.test.ts'],
      { cwd: REPO_ROOT, env: { ...process.env, [BROWSER_ENV]: missing, CI: '1', NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).not.toBe(0);
    const sentence = `${BROWSER_ENV} names ${missing}, which does not exist: point it at a Chromium, Chrome or Edge executable.`;
    expect(output).toContain(sentence);
    // Not test by test: no test of the file ran.
    expect(output).not.toMatch(/Tests\s+\d+ failed/);
  });

  it('launches the browser BRIEFBOOK_CHROMIUM names', async () => {
    const link = join(scratch, 'my-chromium');
    symlinkSync(localBrowserPath(), link);
    const before = process.env[BROWSER_ENV];
    process.env[BROWSER_ENV] = link;
    try {
      expect(localBrowserPath()).toBe(link);
      const browser = await launchChromium('http://127.0.0.1:1');
      try {
        const page = await browser.context.newPage();
        expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome\//);
      } finally {
        await browser.close();
      }
    } finally {
      if (before === undefined) delete process.env[BROWSER_ENV];
      else process.env[BROWSER_ENV] = before;
    }
  });
});
