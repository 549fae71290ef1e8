// What "contains" means for search and the table's text filters, for any script: the query and
// the text are compared lower-cased, with every run of whitespace (ideographic space included)
// read as one space and the ends trimmed. The index and the final check both use this form.
export function normalizeForSearch(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}
