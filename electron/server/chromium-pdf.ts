// Browser mode's PDF renderer for packets: the machine's Chromium, headless, driven by
// playwright-core. One browser is started on first use and closed after a short idle time (a
// packet.pdf run renders twice in a row; nothing stays running between runs). The document
// loads nothing: every request but data: is refused, and it carries its own strict CSP.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { fillScript, type PdfRenderer, type PdfRequest } from '../core/services/packets/pdf';

const IDLE_MS = 5_000;
const LOAD_LIMIT_MS = 15 * 60_000;
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to use: BRIEFBOOK_CHROMIUM, else a usual install path, else playwright's own. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.BRIEFBOOK_CHROMIUM;
  if (named && existsSync(named)) return named;
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumPdf {
  render: PdfRenderer;
  close(): Promise<void>;
}

export function createChromiumPdf(executablePath: string): ChromiumPdf {
  let browser: Promise<Browser> | null = null;
  let active = 0;
  let idle: NodeJS.Timeout | null = null;

  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b).close().catch(() => {});
  };

  async function render({ html, paper, orientation, signal, fill }: PdfRequest): Promise<Uint8Array> {
    if (idle) clearTimeout(idle);
    active++;
    browser ??= chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    // Cancelling rejects at once, whatever Playwright call is pending: a page closed under a
    // print in flight does not always settle that call.
    const aborted = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(new Error('aborted'));
      else signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    aborted.catch(() => {});
    const guard = <T>(work: Promise<T>): Promise<T> => Promise.race([work, aborted]);
    const context = await guard((await guard(browser)).newContext({ offline: true }));
    const stop = () => void context.close().catch(() => {});
    signal.addEventListener('abort', stop, { once: true });
    try {
      if (signal.aborted) throw new Error('aborted');
      // A long packet on a busy machine takes minutes to load and print; packet.cancel, not a
      // timer, is how a run is stopped early.
      context.setDefaultTimeout(LOAD_LIMIT_MS);
      await guard(context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort())));
      const page = await guard(context.newPage());
      await guard(page.setContent(html, { waitUntil: 'load' }));
      // Evaluated in the page (a string: this side has no DOM types); waits for the embedded fonts.
      await guard(page.evaluate('document.fonts.ready.then(() => undefined)'));
      if (signal.aborted) throw new Error('aborted');
      const print = async () =>
        new Uint8Array(await guard(page.pdf({ format: paper, landscape: orientation === 'landscape', printBackground: true, preferCSSPageSize: true })));
      const first = await print();
      const texts = fill ? await guard(fill(first)) : {};
      if (Object.keys(texts).length === 0) return first;
      if (signal.aborted) throw new Error('aborted');
      await guard(page.evaluate(fillScript(texts)));
      return await print();
    } finally {
      signal.removeEventListener('abort', stop);
      // Not awaited once cancelled: the close itself may wait on the print it interrupts.
      if (signal.aborted) void context.close().catch(() => {});
      else await context.close().catch(() => {});
      active--;
      if (active === 0) {
        idle = setTimeout(() => void closeBrowser(), IDLE_MS);
        idle.unref();
      }
    }
  }

  return {
    render,
    close: async () => {
      if (idle) clearTimeout(idle);
      await closeBrowser();
    },
  };
}
