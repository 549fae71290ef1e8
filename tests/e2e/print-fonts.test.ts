// The app's own print paths (Ctrl+P, the dashboard's Print button, the table's print of every
// row) print in the bundled Noto faces even in the first second after start. Paper takes those
// faces first (styles/print.css), but the app asks for their @font-face rules only in idle time
// after its first screen; a print before them falls back to the system's CJK collections, which
// Chromium writes into a PDF as unnamed Type 3 drawings. Here the rules are held back for a
// while (as on a busy machine, where idle time comes late) and each path is triggered as soon
// as its view shows: the page must be printed (window.print, stubbed: its dialog cannot be
// closed from a test) only once the rules and their faces are there, and the PDF made at that
// moment must embed named Noto subsets.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppSession, type AppSession } from './app-session';

/** How long the bundled faces' stylesheet is held back after the page asks for it. */
const HOLD_MS = 2500;

interface PrintCall {
  /** The bundled faces' rules were in the page when print was called. */
  rules: boolean;
  /** document.fonts had nothing left loading. */
  fontsLoaded: boolean;
}

let app: AppSession;
let page: Page;
let pdfCount = 0;

beforeAll(async () => {
  app = await startAppSession('print-fonts');
  page = app.page;
  await page.addInitScript(() => {
    const calls: PrintCall[] = [];
    (window as unknown as { printCalls: PrintCall[] }).printCalls = calls;
    window.print = () => {
      calls.push({
        rules: [...document.styleSheets].some((s) => s.href?.includes('/assets/bundled-cjk-faces-') ?? false),
        fontsLoaded: document.fonts.status === 'loaded',
      });
    };
  });
  await page.route('**/assets/bundled-cjk-faces-*.css', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    await route.continue();
  });
  // The printed address leaves its key in this tab's sessionStorage for the later loads.
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

afterAll(() => app?.close());

/** Opens `hash` in a fresh page load (so nothing of an earlier load is there yet). */
async function openFresh(hash: string, ready: () => Promise<void>): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${app.server.origin}/${hash}`);
  await ready();
}

/** Waits for the app's print call, checks what was there when it came, prints the page to PDF and returns pdffonts' rows. */
async function printedFonts(): Promise<string[]> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls.length), { timeout: 20_000 }).toBe(1);
  const [call] = await page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls);
  expect(call, 'what the page held when the app called print').toEqual({ rules: true, fontsLoaded: true });
  const pdf = join(app.dataDir, `printed-${++pdfCount}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  // pdffonts: two header lines, then one row per font (name, type, encoding, emb, sub, uni, …).
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
}

function expectNamedNotoSubsets(rows: string[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row, 'a font of the PDF').not.toMatch(/Type 3/);
    // A subset (six-letter tag) of the bundled faces, named as @fontsource's files name them
    // (e.g. NotoSansSCThin-Regular), embedded as TrueType.
    expect(row, 'a font of the PDF').toMatch(/^[A-Z]{6}\+Noto(Sans|Serif)SC\w*-(Regular|Bold)\s+CID TrueType\s/);
  }
}

describe('printing straight after start', () => {
  it('Ctrl+P on the plan overview waits for the bundled faces', async () => {
    await openFresh('#/', () => page.getByRole('heading', { level: 1 }).waitFor());
    await page.keyboard.press('Control+p');
    expectNamedNotoSubsets(await printedFonts());
  });

  it("the dashboard's Print button waits for the bundled faces", async () => {
    await openFresh('#/dashboard', () => page.getByRole('heading', { level: 2, name: '计划仪表盘' }).waitFor());
    await page.getByRole('button', { name: '打印仪表盘' }).click();
    expectNamedNotoSubsets(await printedFonts());
  });

  it("Ctrl+P on the table (every row in scope) waits for the bundled faces", async () => {
    await openFresh('#/table', () => page.locator('.itable-data-row').first().waitFor());
    await page.locator('.itable-title').click();
    await page.keyboard.press('Control+p');
    await page.emulateMedia({ media: 'print' });
    try {
      expectNamedNotoSubsets(await printedFonts());
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('caused no console errors, page errors, CSP violations or foreign requests', () => {
    app.expectNothingBlocked();
  });
});
