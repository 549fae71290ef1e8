// What "contains" means for search and the table's text filters, for any script: the query and
// the text are compared lower-cased, with every run of whitespace (ideographic space included)
// read as one space and the ends trimmed, and with full-width punctuation (，：（）…) read as its
// half-width form, because Chinese sources type either (建章立制,该出台 / 建章立制，该出台).
// The index and the final check both use this form.
import { foldPunctuationWidth } from '../../../shared/text/cjk-punctuation';

export function normalizeForSearch(text: string): string {
  return foldPunctuationWidth(text.toLowerCase()).replace(/\s+/gu, ' ').trim();
}
