// .txt and .md: decode, then one raw line per line. Markdown headings (# …) and pipe tables are
// marked as such; everything else — including Chinese numbering — is left to the outline step.
import type { RawBlock, RawDocument } from './raw';
import { decodeText, looksLikeText } from './decode';
import { ImportError } from './errors';

const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const MD_TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

export function readText(bytes: Uint8Array, fileName: string, markdown: boolean): RawDocument {
  const { text, encoding } = decodeText(bytes);
  if (!looksLikeText(text)) {
    throw new ImportError(fileName, `is not a text file (the bytes do not read as ${encoding} text or any other supported encoding)`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: RawBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const at = `line ${i + 1}`;
    if (markdown) {
      const h = MD_HEADING.exec(line);
      if (h) {
        blocks.push({ type: 'line', text: h[2]!, headingLevel: h[1]!.length, at });
        continue;
      }
      if (line.trim().startsWith('|') && MD_TABLE_RULE.test((lines[i + 1] ?? '').trim())) {
        const rows: string[][] = [cells(line)];
        let j = i + 2;
        for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) rows.push(cells(lines[j]!));
        blocks.push({ type: 'table', rows, at });
        i = j - 1;
        continue;
      }
    }
    blocks.push({ type: 'line', text: line, at });
  }
  return { format: markdown ? 'md' : 'txt', encoding, blocks, hints: {}, warnings: [] };
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}
