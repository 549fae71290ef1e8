// findBrowser on this machine: its platform, its environment, its file system, and the path
// where playwright-core keeps the Chromium it installs.
import { existsSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findBrowser, type BrowserFound } from './find-browser';

function playwrightChromium(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

export function findLocalBrowser(): BrowserFound {
  return findBrowser({
    platform: process.platform,
    env: process.env,
    exists: (path) => existsSync(path) && statSync(path).isFile(),
    playwrightPath: playwrightChromium(),
  });
}

/** The browser's path, or a throw with the one sentence that says what to install. */
export function localBrowserPath(): string {
  const found = findLocalBrowser();
  if (!found.ok) throw new Error(found.message);
  return found.path;
}
