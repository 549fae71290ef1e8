// Text → FTS5 tokens. SQLite's tokenizers cannot index Chinese usefully (unicode61 makes a whole
// run of Hanzi one token; trigram finds nothing for the 2-character words Chinese is made of),
// so our code writes the tokens itself, as plain text the 'ascii' tokenizer keeps whole: every
// character but ASCII punctuation and space (those separate tokens there) is "indexable"; each
// indexable character gives itself (数) and, followed by another, their bigram (数字, 5g, g基).
// A one-character query is its own token and a two-character one the bigram, both exact.
// Anything longer is the AND of its tokens, which finds candidates that the caller checks
// against the text (match.ts). The index keeps no positions (detail=none) and each token once
// per text. (The one-character tokens replaced a prefix query c*: FTS5 merges the doclists of
// every token a prefix matches before it returns the first row, 150–250 ms for a character in a
// million texts, where reading one token's doclist backwards for a page takes under 1 ms.)

/** Not ASCII other than letters and digits (what the 'ascii' tokenizer splits on). */
function indexable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x80 || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The distinct tokens of one normalized text, in order of first appearance. */
function addTokens(text: string, into: Set<string>): void {
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!indexable(c)) continue;
    into.add(c);
    const next = chars[i + 1];
    if (next !== undefined && indexable(next)) into.add(c + next);
  }
}

/** The token column of a text's normalized values (space-separated, each token once). */
export function tokenColumn(values: readonly string[]): string {
  const tokens = new Set<string>();
  for (const v of values) addTokens(v, tokens);
  return [...tokens].join(' ');
}

/** The FTS5 MATCH expression for a normalized needle, and whether the index answers it exactly
 *  (one or two indexable characters and nothing else). Null when the needle has no indexable
 *  character (only ASCII punctuation): the index cannot narrow it and every text is a candidate. */
export function matchExpression(needle: string): { match: string; exact: boolean } | null {
  const chars = Array.from(needle);
  const parts = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!indexable(c)) continue;
    const next = chars[i + 1];
    const prev = chars[i - 1];
    if (next !== undefined && indexable(next)) parts.add(`"${c}${next}"`);
    else if (prev === undefined || !indexable(prev)) parts.add(`"${c}"`); // a run of one character
  }
  if (parts.size === 0) return null;
  const exact = chars.every(indexable) && chars.length <= 2;
  return { match: [...parts].join(' '), exact };
}
