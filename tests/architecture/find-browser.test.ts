// The browser the e2e tests and the bench drive, found on fake machines: each platform's install
// places, the variable that names one, playwright's own Chromium, and the one sentence for a
// machine with none.
import { describe, expect, it } from 'vitest';
import { BROWSER_ENV, browserCandidates, ensureBrowser, findBrowser, noBrowserMessage, type BrowserFound, type BrowserSearch } from '../helpers/find-browser';

function machine(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}, playwrightPath: string | null = null): BrowserSearch {
  const present = new Set(files);
  return { platform, env, exists: (p) => present.has(p), playwrightPath };
}

describe('findBrowser', () => {
  it('takes the browser BRIEFBOOK_CHROMIUM names before any installed one', () => {
    const found = findBrowser(machine('linux', ['/usr/bin/chromium', '/home/a/chrome'], { [BROWSER_ENV]: '/home/a/chrome' }));
    expect(found).toEqual({ ok: true, path: '/home/a/chrome', source: BROWSER_ENV });
  });

  it('refuses a BRIEFBOOK_CHROMIUM that names nothing, saying which path, instead of quietly using another browser', () => {
    const found = findBrowser(machine('linux', ['/usr/bin/chromium'], { [BROWSER_ENV]: '/nowhere/chrome' }));
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toContain('/nowhere/chrome');
  });

  it.each([
    ['Debian chromium', '/usr/bin/chromium'],
    ['Ubuntu chromium-browser', '/usr/bin/chromium-browser'],
    ['snap', '/snap/bin/chromium'],
    ['Google Chrome .deb', '/usr/bin/google-chrome-stable'],
    ['Google Chrome outside PATH', '/opt/google/chrome/chrome'],
    ['Edge', '/opt/microsoft/msedge/msedge'],
  ])('finds %s on Linux', (_name, path) => {
    expect(findBrowser(machine('linux', [path]))).toEqual({ ok: true, path, source: 'installed' });
  });

  it('looks along PATH on Linux (a browser in ~/.local/bin or a Nix profile)', () => {
    const found = findBrowser(machine('linux', ['/home/a/.nix-profile/bin/chromium'], { PATH: '/home/a/.nix-profile/bin:/usr/bin' }));
    expect(found).toEqual({ ok: true, path: '/home/a/.nix-profile/bin/chromium', source: 'installed' });
  });

  it('prefers Chromium to Chrome to Edge when several are installed', () => {
    const found = findBrowser(machine('linux', ['/opt/microsoft/msedge/msedge', '/usr/bin/google-chrome', '/snap/bin/chromium']));
    expect(found.ok && found.path).toBe('/usr/bin/google-chrome');
    const mac = findBrowser(
      machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium']),
    );
    expect(mac.ok && mac.path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('finds Chrome, Chromium and Edge in /Applications and ~/Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine('darwin', [chrome]))).toEqual({ ok: true, path: chrome, source: 'installed' });
    const own = '/Users/a/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser(machine('darwin', [own], { HOME: '/Users/a' }))).toEqual({ ok: true, path: own, source: 'installed' });
    // Linux places mean nothing on a Mac.
    expect(findBrowser(machine('darwin', ['/usr/bin/chromium'])).ok).toBe(false);
  });

  it('finds Chrome and Edge under Program Files and the user’s AppData on Windows, whatever the variables’ case', () => {
    const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(machine('win32', [edge], env))).toEqual({ ok: true, path: edge, source: 'installed' });
    const userChrome = 'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(machine('win32', [userChrome], env))).toEqual({ ok: true, path: userChrome, source: 'installed' });
    expect(browserCandidates(machine('win32', [], env))).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('falls back to the Chromium playwright installed when no other browser is there', () => {
    const pw = '/home/a/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    expect(findBrowser(machine('linux', [pw], {}, pw))).toEqual({ ok: true, path: pw, source: 'playwright' });
    // playwright knows where it would put one, but it was never downloaded.
    expect(findBrowser(machine('linux', [], {}, pw)).ok).toBe(false);
  });

  it('says in one sentence what to install when there is no browser at all', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const found = findBrowser(machine(platform, []));
      expect(found).toEqual({ ok: false, why: 'none', message: noBrowserMessage(platform) });
      const message = !found.ok ? found.message : '';
      expect(message.match(/[.:]\s/g) ?? []).toHaveLength(1); // one sentence: a colon, no full stop inside
      expect(message).toContain('playwright-core install chromium');
      expect(message).toContain(BROWSER_ENV);
    }
    expect(noBrowserMessage('linux')).toContain('apt-get install chromium');
    expect(noBrowserMessage('darwin')).toContain('brew');
  });
});

describe('ensureBrowser', () => {
  const found: BrowserFound = { ok: true, path: '/opt/pw/chrome', source: 'playwright' };
  const none: BrowserFound = { ok: false, why: 'none', message: 'No Chromium, Chrome or Edge found' };
  const misnamed: BrowserFound = { ok: false, why: 'misnamed', message: 'BRIEFBOOK_CHROMIUM names /x' };

  it('installs playwright’s Chromium when nothing is found, then looks again', () => {
    const results = [none, found];
    let installs = 0;
    expect(ensureBrowser(() => results.shift()!, () => (installs++, true))).toEqual(found);
    expect(installs).toBe(1);
  });

  it('keeps the one sentence when the install fails (an offline machine)', () => {
    expect(ensureBrowser(() => none, () => false)).toEqual(none);
  });

  it('installs nothing when a browser is there or the variable names a missing file', () => {
    let installs = 0;
    const install = () => (installs++, true);
    expect(ensureBrowser(() => found, install)).toEqual(found);
    expect(ensureBrowser(() => misnamed, install)).toEqual(misnamed);
    expect(installs).toBe(0);
  });
});
