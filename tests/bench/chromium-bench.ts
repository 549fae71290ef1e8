// What the Chromium benches (table-ui.ts, search-ui.ts) share: the corpus written into a data
// folder the built server opens (or one kept by an earlier run with --data: the import is most
// of a run's time on a loaded machine), and the browser they drive, launched the same way.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { DATABASE_FILE } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/open';
import { importPlan } from '../../electron/core/plan/store';
import { refreshDerivedData } from '../../electron/core/refresh-derived';
import { localBrowserPath } from '../helpers/local-browser';
import { articleText, DEFAULT_SHAPE, generatePlans } from './corpus';

/** Imports the bench corpus of `seed` and `plans` plans into the library in `dir`; its initiatives. */
export function importCorpus(dir: string, seed: number, plans: number): number {
  const db = openDatabase(join(dir, DATABASE_FILE));
  let initiatives = 0;
  try {
    for (const doc of generatePlans(seed, { ...DEFAULT_SHAPE, plans })) {
      importPlan(db, doc, articleText(doc));
      initiatives += doc.initiatives.length;
    }
    refreshDerivedData(db);
  } finally {
    db.close();
  }
  return initiatives;
}

const CORPUS_NOTE = 'bench-corpus.json';

/** The note of the corpus kept in `dir`, or null: no note (or not ours). */
function keptCorpus(dir: string): { seed: number; plans: number; initiatives: number } | null {
  try {
    return JSON.parse(readFileSync(join(dir, CORPUS_NOTE), 'utf8')) as { seed: number; plans: number; initiatives: number };
  } catch {
    return null;
  }
}

/**
 * The initiatives in the library in `dir`: a corpus folder kept by an earlier run for this seed
 * and size (its database migrated to this build's schema), else the corpus imported into `dir`,
 * which must be empty or new (a folder kept for another corpus, or anything else, is refused,
 * never written over).
 */
export function corpusDataDir(dir: string, seed: number, plans: number): number {
  const note = keptCorpus(dir);
  if (note?.seed === seed && note.plans === plans) {
    // Kept by an earlier build: brought to this build's schema here, so the server finds no
    // update to make (a backup and its check first) when the bench asks for the start data.
    openDatabase(join(dir, DATABASE_FILE)).close();
    return note.initiatives;
  }
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`--data ${dir} is not empty and holds no corpus of seed ${seed} and ${plans} plans`);
  const initiatives = importCorpus(dir, seed, plans);
  writeFileSync(join(dir, CORPUS_NOTE), JSON.stringify({ seed, plans, initiatives }));
  return initiatives;
}

/** Headless Chromium with its own profile, at a laptop size, in Chinese, and quiet (no
 *  background networking, updates or sync to disturb the timings). */
export function launchBenchBrowser(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: localBrowserPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The moment the page's probe notes (table-ui-page.ts), awaited with one plain evaluation over
 * the DevTools protocol: nothing of the bench's own runs in the page before it (a polling wait
 * would inject and run its script while the page starts, and be measured with it).
 */
export async function whenNoted(cdp: CDPSession, moment: 'themes' | 'firstRows'): Promise<number> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `Promise.race([window.__bench.${moment}, new Promise((_, no) => setTimeout(() => no(new Error('not noted in 120 s')), 120000))])`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails || typeof result.value !== 'number') throw new Error(`the page noted no ${moment}: ${exceptionDetails?.exception?.description ?? exceptionDetails?.text}`);
  return result.value;
}

/**
 * The built page's folder as hard links (a copy across file systems) in dir, where the bench
 * adds its static page: both are then files of one folder, served the same way.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [a, b] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(a, b);
    else {
      try {
        linkSync(a, b);
      } catch {
        copyFileSync(a, b);
      }
    }
  }
}

/** A CDP stream (a trace Tracing.end wrote, say) read to its end, then closed. */
export async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return text;
}
