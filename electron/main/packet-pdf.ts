// The desktop app's PDF renderer for packets: a hidden window in a session of its own (no
// network, no permissions, nothing shared with the app's pages) loads the packet from a
// temporary file (a packet with its fonts is larger than a data: URL may be) and prints it with
// printToPDF. The document carries its own strict CSP and no script; the second pass's page
// numbers are written in from here (see the core's packets/pdf.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { fillScript, type PdfRenderer } from '../core/services/packets/pdf';

const PARTITION = 'briefbook-packet-pdf';

/** Inches: printToPDF's page sizes by name. */
const PAGE_SIZES = { A4: 'A4', Letter: 'Letter' } as const;

let sessionReady = false;
function packetSession(): Electron.Session {
  const s = session.fromPartition(PARTITION, { cache: false });
  if (!sessionReady) {
    sessionReady = true;
    s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
    // Only the packet's own file and its data: fonts; nothing else is ever fetched.
    s.webRequest.onBeforeRequest((details, callback) => {
      const url = details.url;
      callback({ cancel: !(url.startsWith('file:') && url.endsWith('/packet.html')) && !url.startsWith('data:') });
    });
  }
  return s;
}

export const renderPacketPdf: PdfRenderer = async ({ html, paper, orientation, signal, fill }) => {
  const dir = mkdtempSync(join(tmpdir(), 'briefbook-packet-'));
  const file = join(dir, 'packet.html');
  writeFileSync(file, html);
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { session: packetSession(), sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
  });
  const abort = () => {
    if (!window.isDestroyed()) window.destroy();
  };
  signal.addEventListener('abort', abort, { once: true });
  try {
    await window.webContents.loadURL(pathToFileURL(file).href);
    await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
    const print = async () => {
      if (signal.aborted) throw new Error('aborted');
      const pdf = await window.webContents.printToPDF({
        pageSize: PAGE_SIZES[paper],
        landscape: orientation === 'landscape',
        printBackground: true,
        preferCSSPageSize: true,
        generateDocumentOutline: false,
      });
      return new Uint8Array(pdf);
    };
    const first = await print();
    const texts = fill ? await fill(first) : {};
    if (Object.keys(texts).length === 0) return first;
    await window.webContents.executeJavaScript(fillScript(texts));
    return await print();
  } finally {
    signal.removeEventListener('abort', abort);
    abort();
    rmSync(dir, { recursive: true, force: true });
  }
};
