// Runs once before the end-to-end files. Without a browser to drive, it first tries to install
// playwright's own Chromium (a laptop with a network gets one; an offline machine gets a quick
// refusal), then stops the suite with one sentence saying what to install, instead of every
// test failing on its own.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ensureBrowser } from '../helpers/find-browser';
import { findLocalBrowser } from '../helpers/local-browser';

function installPlaywrightChromium(): boolean {
  const cli = createRequire(import.meta.url).resolve('playwright-core/cli');
  process.stderr.write('No Chromium, Chrome or Edge found: trying to install playwright’s Chromium…\n');
  const run = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 15 * 60_000 });
  return run.status === 0;
}

export default function setup(): void {
  const found = ensureBrowser(findLocalBrowser, installPlaywrightChromium);
  if (!found.ok) throw new Error(found.message);
}
