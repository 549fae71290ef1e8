// Reading what the reader typed into needles: words, "quoted phrases" and -exclusions. Shared by
// search everywhere (the core, which folds needles as its index folds texts) and find in the
// item (the renderer, which folds them as it folds the text on screen), so a result opened from
// search marks the very words search found. Nothing typed is a syntax error: the text is first
// read under NFKC (a full-width ＂ or －is the ASCII one), then left to right; an unclosed quote
// is an ordinary character of its word, a lone '-' an ordinary word. English words match as
// substrings, so "reform" finds "reforms"; a word of Latin letters typed in the plural is read in
// the singular (reforms → reform, policies → polic) so it finds the singular too.

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

/** The query's needles, each folded by `fold` (the caller's normalization of text). */
export function readQuery(typed: string, fold: (text: string) => string): ParsedQuery {
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
        const phrase = fold(text.slice(start + 1, close));
        push(negated ? parsed.excluded : parsed.phrases, phrase);
        i = close + 1;
        continue;
      }
    }
    let end = start;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    const word = fold(text.slice(start, end));
    if (negated) push(parsed.excluded, singular(word));
    else push(parsed.terms, singular(word));
    i = end;
  }
  return parsed;
}
