// Which exported cell a spreadsheet would run as a formula (OWASP CSV injection): one that
// starts with = + - @, a tab or a carriage return — also after invisible characters in front
// (zero-width spaces and joiners, bidi marks and embeddings, word joiner, soft hyphen, BOM),
// which a reader cannot see in the cell and some spreadsheets skip. Both the CSV export and the
// table's clipboard copy prefix such a cell with an apostrophe.
const INVISIBLE = '\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF';
const FORMULA_START = new RegExp(`^[${INVISIBLE}]*[=+\\-@\\t\\r]`);

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
