// "Copy selected rows": the rows as TSV (for spreadsheets and text editors) and as an HTML table
// (for word processors and mail), both on the clipboard when the browser allows rich copies.
// Like the CSV export, a cell that a spreadsheet would run as a formula (= + - @ tab CR) is
// prefixed with an apostrophe (shared/spreadsheet.ts decides which).
import { looksLikeFormula } from '../../../../shared/spreadsheet';

export interface ClipboardTable {
  header: string[];
  rows: string[][];
}

export function neutralize(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One line per row, cells separated by tabs; tabs and line breaks inside a cell become spaces. */
export function toTsv(table: ClipboardTable): string {
  const line = (cells: string[]) => cells.map((c) => neutralize(c).replace(/[\t\r\n]+/g, ' ')).join('\t');
  return [line(table.header), ...table.rows.map(line)].join('\n');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(table: ClipboardTable): string {
  const cells = (tag: 'th' | 'td', values: string[]) => values.map((v) => `<${tag}>${escapeHtml(neutralize(v))}</${tag}>`).join('');
  const body = table.rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('');
  return `<table><thead><tr>${cells('th', table.header)}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Writes TSV and HTML together where ClipboardItem exists, else the TSV as text. */
export async function writeTable(table: ClipboardTable, clipboard: Clipboard = navigator.clipboard): Promise<void> {
  const tsv = toTsv(table);
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([tsv], { type: 'text/plain' }),
          'text/html': new Blob([toHtml(table)], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Some hosts refuse rich clipboard items; plain text still helps.
    }
  }
  await clipboard.writeText(tsv);
}
