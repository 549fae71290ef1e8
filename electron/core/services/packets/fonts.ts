// The bundled fonts (the same @fontsource packages the app's screen uses) embedded in a packet
// as data: URLs, so a packet looks the same, and prints the same, on a machine without Chinese
// fonts, and its CSP needs no font source but data:. The CJK fonts come in unicode-range
// subsets (about a hundred per face); only the subsets the packet's text uses are embedded,
// which keeps the document, and the PDF, small.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Face {
  family: string;
  weight: number;
  file: string;
  /** Inclusive code point ranges; empty: the face covers anything asked of it. */
  ranges: [number, number][];
}

/** The faces a packet uses: serif for the plans' text, sans for everything around it, bold
 *  sans for headings; each Chinese and Latin. */
const SHEETS: { pkg: string; sheets: string[] }[] = [
  { pkg: '@fontsource/noto-serif-sc', sheets: ['400.css'] },
  { pkg: '@fontsource/noto-sans-sc', sheets: ['400.css', '700.css'] },
  { pkg: '@fontsource/noto-serif', sheets: ['latin-400.css', 'latin-ext-400.css'] },
  { pkg: '@fontsource/noto-sans', sheets: ['latin-400.css', 'latin-700.css', 'latin-ext-400.css'] },
];

/** The text set in each of a packet's faces (a face's subsets are chosen by its own text). */
export interface FontTexts {
  serif: string;
  sans: string;
  bold: string;
}

const roleOf = (face: Face): keyof FontTexts => (face.family.includes('Serif') ? 'serif' : face.weight >= 700 ? 'bold' : 'sans');

const LATIN_RANGES: Record<string, [number, number][]> = {
  latin: [
    [0x0000, 0x00ff],
    [0x0131, 0x0131],
    [0x0152, 0x0153],
    [0x02bb, 0x02bc],
    [0x02c6, 0x02c6],
    [0x02da, 0x02da],
    [0x02dc, 0x02dc],
    [0x0304, 0x0304],
    [0x0308, 0x0308],
    [0x0329, 0x0329],
    [0x2000, 0x206f],
    [0x20ac, 0x20ac],
    [0x2122, 0x2122],
    [0x2191, 0x2191],
    [0x2193, 0x2193],
    [0x2212, 0x2212],
    [0x2215, 0x2215],
    [0xfeff, 0xfeff],
    [0xfffd, 0xfffd],
  ],
  'latin-ext': [
    [0x0100, 0x02ba],
    [0x02bd, 0x02c5],
    [0x02c7, 0x02cc],
    [0x02ce, 0x02d7],
    [0x02dd, 0x02ff],
    [0x0304, 0x0304],
    [0x0308, 0x0308],
    [0x0329, 0x0329],
    [0x1d00, 0x1dbf],
    [0x1e00, 0x1e9f],
    [0x1ef2, 0x1eff],
    [0x2020, 0x2020],
    [0x20a0, 0x20ab],
    [0x20ad, 0x20c0],
    [0x2113, 0x2113],
    [0x2c60, 0x2c7f],
    [0xa720, 0xa7ff],
  ],
};

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

let faces: Face[] | null = null;

function readFaces(): Face[] {
  if (faces) return faces;
  const require = createRequire(import.meta.url);
  const found: Face[] = [];
  for (const { pkg, sheets } of SHEETS) {
    const dir = dirname(require.resolve(`${pkg}/package.json`));
    for (const sheet of sheets) {
      const css = readFileSync(join(dir, sheet), 'utf8');
      for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
        const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1]);
        const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
        if (!family || !file) continue;
        // The Latin sheets have no unicode-range line; their subset's name says which.
        const subset = sheet.startsWith('latin-ext') ? 'latin-ext' : 'latin';
        found.push({ family, weight, file: join(dir, file), ranges: range ? parseRanges(range) : LATIN_RANGES[subset]! });
      }
    }
  }
  faces = found;
  return found;
}

const covers = (ranges: [number, number][], cp: number): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

const encoded = new Map<string, string>();
function dataUrl(file: string): string {
  let url = encoded.get(file);
  if (url === undefined) {
    url = `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
    encoded.set(file, url);
  }
  return url;
}

const codePoints = (text: string): Set<number> => {
  const used = new Set<number>();
  for (const ch of text) used.add(ch.codePointAt(0)!);
  return used;
};

/** @font-face rules, as data: URLs, for the subsets that cover the characters each face sets. */
export function embeddedFontCss(texts: FontTexts): string {
  const used = { serif: codePoints(texts.serif), sans: codePoints(texts.sans), bold: codePoints(texts.bold) };
  const rules: string[] = [];
  for (const face of readFaces()) {
    let needed = false;
    for (const cp of used[roleOf(face)]) {
      if (covers(face.ranges, cp)) {
        needed = true;
        break;
      }
    }
    if (!needed) continue;
    const range = face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
    rules.push(
      `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};` +
        `src:url(${dataUrl(face.file)}) format('woff2');unicode-range:${range}}`,
    );
  }
  return rules.join('\n');
}
