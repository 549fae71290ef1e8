// Which Chromium-family browser the end-to-end tests and the bench drive, found the way a
// reader's machine has one: the BRIEFBOOK_CHROMIUM variable first (an explicit choice, so a
// wrong path is an error rather than a silent fallback), then the usual install places of
// Chromium, Google Chrome and Microsoft Edge for the platform, then the Chromium that
// playwright installs (`npx playwright-core install chromium`). A pure function of the
// platform, the environment and an exists() check, so every platform is testable on one.
import { posix, win32 } from 'node:path';

export const BROWSER_ENV = 'BRIEFBOOK_CHROMIUM';

export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
  /** Where playwright keeps its own Chromium (chromium.executablePath()), if it can say. */
  playwrightPath?: string | null;
}

export type BrowserFound =
  | { ok: true; path: string; source: string }
  /** none: nothing found anywhere; misnamed: the environment variable names a missing file. */
  | { ok: false; why: 'none' | 'misnamed'; message: string };

/** One sentence for a machine without a browser: what to install, or how to name one. */
export function noBrowserMessage(platform: NodeJS.Platform): string {
  const install =
    platform === 'darwin'
      ? 'install Google Chrome or Chromium (brew install --cask chromium)'
      : platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'install Chromium (apt-get install chromium, or snap install chromium)';
  return (
    `No Chromium, Chrome or Edge found for the end-to-end tests: ${install}, ` +
    `run "npx playwright-core install chromium", or set ${BROWSER_ENV} to a browser's executable.`
  );
}

/** Environment lookup; Windows variable names are case-insensitive (ProgramFiles, PROGRAMFILES). */
function envOf(search: BrowserSearch, name: string): string | undefined {
  const direct = search.env[name];
  if (direct || search.platform !== 'win32') return direct || undefined;
  const key = Object.keys(search.env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && search.env[key]) || undefined;
}

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const LINUX_PLACES = ['/snap/bin/chromium', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
const MAC_APPS = [
  'Chromium.app/Contents/MacOS/Chromium',
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const WINDOWS_APPS = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];

/** The install places to look at, in order of preference, for one platform. */
export function browserCandidates(search: BrowserSearch): string[] {
  const out: string[] = [];
  if (search.platform === 'darwin') {
    const home = envOf(search, 'HOME');
    for (const app of MAC_APPS) {
      out.push(posix.join('/Applications', app));
      if (home) out.push(posix.join(home, 'Applications', app));
    }
  } else if (search.platform === 'win32') {
    const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'].map((n) => envOf(search, n)).filter((r): r is string => !!r);
    for (const app of WINDOWS_APPS) for (const root of roots) out.push(win32.join(root, app));
  } else {
    // The usual /usr/bin first, then wherever PATH says (a distribution's or the user's own), then
    // the places packages outside PATH use (snap, Google's and Microsoft's .deb/.rpm).
    const dirs = ['/usr/bin', ...(envOf(search, 'PATH') ?? '').split(':').filter((d) => d.startsWith('/'))];
    for (const name of LINUX_NAMES) for (const dir of new Set(dirs)) out.push(posix.join(dir, name));
    out.push(...LINUX_PLACES);
  }
  return [...new Set(out)];
}

export function findBrowser(search: BrowserSearch): BrowserFound {
  const named = envOf(search, BROWSER_ENV);
  if (named) {
    return search.exists(named)
      ? { ok: true, path: named, source: BROWSER_ENV }
      : { ok: false, why: 'misnamed', message: `${BROWSER_ENV} names ${named}, which does not exist: point it at a Chromium, Chrome or Edge executable.` };
  }
  const installed = browserCandidates(search).find((path) => search.exists(path));
  if (installed) return { ok: true, path: installed, source: 'installed' };
  if (search.playwrightPath && search.exists(search.playwrightPath)) {
    return { ok: true, path: search.playwrightPath, source: 'playwright' };
  }
  return { ok: false, why: 'none', message: noBrowserMessage(search.platform) };
}

/** Finds a browser; if none, runs `install` once (playwright's download) and looks again. */
export function ensureBrowser(find: () => BrowserFound, install: () => boolean): BrowserFound {
  const first = find();
  if (first.ok || first.why !== 'none') return first;
  return install() ? find() : first;
}
