// The machine's Chromium (or Chrome, Edge: tests/helpers/find-browser.ts) driven by playwright-core, with a fresh profile per launch, and a watch on
// everything a page must not do: console errors, uncaught exceptions, CSP violations, and
// requests that leave the local server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { localBrowserPath } from '../helpers/local-browser';

export interface Browser {
  context: BrowserContext;
  /** Everything seen so far that a healthy page never produces. */
  problems: { consoleErrors: string[]; pageErrors: string[]; cspViolations: string[]; foreignRequests: string[] };
  close(): Promise<void>;
}

export async function launchChromium(allowedOrigin: string): Promise<Browser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'briefbook-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: localBrowserPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const problems: Browser['problems'] = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  // securitypolicyviolation is a DOM event: an init script (run by the browser, outside the
  // page's CSP) forwards each one to the test through an exposed binding.
  await context.exposeBinding('__briefbookReportCsp', (_source, report: string) => {
    problems.cspViolations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __briefbookReportCsp: (r: string) => void }).__briefbookReportCsp;
      void report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on('weberror', (error) => problems.pageErrors.push(String(error.error())));
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${allowedOrigin}/`) && !url.startsWith('data:')) problems.foreignRequests.push(url);
  });
  return {
    context,
    problems,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
