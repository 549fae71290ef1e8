// Every file is hostile until parsed: crafted files for each defence. A zip bomb is refused from
// its central directory before anything is inflated; external entities and external images in
// a .docx are never resolved; a PDF's JavaScript never runs and its font programs are never
// compiled (no Function/eval); an HTML page's references are never fetched; encrypted and
// scanned PDFs get their own message; and the worker stops a file that takes too long or too
// much memory, with an error naming the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../../electron/core/import/errors';
import { IMPORT_LIMITS } from '../../../electron/core/import/limits';
import { importDocument } from '../../../electron/core/import/pipeline';
import { pdfOptions } from '../../../electron/core/import/read-pdf';
import { importFileInWorker, importInWorker } from '../../../electron/core/import/sandbox';
import { TS_WORKER } from '../../helpers/import-worker';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';
import { documentXml, makeDocx } from './make-docx';
import { BROKEN_TYPE1, encryptedPdf, HELVETICA, OPEN_ACTION_JS, pdfWithText, scannedPdf } from './make-pdf';
import { tree } from './outline-text';

const dirs = useTempDirs('briefbook-import-');

afterEach(() => {
  vi.restoreAllMocks();
});

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('expected the import to fail');
}

/** Records every outgoing connection attempt (TCP, HTTP(S), fetch) while `run` runs. */
async function withoutNetwork<T>(run: () => Promise<T>): Promise<{ value: T; attempts: string[] }> {
  const attempts: string[] = [];
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`socket ${JSON.stringify(args[0])}`);
    throw new Error('network access in an import');
  });
  vi.spyOn(http, 'request').mockImplementation(((url: unknown) => {
    attempts.push(`http ${String(url)}`);
    throw new Error('network access in an import');
  }) as typeof http.request);
  vi.spyOn(https, 'request').mockImplementation(((url: unknown) => {
    attempts.push(`https ${String(url)}`);
    throw new Error('network access in an import');
  }) as typeof https.request);
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
    attempts.push(`fetch ${String(url)}`);
    throw new Error('network access in an import');
  });
  const value = await run();
  return { value, attempts };
}

describe('.docx', () => {
  it('refuses a zip bomb from its central directory, before mammoth inflates anything', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const bytes = await makeDocx([{ text: '一、总体要求' }], { extra: { 'word/media/filler.bin': new Uint8Array(12 * 1024 * 1024) } });
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
    const message = await problemOf(importDocument(bytes, 'bomb.docx'));
    expect(message).toMatch(/^bomb\.docx: zip entry word\/media\/filler\.bin would expand \d+-fold to 12 MB \(a zip bomb\?\); refused$/);
    expect(convert).not.toHaveBeenCalled();
  }, 30_000);

  it('refuses a package whose entries add up to more than the unzipped limit', async () => {
    const bytes = await makeDocx([{ text: '一、总体要求' }]);
    const message = await problemOf(importDocument(bytes, 'big.docx', { ...IMPORT_LIMITS, maxUnzippedBytes: 1000 }));
    expect(message).toContain('big.docx: would expand to more than');
  });

  it('does not resolve an external entity (XXE) and still reads the text around it', async () => {
    const xml = documentXml([{ text: '一、总体要求' }, { text: 'ENTITY:&xxe;:END' }], '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
      .replace('ENTITY:&amp;xxe;:END', 'ENTITY:&xxe;:END');
    expect(xml).toContain('&xxe;');
    const bytes = await makeDocx([], { documentXml: xml });
    const { value, attempts } = await withoutNetwork(() => importDocument(bytes, 'xxe.docx').then((d) => JSON.stringify(d), (e: Error) => e.message));
    expect(value).not.toMatch(/root:.*:0:0/);
    expect(attempts).toEqual([]);
  });

  it('does not fetch an externally linked image', async () => {
    const bytes = await makeDocx([{ text: '一、总体要求' }], {
      extra: {
        'word/_rels/document.xml.rels':
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://attacker.example/x.png" TargetMode="External"/></Relationships>',
      },
    });
    const { value, attempts } = await withoutNetwork(() => importDocument(bytes, 'linked.docx'));
    expect(tree(value)).toBe('一、总体要求');
    expect(attempts).toEqual([]);
  });

  it('names a damaged or foreign zip', async () => {
    const good = await makeDocx([{ text: '一、总体要求' }]);
    expect(await problemOf(importDocument(good.subarray(0, good.length - 30), 'cut.docx'))).toMatch(/^cut\.docx: is not a valid \.docx file \(damaged zip/);
    expect(await problemOf(importDocument(new TextEncoder().encode('not a zip'), 'text.docx'))).toBe('text.docx: is not a .docx file (it is not a zip package)');
  });
});

describe('.pdf', () => {
  it('runs with script evaluation off and no font loading', () => {
    expect(pdfOptions(new Uint8Array(1))).toMatchObject({ isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false });
  });

  it('never compiles code for a PDF carrying JavaScript actions and a crafted font program', async () => {
    const compiled: string[] = [];
    const RealFunction = globalThis.Function;
    const realEval = globalThis.eval;
    const trap = new Proxy(RealFunction, {
      construct(target, args) {
        compiled.push(`new Function(${String(args.at(-1)).slice(0, 40)})`);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args) {
        compiled.push(`Function(${String(args.at(-1)).slice(0, 40)})`);
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    globalThis.Function = trap;
    globalThis.eval = (code: string) => {
      compiled.push(`eval(${code.slice(0, 40)})`);
      return realEval(code) as unknown;
    };
    try {
      // The trap works: it sees a compile made the way pdfjs would make one.
      new globalThis.Function('return 1');
      expect(compiled).toHaveLength(1);
      compiled.length = 0;
      const pdf = pdfWithText('Evil plan text', BROKEN_TYPE1, OPEN_ACTION_JS);
      const { value, attempts } = await withoutNetwork(() => importDocument(pdf, 'evil.pdf').then((d) => JSON.stringify(d), (e: Error) => e.message));
      expect(value).not.toContain('pwned');
      expect(attempts).toEqual([]);
    } finally {
      globalThis.Function = RealFunction;
      globalThis.eval = realEval;
    }
    expect(compiled).toEqual([]);
  });

  it('reads the text of a plain one-page PDF', async () => {
    const doc = await importDocument(pdfWithText('Plan title', HELVETICA), 'plain.pdf');
    expect(doc.metadata.title).toBe('Plan title');
  });

  it('says that a scanned PDF has no text layer', async () => {
    expect(await problemOf(importDocument(scannedPdf(), 'scan.pdf'))).toBe(
      'scan.pdf: this PDF has no text layer (a scanned image?); run OCR on it first or import the original document',
    );
  });

  it('says that an encrypted PDF is encrypted', async () => {
    expect(await problemOf(importDocument(encryptedPdf(), 'locked.pdf'))).toMatch(/^locked\.pdf: is an encrypted \(password-protected\) PDF/);
  });

  it('names a truncated or fake PDF', async () => {
    const pdf = pdfWithText('Plan title', HELVETICA);
    expect(await problemOf(importDocument(pdf.subarray(0, 60), 'cut.pdf'))).toMatch(/^cut\.pdf: /);
    expect(await problemOf(importDocument(new TextEncoder().encode('<html>'), 'fake.pdf'))).toBe('fake.pdf: is not a PDF file (no %PDF header)');
  });
});

describe('.html', () => {
  it('requests nothing a saved page references (styles, scripts, images, frames)', async () => {
    const bytes = new Uint8Array(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'import', 'page.html')));
    expect(new TextDecoder().decode(bytes)).toMatch(/https:\/\/tracker\.example\.com/);
    const { value, attempts } = await withoutNetwork(() => importDocument(bytes, 'page.html'));
    expect(value.sections).toHaveLength(2);
    expect(attempts).toEqual([]);
  });
});

describe('bad files name the file and the problem', () => {
  it.each([
    ['empty.txt', new Uint8Array(0), 'empty.txt: is empty'],
    ['plan.doc', new Uint8Array(10), 'plan.doc: is an old Word/WPS .doc file; save it as .docx and import that'],
    ['plan.xlsx', new Uint8Array(10), 'plan.xlsx: has an unsupported type (.xlsx); supported: .txt, .md, .html, .docx, .pdf'],
    ['noise.txt', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 32)), /^noise\.txt: is not a text file/],
    ['renamed.txt', new TextEncoder().encode('%PDF-1.7 …'), 'renamed.txt: is a PDF file, not text; rename it to its real type'],
  ])('%s', async (name, bytes, message) => {
    const problem = await problemOf(importDocument(bytes, name));
    if (typeof message === 'string') expect(problem).toBe(message);
    else expect(problem).toMatch(message);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = dirs.make();
    const file = join(dir, 'huge.txt');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x41));
    const message = await problemOf(importFileInWorker(file, { ...TS_WORKER, limits: { maxFileBytes: 1024 * 1024 } }));
    expect(message).toBe('huge.txt: is 3.0 MB, over the 1 MB limit for a plan');
  });

  it('names a missing file and a folder', async () => {
    const dir = dirs.make();
    mkdirSync(join(dir, 'folder.txt'));
    expect(await problemOf(importFileInWorker(join(dir, 'missing.txt'), TS_WORKER))).toBe('missing.txt: does not exist');
    expect(await problemOf(importFileInWorker(join(dir, 'folder.txt'), TS_WORKER))).toBe('folder.txt: is a folder, not a file');
  });
});

describe('the worker sandbox', () => {
  it('imports in a worker thread exactly as in-process', async () => {
    const file = join(REPO_ROOT, 'tests', 'fixtures', 'import', 'notice.txt');
    const inWorker = await importFileInWorker(file, TS_WORKER);
    const inProcess = await importDocument(new Uint8Array(readFileSync(file)), 'notice.txt');
    expect(inWorker).toEqual(inProcess);
  }, 60_000);

  it('stops a file that takes longer than the time limit', async () => {
    const bytes = new TextEncoder().encode('一、总体要求\n'.repeat(1000));
    const message = await problemOf(importInWorker(bytes, 'slow.txt', { ...TS_WORKER, limits: { timeoutMs: 1 } }));
    expect(message).toBe('slow.txt: took longer than 1 ms to read and was stopped (a damaged or hostile file?)');
  });

  it('stops a file that needs more memory than the limit, and the app goes on', async () => {
    const bytes = new TextEncoder().encode('（一）加强组织领导。各地区各部门要落实责任。\n'.repeat(300_000));
    const message = await problemOf(importInWorker(bytes, 'greedy.txt', { ...TS_WORKER, limits: { maxHeapMb: 24, timeoutMs: 60_000 } }));
    expect(message).toBe('greedy.txt: needed more than 24 MB of memory to read and was stopped (a damaged or hostile file?)');
    // This process is unharmed and the next import works.
    const ok = await importInWorker(new TextEncoder().encode('标题\n一、总体要求'), 'next.txt', TS_WORKER);
    expect(tree(ok)).toBe('一、总体要求');
  }, 60_000);

  it('survives a docx whose XML nests entity expansions (billion laughs)', async () => {
    const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k};`.repeat(10)}">`)].join('');
    const xml = documentXml([{ text: '一、总体要求' }, { text: 'X&lol9;X' }], `<!DOCTYPE w:document [${lol}]>`).replace('X&amp;lol9;X', 'X&lol9;X');
    const bytes = await makeDocx([], { documentXml: xml });
    const outcome = await importInWorker(bytes, 'laughs.docx', { ...TS_WORKER, limits: { timeoutMs: 20_000 } }).then(
      (doc) => JSON.stringify(doc).length,
      (err: Error) => err.message,
    );
    // Either read without expanding the entities or stopped with a message; never a hang.
    if (typeof outcome === 'number') expect(outcome).toBeLessThan(100_000);
    else expect(outcome).toMatch(/^laughs\.docx: /);
  }, 60_000);
});
