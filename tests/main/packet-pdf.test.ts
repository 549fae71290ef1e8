// The desktop app's packet PDF renderer, with Electron played by a real headless Chromium: the
// hidden window's page is a playwright page (loadURL, executeJavaScript and printToPDF go to
// it), so the two passes really lay out and print. Checked: the window is hidden and sandboxed
// in a session of its own that refuses the network and every permission, the page numbers are
// written into the second print, the temporary file is gone afterwards and a cancel destroys
// the window.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS } from '../../electron/server/chromium-pdf';
import { pdfDestinationPages } from '../../electron/core/services/packets/pdf';
import { localBrowserPath } from '../helpers/local-browser';

const played = vi.hoisted(() => ({
  browser: null as unknown as import('playwright-core').Browser,
  windows: [] as { options: Record<string, unknown>; destroyed: boolean; loaded: string | null }[],
  beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  permission: null as null | ((c: unknown, p: string, callback: (ok: boolean) => void) => void),
  printed: [] as Record<string, unknown>[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private page: Promise<Page>;
    private record: (typeof played.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, destroyed: false, loaded: null };
      played.windows.push(this.record);
      this.page = played.browser.newPage();
    }
    isDestroyed = () => this.record.destroyed;
    destroy = () => {
      this.record.destroyed = true;
      void this.page.then((p) => p.close());
    };
    webContents = {
      loadURL: async (url: string) => {
        this.record.loaded = url;
        await (await this.page).setContent(readFileSync(fileURLToPath(url), 'utf8'), { waitUntil: 'load' });
      },
      executeJavaScript: async (code: string) => (await this.page).evaluate(code),
      printToPDF: async (options: { pageSize: string; landscape: boolean; printBackground: boolean; preferCSSPageSize: boolean }) => {
        played.printed.push(options);
        if (this.record.destroyed) throw new Error('Object has been destroyed');
        const pdf = await (await this.page).pdf({ format: options.pageSize, landscape: options.landscape, printBackground: options.printBackground, preferCSSPageSize: options.preferCSSPageSize });
        return Buffer.from(pdf);
      },
    };
  }
  const packetSession = {
    setPermissionRequestHandler: (h: typeof played.permission) => {
      played.permission = h;
    },
    setPermissionCheckHandler: () => {},
    webRequest: {
      onBeforeRequest: (h: typeof played.beforeRequest) => {
        played.beforeRequest = h;
      },
    },
  };
  const session = { fromPartition: vi.fn(() => packetSession) };
  return { BrowserWindow, session, default: { BrowserWindow, session } };
});

const { renderPacketPdf } = await import('../../electron/main/packet-pdf');

const HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>@page { size: A4 portrait; margin: 20mm; } .item { break-before: page; }</style></head><body>
<a href="#packet-item-1">One <span id="packet-item-1-page"></span></a> <a href="#packet-item-2">Two <span id="packet-item-2-page"></span></a>
<div class="item" id="packet-item-1">First item</div><div class="item" id="packet-item-2">Second item</div></body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: localBrowserPath(), headless: true, args: CHROMIUM_ARGS });
  played.browser = browser;
});
afterAll(() => browser.close());

describe('renderPacketPdf (desktop)', () => {
  it('prints in a hidden sandboxed window, twice, with the page numbers written in, and leaves no file', async () => {
    const firstPages: number[] = [];
    const pdf = await renderPacketPdf({
      html: HTML,
      paper: 'Letter',
      orientation: 'landscape',
      signal: new AbortController().signal,
      fill: async (first) => {
        const { destinations } = await pdfDestinationPages(first);
        firstPages.push(destinations.get('packet-item-1')!, destinations.get('packet-item-2')!);
        return { 'packet-item-1-page': String(firstPages[0]), 'packet-item-2-page': String(firstPages[1]) };
      },
    });
    expect(firstPages).toEqual([2, 3]);
    const [window] = played.windows;
    expect(window!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window!.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(window!.loaded!))).toBe(false);
    expect(played.printed).toHaveLength(2);
    expect(played.printed[0]).toMatchObject({ pageSize: 'Letter', landscape: true, printBackground: true, preferCSSPageSize: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdfDestinationPages(pdf)).pages).toBe(3);
  }, 60_000);

  it('refuses every request but the packet file and data:, and every permission', () => {
    const answer = (url: string) => {
      let cancel: boolean | null = null;
      played.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(answer('https://evil.example/x.png')).toBe(true);
    expect(answer('file:///etc/passwd')).toBe(true);
    expect(answer('data:font/woff2;base64,AAAA')).toBe(false);
    expect(answer('file:///tmp/briefbook-packet-x/packet.html')).toBe(false);
    let granted: boolean | null = null;
    played.permission!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('destroys the window when cancelled', async () => {
    const controller = new AbortController();
    const run = renderPacketPdf({ html: HTML, paper: 'A4', orientation: 'portrait', signal: controller.signal, fill: async () => ({}) });
    controller.abort();
    await run.catch(() => undefined);
    expect(played.windows[played.windows.length - 1]!.destroyed).toBe(true);
  }, 60_000);
});
