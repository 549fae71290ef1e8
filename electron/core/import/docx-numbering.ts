// Word's automatic numbering, rebuilt as written. A numbered paragraph's marker (一、, （一）,
// 1.) is not in its text: Word formats it from numbering.xml (a level's numFmt and lvlText,
// e.g. chineseCounting and "（%1）") and counters that run through the document. mammoth
// keeps only "this is a list item at level n", so the markers are computed here from the
// package's own numbering.xml and document.xml (parsed as XML by htmlparser2, which resolves
// no entities), and handed to mammoth as text at the start of each such paragraph.
import { parseDocument } from 'htmlparser2';
import type { ZipSummary } from './zip-guard';
import { readZipEntry } from './zip-guard';

interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
}

function parseXml(text: string): XmlNode {
  return parseDocument(text, { xmlMode: true, decodeEntities: true }) as unknown as XmlNode;
}

function* elements(node: XmlNode, name: string): Generator<XmlNode> {
  for (const child of node.children ?? []) {
    if (child.type !== 'tag') continue;
    if (child.name === name) yield child;
    else yield* elements(child, name);
  }
}

const first = (node: XmlNode, name: string): XmlNode | undefined => elements(node, name).next().value ?? undefined;
const val = (node: XmlNode | undefined): string | undefined => node?.attribs?.['w:val'];

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function format(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
      return chinese(n);
    case 'chineseLegalSimplified':
      return chinese(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

function textOf(node: XmlNode): string {
  if (node.type === 'text') return '';
  let out = '';
  for (const t of elements(node, 'w:t')) out += (t.children ?? []).map((c) => c.data ?? '').join('');
  return out;
}

/** The marker of every automatically numbered paragraph, in document order, with its text. */
export function numberedParagraphs(bytes: Uint8Array, zip: ZipSummary, fileName: string): { text: string; marker: string }[] {
  const entry = (name: string) => zip.list.find((e) => e.name === name);
  const numberingEntry = entry('word/numbering.xml');
  const documentEntry = entry('word/document.xml');
  if (!numberingEntry || !documentEntry) return [];
  const documentText = readZipEntry(bytes, documentEntry, fileName).toString('utf8');
  // Most documents number nothing automatically: skip the second parse of their XML.
  if (!documentText.includes('<w:numPr')) return [];
  const numbering = parseXml(readZipEntry(bytes, numberingEntry, fileName).toString('utf8'));
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of elements(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of elements(a, 'w:lvl')) {
      levels.set(Number(l.attribs?.['w:ilvl'] ?? 0), {
        numFmt: val(first(l, 'w:numFmt')) ?? 'decimal',
        lvlText: val(first(l, 'w:lvlText')) ?? '',
        start: Number(val(first(l, 'w:start')) ?? 1),
      });
    }
    abstract.set(a.attribs?.['w:abstractNumId'] ?? '', levels);
  }
  const nums = new Map<string, Map<number, Level>>();
  for (const n of elements(numbering, 'w:num')) {
    const levels = abstract.get(val(first(n, 'w:abstractNumId')) ?? '');
    if (levels) nums.set(n.attribs?.['w:numId'] ?? '', levels);
  }

  const doc = parseXml(documentText);
  const counters = new Map<string, number[]>();
  const out: { text: string; marker: string }[] = [];
  for (const p of elements(doc, 'w:p')) {
    const numPr = first(p, 'w:numPr');
    const numId = val(first(numPr ?? { type: 'tag' }, 'w:numId'));
    const levels = numId ? nums.get(numId) : undefined;
    if (!numPr || !levels) continue;
    const ilvl = Number(val(first(numPr, 'w:ilvl')) ?? 0);
    const level = levels.get(ilvl);
    if (!level) continue;
    const counts = counters.get(numId!) ?? [];
    counters.set(numId!, counts);
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    if (level.numFmt === 'bullet' || level.numFmt === 'none') continue;
    const marker = level.lvlText.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1;
      return format(counts[at] ?? levels.get(at)?.start ?? 1, levels.get(at)?.numFmt ?? 'decimal');
    });
    out.push({ text: textOf(p), marker });
  }
  return out;
}

interface MammothElement {
  type: string;
  value?: string;
  numbering?: unknown;
  children?: MammothElement[];
}

function mammothText(el: MammothElement): string {
  if (el.type === 'text') return el.value ?? '';
  return (el.children ?? []).map(mammothText).join('');
}

/** A mammoth transformDocument that writes each numbered paragraph's marker into its text
 *  (matched by text, in order) and takes it out of mammoth's list handling. */
export function markerTransform(numbered: { text: string; marker: string }[]): (doc: MammothElement) => MammothElement {
  let next = 0;
  const visit = (el: MammothElement): MammothElement => {
    if (el.children) el.children = el.children.map(visit);
    if (el.type !== 'paragraph' || !el.numbering) return el;
    const text = mammothText(el);
    for (let k = next; k < Math.min(numbered.length, next + 50); k++) {
      if (numbered[k]!.text !== text) continue;
      next = k + 1;
      const run = {
        type: 'run', children: [{ type: 'text', value: numbered[k]!.marker }], styleId: null, styleName: null, isBold: false,
        isUnderline: false, isItalic: false, isStrikethrough: false, isAllCaps: false, isSmallCaps: false,
        verticalAlignment: 'baseline', font: null, fontSize: null, highlight: null,
      };
      return { ...el, numbering: null, children: [run as MammothElement, ...(el.children ?? [])] };
    }
    return el;
  };
  return visit;
}
