// The app's own print paths (Ctrl+P, the dashboard's Print button, the table's print of every
// row) print in the bundled Noto faces even in the first second after start. Paper takes those
// faces first (styles/print.css), but the app asks for their @font-face rules only in idle time
// after its first screen; a print before them falls back to the system's CJK collections, which
// Chromium writes into a PDF as unnamed Type 3 drawings. Here the rules are held back for a
// while (as on a busy machine, where idle time comes late) and each path is triggered as soon
// as its view shows: the page must be printed (window.print, stubbed: its dialog cannot be
// closed from a test) only once the rules and their faces are there, and the PDF made at that
// moment must embed named Noto subsets. A print the browser starts by itself (its menu, here
// page.pdf with nothing stubbed) cannot be made to wait: it must still come out in those faces,
// the rules put in as it begins. Ctrl+P in the packet builder prints the packet's preview frame,
// also when the focus is inside that frame (which runs no script of its own).
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
    // The stylesheet the app loads is held; the rules read at once for the browser's own print are not.
    if (route.request().resourceType() === 'stylesheet') await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
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

  it("the browser's own print (its menu, which passes the app by) before the rules came still prints in the bundled faces", async () => {
    // No media emulated (a test before may have left 'screen', which page.pdf would lay out in).
    await page.emulateMedia({ media: null });
    await openFresh('#/', () => page.getByRole('heading', { level: 1 }).waitFor());
    // The rules are still held back: the page would print in the system's faces by itself.
    expect(await page.evaluate(() => [...document.styleSheets].some((s) => s.href?.includes('/assets/bundled-cjk-faces-') ?? false))).toBe(false);
    // page.pdf prints as the browser's menu does: beforeprint, then the page laid out for paper at once.
    const pdf = join(app.dataDir, `printed-${++pdfCount}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    expectNamedNotoSubsets(execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2));
    expect(await page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls), 'the app itself printed nothing').toEqual([]);
  });

  it('Ctrl+P in the packet builder prints the packet (its preview), not the builder, also with the focus in the preview', async () => {
    const outline = await app.call('plan.get', { planId: 'hz-2024' });
    await app.call('packet.save', {
      baseRevision: 0,
      definition: {
        cover: { title: '打印简报', subtitle: '', preparedFor: '', preparedBy: '', date: '2024-06-01', marking: '' },
        sources: [{ kind: 'themes', themeIds: [outline.themes[0]!.id] }],
        order: [],
        excluded: [],
        options: { language: 'zh', highlights: true, notes: 'margin', fields: true, summary: true, ruledSpace: 'none', paper: 'A4', orientation: 'portrait' },
      },
    });
    await openFresh('#/packets', () => page.getByRole('button', { name: '打印简报', exact: true }).waitFor());
    await page.getByRole('button', { name: '打印简报', exact: true }).click();
    const frame = page.frameLocator('iframe[title="简报包预览"]');
    await frame.locator('h1', { hasText: '打印简报' }).waitFor({ timeout: 30_000 });
    // The frame runs no script of its own: its print is counted from the app's page.
    const stubFramePrint = () =>
      page.evaluate(() => {
        const calls = ((window as unknown as { framePrints: string[] }).framePrints ??= []);
        const win = document.querySelector<HTMLIFrameElement>('iframe[title="简报包预览"]')!.contentWindow!;
        win.print = () => void calls.push(win.document.querySelector('h1')?.textContent ?? '');
      });
    const framePrints = () => page.evaluate(() => (window as unknown as { framePrints: string[] }).framePrints.length);
    await stubFramePrint();

    await page.getByRole('heading', { level: 1, name: '打印简报' }).click();
    await page.keyboard.press('Control+p');
    await expect.poll(framePrints, { timeout: 20_000 }).toBe(1);

    await frame.locator('h1', { hasText: '打印简报' }).click();
    await page.keyboard.press('Control+p');
    await expect.poll(framePrints, { timeout: 20_000 }).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { framePrints: string[] }).framePrints)).toEqual(['打印简报', '打印简报']);
    expect(await page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls), 'the builder page itself is not printed').toEqual([]);
  });

  it('caused no console errors, page errors, CSP violations or foreign requests', () => {
    app.expectNothingBlocked();
  });
});
