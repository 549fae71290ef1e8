// One end-to-end session, as every e2e file starts it: the BUILT browser-mode server on a fresh
// data folder, Debian's Chromium watching for what a healthy page never does (console errors,
// page errors, CSP violations, requests off the local server), and one page. The page is not
// opened yet: each file goes to the printed address (server.url) at the view it tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract';
import { API_PREFIX, AUTH_SCHEME, TOKEN_QUERY_PARAM } from '../../shared/api/http';
import type { Result } from '../../shared/api/result';
import { REPO_ROOT } from '../helpers/paths';
import { assertBuilt, startBuiltServer, type BuiltServer } from './built-server';
import { launchChromium, type Browser } from './browser';

/** Screenshots and rendered PDF pages the e2e tests leave for a person to look at. */
export const OUTPUT_DIR = join(REPO_ROOT, 'tests', 'output');

/**
 * What the test harness itself causes in a sandboxed frame without allow-scripts (the packet
 * preview): its CSP watch is an init script Chromium tries to run in every frame, and the frame
 * refuses it. That refusal is the sandbox working.
 */
export const SANDBOXED_FRAME_REFUSAL = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

export interface AppSession {
  /** The server's data folder (fresh, removed by close()). */
  dataDir: string;
  server: BuiltServer;
  browser: Browser;
  page: Page;
  /** Calls the API from inside the page (same origin, with the launch token), as the renderer does. */
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  /** Fails the test if the page has done anything it must not (see Browser['problems']);
   *  `allowed`: console errors that are expected (e.g. SANDBOXED_FRAME_REFUSAL). */
  expectNothingBlocked(allowed?: RegExp): void;
  close(): Promise<void>;
}

/**
 * name: a word for the temporary folders, so a leftover one says which file made it.
 * prepareDataDir: lays files into the data folder before the server starts (e.g. a damaged database).
 */
export async function startAppSession(name: string, prepareDataDir?: (dataDir: string) => void): Promise<AppSession> {
  assertBuilt();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `briefbook-e2e-${name}-`));
  let server: BuiltServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    prepareDataDir?.(dataDir);
    server = await startBuiltServer(dataDir);
    browser = await launchChromium(server.origin);
    const page = await browser.context.newPage();
    const session: AppSession = {
      dataDir,
      server,
      browser,
      page,
      call: (method, args) => callApi(page, server!.url, method, args),
      expectNothingBlocked: (allowed?: RegExp) => {
        const problems = browser!.problems;
        const consoleErrors = allowed ? problems.consoleErrors.filter((e) => !allowed.test(e)) : problems.consoleErrors;
        expect({ ...problems, consoleErrors }).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
      },
      close,
    };
    return session;
  } catch (error) {
    await close();
    throw error;
  }
}

async function callApi<M extends ApiMethod>(page: Page, printedUrl: string, method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  const token = new URL(printedUrl).searchParams.get(TOKEN_QUERY_PARAM)!;
  const result = await page.evaluate(
    async ({ url, auth, body }) => {
      const response = await fetch(url, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body });
      return (await response.json()) as unknown;
    },
    { url: `${API_PREFIX}${method}`, auth: `${AUTH_SCHEME} ${token}`, body: JSON.stringify(args) },
  );
  const envelope = result as Result<ApiResult<M>>;
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

/**
 * axe's violations on the page (or within a selector), one line each: what and where, so a
 * failure reads as a list rather than axe's whole report. Tests expect it to equal [].
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
