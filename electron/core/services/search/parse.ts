// Reading what the reader typed into needles: words, "quoted phrases" and -exclusions. Nothing
// typed is a syntax error: the text is first folded like the index (NFKC, so a full-width ＂ or
// －is the ASCII one), then read left to right; an unclosed quote is an ordinary character of
// its word, a lone '-' an ordinary word. Each needle is then normalized as the texts are
// (normalize.ts), so a hit is a plain substring match. English words are matched as substrings,
// so "reform" finds "reforms"; a word of Latin letters typed in the plural is read in the
// singular (reforms → reform, policies → polic) so it finds the singular too.
import { normalizeForSearch } from '../../search/normalize';

export interface ParsedQuery {
  terms: string[];
  phrases: string[];
  excluded: string[];
}

const LATIN_WORD = /^[a-z]+$/;

/** The plural folding applied to a Latin word (and by the tests' oracle). */
export function singular(word: string): string {
  if (!LATIN_WORD.test(word) || word.length < 4) return word;
  if (word.endsWith('ies')) return word.slice(0, -3);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

function push(list: string[], needle: string): void {
  if (needle !== '' && !list.includes(needle)) list.push(needle);
}

export function parseQuery(typed: string): ParsedQuery {
  const text = typed.normalize('NFKC');
  const parsed: ParsedQuery = { terms: [], phrases: [], excluded: [] };
  let i = 0;
  while (i < text.length) {
    if (/\s/u.test(text[i]!)) {
      i++;
      continue;
    }
    const negated = text[i] === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!);
    const start = negated ? i + 1 : i;
    if (text[start] === '"') {
      const close = text.indexOf('"', start + 1);
      if (close > start + 1) {
        const phrase = normalizeForSearch(text.slice(start + 1, close));
        push(negated ? parsed.excluded : parsed.phrases, phrase);
        i = close + 1;
        continue;
      }
    }
    let end = start;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    const word = normalizeForSearch(text.slice(start, end));
    if (negated) push(parsed.excluded, singular(word));
    else push(parsed.terms, singular(word));
    i = end;
  }
  return parsed;
}
