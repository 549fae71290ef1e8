// Small Chinese numerals as plans print them in ordinals and counts (一…九十九).
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses 一 … 九十九 or ASCII digits; returns null for anything else. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return null;
  const [, tensDigit, ten, unit] = m;
  if (!ten) return tensDigit && !unit ? DIGITS[tensDigit]! : null;
  return (tensDigit ? DIGITS[tensDigit]! : 1) * 10 + (unit ? DIGITS[unit]! : 0);
}
