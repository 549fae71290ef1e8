// Random text that mixes what plans and readers write: Hanzi, Latin in both cases, digits,
// Chinese and ASCII punctuation (、，“” …), runs of assorted whitespace and astral characters,
// from a seeded generator so a failing case can be reproduced.
import { Prng } from '../bench/prng';

const HANZI = '数字经济改革发展新质生产力营商环境杭州市科技局委创新产业链供应链城乡融合绿色低碳高水平开放人才强市';
const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCT = ['、', '，', '。', '“', '”', '《', '》', '：', ',', '.', '-', '(', ')', '"', "'", '%'];
const SPACES = [' ', '  ', '\u3000', '\t', '\n'];
const ASTRAL = ['𠀀', '😀', '𝒜'];

export function mixedChar(r: Prng): string {
  const roll = r.next();
  if (roll < 0.55) return r.pick([...HANZI]);
  if (roll < 0.72) return r.pick([...LATIN]);
  if (roll < 0.8) return r.pick([...DIGITS]);
  if (roll < 0.9) return r.pick(PUNCT);
  if (roll < 0.97) return r.pick(SPACES);
  return r.pick(ASTRAL);
}

export function mixedText(r: Prng, min: number, max: number): string {
  const n = r.between(min, max);
  let s = '';
  for (let i = 0; i < n; i++) s += mixedChar(r);
  return s;
}

/** A piece of `text` (by code points) of about `length`, or the whole text if shorter. */
export function pieceOf(r: Prng, text: string, length: number): string {
  const cps = [...text];
  if (cps.length <= length) return text;
  const at = r.int(cps.length - length + 1);
  return cps.slice(at, at + length).join('');
}

export { Prng };
