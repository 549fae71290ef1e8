// Text → FTS5 tokens. SQLite's tokenizers cannot index Chinese usefully (unicode61 makes a whole
// run of Hanzi one token; trigram finds nothing for the 2-character words Chinese is made of),
// so our code writes the tokens itself: every overlapping bigram of code points, encoded as
// ASCII so tokenize='ascii' keeps each one whole, into column `bi`; and the distinct single
// code points into column `uni`, for 1-character queries. A phrase of a query's bigrams then
// matches exactly where the query is a substring of a field.

/** 36^4 > 0x10FFFF: every code point fits in four base-36 digits. */
const CODE_WIDTH = 4;

/** Separates the values of a multi-valued field so no phrase can run from one into the next
 *  (any token that is not 2 × CODE_WIDTH long would do; a query never produces it). */
export const GAP_TOKEN = 'gap';

export function codeToken(codePoint: number): string {
  return codePoint.toString(36).padStart(CODE_WIDTH, '0');
}

// Indexing a plan encodes every character of its text, so this is the hot path of an import:
// tokens of BMP characters come from a table filled on first use, and the columns are built
// as one string each.
const BMP_TOKENS: (string | undefined)[] = new Array<string | undefined>(0x10000);

/** Tokens of the code points of `text`, in order. */
function charTokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(codeToken((unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000));
      i++;
    } else {
      out.push(BMP_TOKENS[unit] ??= codeToken(unit));
    }
  }
  return out;
}

function bigramsOf(text: string): string {
  const tokens = charTokens(text);
  let out = '';
  for (let i = 0; i + 1 < tokens.length; i++) out += (i === 0 ? '' : ' ') + tokens[i]! + tokens[i + 1]!;
  return out;
}

/** Bigram tokens of normalized values, the values separated by GAP_TOKEN. */
export function bigramColumn(values: readonly string[]): string {
  let out = '';
  for (const v of values) {
    const bigrams = bigramsOf(v);
    if (out !== '' && bigrams !== '') out += ` ${GAP_TOKEN} `;
    out += bigrams;
  }
  return out;
}

// Which BMP characters the current unigram column already has: a stamp per character, so a
// column costs no hashing (astral characters, rare, go through a Set).
const seenStamp = new Uint32Array(0x10000);
let stamp = 0;

/** Distinct code points of normalized values (spaces left out: a query is never just a space). */
export function unigramColumn(values: readonly string[]): string {
  if (++stamp === 0xffffffff) {
    seenStamp.fill(0);
    stamp = 1;
  }
  const astral = new Set<string>();
  let out = '';
  for (const v of values) {
    for (let i = 0; i < v.length; i++) {
      const unit = v.charCodeAt(i);
      const next = i + 1 < v.length ? v.charCodeAt(i + 1) : 0;
      let token: string;
      if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        token = codeToken((unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
        i++;
        if (astral.has(token)) continue;
        astral.add(token);
      } else {
        if (unit === 0x20 || seenStamp[unit] === stamp) continue;
        seenStamp[unit] = stamp;
        token = BMP_TOKENS[unit] ??= codeToken(unit);
      }
      out += out === '' ? token : ` ${token}`;
    }
  }
  return out;
}

/** The FTS5 MATCH expression for a normalized, non-empty query. */
export function matchExpression(normalizedQuery: string): string {
  const tokens = charTokens(normalizedQuery);
  if (tokens.length === 0) throw new Error('matchExpression needs a non-empty query');
  if (tokens.length === 1) return `uni : "${tokens[0]!}"`;
  return `bi : "${bigramsOf(normalizedQuery)}"`;
}
