// Half-width and full-width forms of the punctuation Chinese text uses. Source articles often
// type the ASCII comma or colon inside Chinese (建章立制,该出台); a Chinese reader expects the
// full-width form there. The stored text keeps what the source wrote: reading views only
// DISPLAY the full-width form (a setting), and search folds both forms into one so a query
// typed either way finds the text either way.
//
// Every replacement is one code point for one code point, so an offset into the displayed text
// is the same offset into the stored text (highlights anchor by code point offsets).

const HALF_TO_FULL: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const FULL_TO_HALF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(HALF_TO_FULL).map(([half, full]) => [full, half]),
);

/** A Han character, or punctuation that only occurs in CJK text (U+3000–303F, U+FF00–FFEF). */
const CJK_SIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Quotation marks Chinese shares with English: they count as CJK only beside a Han character. */
const CLOSING_QUOTES = new Set(['”', '’']);
const OPENING_QUOTES = new Set(['“', '‘']);

function chineseBefore(chars: readonly string[], at: number): boolean {
  const prev = chars[at - 1];
  if (prev === undefined) return false;
  if (CJK_SIDE.test(prev)) return true;
  // 。。。“硬核”,支撑: a closing quote counts when the quoted text ends in Chinese.
  return CLOSING_QUOTES.has(prev) && at >= 2 && CJK_SIDE.test(chars[at - 2]!);
}

function chineseAfter(chars: readonly string[], at: number): boolean {
  const next = chars[at + 1];
  // Chinese text ending in a colon (以下五方面:) takes the full-width colon too.
  if (next === undefined || next === '\n') return true;
  if (CJK_SIDE.test(next)) return true;
  return OPENING_QUOTES.has(next) && at + 2 < chars.length && CJK_SIDE.test(chars[at + 2]!);
}

/**
 * The text with , ; : ! ? written between Chinese characters in their full-width form, and a
 * pair of half-width parentheses around Chinese beside Chinese (亚(残)运 → 亚（残）运).
 * Latin and numeric text (3,000; 9:30; (AI)) is left as it is.
 */
export function fullWidthPunctuation(text: string): string {
  if (!/[,;:!?()]/.test(text)) return text;
  const chars = [...text];
  const out = [...chars];
  const open: number[] = [];
  chars.forEach((ch, at) => {
    if (ch === '(') open.push(at);
    else if (ch === ')') {
      const start = open.pop();
      if (start === undefined) return;
      const inside = chars.slice(start + 1, at).join('');
      const hanAfter = chars[at + 1] !== undefined && CJK_SIDE.test(chars[at + 1]!);
      if (/\p{Script=Han}/u.test(inside) && (chineseBefore(chars, start) || hanAfter)) {
        out[start] = HALF_TO_FULL['(']!;
        out[at] = HALF_TO_FULL[')']!;
      }
    } else if (ch in HALF_TO_FULL && chineseBefore(chars, at) && chineseAfter(chars, at)) {
      out[at] = HALF_TO_FULL[ch]!;
    }
  });
  return out.join('');
}

/** The text with the full-width forms above read as their half-width ones (for search). */
export function foldPunctuationWidth(text: string): string {
  return text.replace(/[，；：！？（）]/gu, (ch) => FULL_TO_HALF[ch] ?? ch);
}
