// CSV as spreadsheet apps open it: UTF-8 with a byte-order mark (without it Excel reads
// Chinese as mojibake), CRLF line ends and RFC 4180 quoting. Cells that a spreadsheet would
// run as a formula — starting with = + - @, tab or carriage return — get a leading apostrophe,
// as OWASP's CSV-injection advice says, so an exported note cannot become a live formula (also
// when invisible characters come first: shared/spreadsheet.ts).
import { looksLikeFormula } from '../../../shared/spreadsheet';

export const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralized and quoted as needed. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: BOM, then each row's cells joined by commas, every row ended by CRLF. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
