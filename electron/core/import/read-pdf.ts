// .pdf with a text layer, read by pdfjs-dist (the legacy build, which runs in Node) with script
// evaluation off (isEvalSupported: false: font programs are interpreted, never compiled into
// functions), no font faces, no system fonts and no standard-font data (text extraction needs
// none of them, and nothing is fetched). The PDF's own JavaScript is never run: pdfjs only
// runs it in its viewer's scripting sandbox, which is not loaded here.
//
// Text comes as positioned runs; lines are rebuilt by baseline (runs whose vertical positions
// agree within half a glyph), sorted left to right, with a wide horizontal gap kept as a run of
// spaces (PDF tables become lines whose columns are separated that way). Wrapped lines are
// joined back into paragraphs: a line continues the previous one when that one ran to the
// right margin and this one starts at the left margin without a heading marker. Running
// headers and footers (the same text, digits aside, at the top or bottom of several pages) and
// page numbers are dropped.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RawBlock, RawDocument } from './raw';
import { unifyRadicals } from './cjk-compat';
import { ImportError } from './errors';
import type { ImportLimits } from './limits';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function cMapUrl(): string {
  const require = createRequire(import.meta.url);
  return `${pathToFileURL(join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')).href}/`;
}

interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** The options every PDF is opened with (exported so a test can check them). */
export function pdfOptions(data: Uint8Array) {
  return {
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    verbosity: 0,
  };
}

/** Text runs per page, as pdfjs gives them: the raw extraction the bench compares against. */
export async function pdfTextRuns(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<Run[][]> {
  const lib = await loadPdfJs();
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument(pdfOptions(new Uint8Array(bytes)));
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError(fileName, 'is an encrypted (password-protected) PDF; save an unprotected copy and import that');
    if (name === 'InvalidPDFException') throw new ImportError(fileName, 'is not a valid PDF file (damaged or not a PDF)');
    throw new ImportError(fileName, `could not be read as a PDF (${(err as Error).message ?? String(err)})`);
  }
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw new ImportError(fileName, `has ${doc.numPages} pages (limit ${limits.maxPdfPages}); refused`);
    }
    const pages: Run[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        runs.push({ str: unifyRadicals(item.str), x: e!, y: f!, w: item.width, size: Math.hypot(a!, b!) || item.height || 10 });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(fileName, `is a damaged PDF (${(err as Error).message ?? String(err)})`);
  } finally {
    await doc.destroy();
  }
}

export async function readPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<RawDocument> {
  const pages = await pdfTextRuns(bytes, fileName, limits);
  const linesPerPage = pages.map(toLines);
  if (!linesPerPage.some((lines) => lines.some((l) => l.text.trim() !== ''))) {
    throw new ImportError(fileName, 'this PDF has no text layer (a scanned image?); run OCR on it first or import the original document');
  }
  dropRunningLines(linesPerPage);
  return { format: 'pdf', encoding: null, blocks: toParagraphs(linesPerPage), hints: {}, warnings: [] };
}

/** Groups a page's runs into lines by baseline, top to bottom, and joins each left to right. */
function toLines(runs: Run[]): PdfLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - r.y) <= Math.max(g[0]!.size, r.size) * 0.5) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = g[0]!.x;
    const size = Math.max(...g.map((r) => r.size));
    for (const r of g) {
      const gap = r.x - end;
      if (text !== '' && gap > size * 1.5) text += '  ';
      else if (text !== '' && gap > size * 0.2 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(r.str)) text += ' ';
      text += r.str;
      end = Math.max(end, r.x + r.w);
    }
    return { text: text.replace(/\s+$/, ''), x: g[0]!.x, right: end, y: g[0]!.y, size };
  }).filter((l) => l.text.trim() !== '');
}

const PAGE_NUMBER = /^[-—－–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—－–\s]*$/;

/** Removes page numbers and running headers/footers. A running line sits in the page margin:
 *  among the first or last two lines of a page, set apart from the body by more than the usual
 *  line spacing, short, and with the same text (digits aside) at the same height on at least
 *  half the pages (and two). Body lines that happen to repeat fail the spacing test. */
function dropRunningLines(pages: PdfLine[][]): void {
  const key = (l: PdfLine): string => `${Math.round(l.y / 4)}:${l.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const candidates = pages.map((lines) => {
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    // The body's line spacing: the smallest gap (a short page has more margin gaps than body ones).
    const usual = gaps[0] ?? 0;
    const apart = (i: number, j: number) => lines[j] === undefined || Math.abs(lines[i]!.y - lines[j]!.y) > usual * 1.6;
    const out = new Set<PdfLine>();
    const n = lines.length;
    if (n > 0 && apart(0, 1)) out.add(lines[0]!);
    if (n > 1 && apart(0, 1) === false && apart(1, 2)) out.add(lines[0]!).add(lines[1]!);
    if (n > 1 && apart(n - 1, n - 2)) out.add(lines[n - 1]!);
    if (n > 2 && apart(n - 1, n - 2) === false && apart(n - 2, n - 3)) out.add(lines[n - 1]!).add(lines[n - 2]!);
    return [...out].filter((l) => l.text.length <= 40);
  });
  const counts = new Map<string, number>();
  for (const lines of candidates) for (const k of new Set(lines.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  pages.forEach((lines, p) => {
    const edges = new Set([lines.slice(0, 2), lines.slice(-2)].flat());
    const drop = new Set(
      [...edges].filter((l) => PAGE_NUMBER.test(l.text) || (candidates[p]!.includes(l) && (counts.get(key(l)) ?? 0) >= needed)),
    );
    pages[p] = lines.filter((l) => !drop.has(l));
  });
}

const HEADING_START = /^[\s\u3000]*(第[一二三四五六七八九十百零〇\d]+[篇编章节条、]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(\.\d+)*[.．、\s]|[①-⑳]|附件)/;

/** Joins wrapped lines back into paragraphs (see the module comment), also across a page
 *  break: a paragraph that runs to the right margin at the foot of one page and goes on at the
 *  left margin of the next is one paragraph. */
function toParagraphs(pages: PdfLine[][]): RawBlock[] {
  const out: RawBlock[] = [];
  let prev: { line: PdfLine; right: number } | null = null;
  let text = '';
  let at = '';
  pages.forEach((lines, p) => {
    if (lines.length === 0) return;
    const left = Math.min(...lines.map((l) => l.x));
    const right = Math.max(...lines.map((l) => l.right));
    for (const line of lines) {
      const continues =
        prev !== null &&
        !line.text.includes('  ') && !prev.line.text.includes('  ') &&
        prev.line.right >= prev.right - prev.line.size * 1.5 &&
        line.x <= left + line.size * 0.5 &&
        !HEADING_START.test(line.text);
      if (continues) {
        text += line.text;
      } else {
        if (prev) out.push({ type: 'line', text, at });
        text = line.text;
        at = `page ${p + 1}`;
      }
      prev = { line, right };
    }
  });
  if (prev) out.push({ type: 'line', text, at });
  return out;
}
