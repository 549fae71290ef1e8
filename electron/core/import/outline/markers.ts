// Heading markers of Chinese official documents, one pattern per level kind, and the rank that
// orders the kinds into a tree. The rank follows GB/T 9704-2012 (一、 → （一） → 1. → （1）,
// then ① ) with the law and plan-outline levels above them (编/篇 → 章 → 节 → 条). A fixed rank
// rather than "the order the kinds first appear" keeps a skipped level right: 1. directly under
// 一、 is still a child of 一、, and a later （一） still goes between them.
import type { LevelKind } from '../../../../shared/domain/document';
import { parseSmallNumber } from '../../plan/chinese-numerals';

export const RANK: Record<LevelKind, number> = {
  notice: 0,
  attachment: 1,
  part: 10,
  chapter: 20,
  section: 30,
  headline: 33,
  article: 35,
  'cn-comma': 40,
  'decimal-1': 41,
  'decimal-2': 42,
  'decimal-3': 43,
  'decimal-4': 44,
  'di-comma': 45,
  'cn-paren': 50,
  arabic: 60,
  'arabic-paren': 70,
  circled: 80,
  task: 90,
};

export interface Marker {
  kind: LevelKind;
  /** The marker as written, e.g. （一） or 第一章 or 1.1. */
  numbering: string;
  ordinal: number | null;
  /** The rest of the line after the marker (and the spaces after it). */
  rest: string;
}

// Chinese numerals as ordinals use 一…九十九 (chinese-numerals.ts); 百/零/〇 appear in long
// regulations (第一百零一条) and are read here.
const N = '[一二三四五六七八九十百零〇两\\d]{1,6}';
const SP = '[\\s\\u3000]*';

const PATTERNS: [LevelKind, RegExp][] = [
  ['part', new RegExp(`^(第${N}[篇编]|第${N}部分)${SP}(.*)$`)],
  ['chapter', new RegExp(`^(第${N}章)${SP}(.*)$`)],
  ['section', new RegExp(`^(第${N}节)${SP}(.*)$`)],
  ['article', new RegExp(`^(第${N}条)${SP}(.*)$`)],
  ['di-comma', new RegExp(`^(第[一二三四五六七八九十]{1,3}[、，,])${SP}(.*)$`)],
  ['cn-comma', new RegExp(`^([一二三四五六七八九十]{1,3}[、.．])${SP}(.*)$`)],
  ['cn-paren', new RegExp(`^([（(][一二三四五六七八九十]{1,3}[）)])${SP}(.*)$`)],
  ['arabic-paren', new RegExp(`^([（(]\\d{1,3}[）)])${SP}(.*)$`)],
  ['circled', new RegExp(`^([\\u2460-\\u2473])${SP}(.*)$`)],
  // Decimal outlines use the ASCII full stop; 1．2024年… (full-width) is an arabic heading.
  ['decimal-2', /^(\d{1,2}\.\d{1,2})(?![.\d])[\s\u3000]*(.*)$/],
  ['decimal-3', /^(\d{1,2}\.\d{1,2}\.\d{1,2})(?![.\d])[\s\u3000]*(.*)$/],
  ['decimal-4', /^(\d{1,2}\.\d{1,2}\.\d{1,2}\.\d{1,2})(?![.\d])[\s\u3000]*(.*)$/],
  ['arabic', /^(\d{1,3}(?:\.(?![.\d])|[．、]))[\s\u3000]*(.*)$/],
];

/** `1 总则`: a decimal outline's first level. Only read as a heading in a document that also
 *  has 1.1-style headings, since a line starting with a number and a space is otherwise text. */
const DECIMAL_1 = /^(\d{1,2})[\s\u3000]+([^\s\d.．].{0,40})$/;

/** Reads a chinese or arabic numeral, including 百 and 零 (第一百零一条); null if it is none. */
export function ordinalOf(numeral: string): number | null {
  const n = parseSmallNumber(numeral);
  if (n !== null) return n;
  const m = /^([一二三四五六七八九])百(?:[零〇]?([一二三四五六七八九十]{1,3}))?$/.exec(numeral);
  if (!m) return null;
  const hundreds = parseSmallNumber(m[1]!)! * 100;
  if (!m[2]) return hundreds;
  const rest = parseSmallNumber(m[2].startsWith('十') ? `一${m[2]}` : m[2]);
  return rest === null ? null : hundreds + rest;
}

function numeralIn(marker: string): string {
  return marker.replace(/^第|[篇编章节条部分、，,.．（()）]/g, '');
}

export function readMarker(text: string, decimalOutline: boolean): Marker | null {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const numbering = m[1]!;
    if (kind === 'circled') return { kind, numbering, ordinal: numbering.codePointAt(0)! - 0x2460 + 1, rest: m[2]! };
    if (kind.startsWith('decimal')) {
      const parts = numbering.split(/[.．]/);
      return { kind, numbering, ordinal: Number(parts[parts.length - 1]), rest: m[2]! };
    }
    return { kind, numbering, ordinal: ordinalOf(numeralIn(numbering)), rest: m[2]! };
  }
  if (decimalOutline) {
    const m = DECIMAL_1.exec(text);
    if (m && !/[。；;，,]/.test(m[2]!)) return { kind: 'decimal-1', numbering: m[1]!, ordinal: Number(m[1]), rest: m[2]! };
  }
  return null;
}

/** True when a document uses a decimal outline (at least two 1.1-style heading lines). */
export function hasDecimalOutline(lines: readonly string[]): boolean {
  let n = 0;
  for (const l of lines) if (/^\d{1,2}\.\d{1,2}(?![.\d])[\s\u3000]*[^\s\d]/.test(l) && l.length <= 40 && ++n >= 2) return true;
  return false;
}

/** Removes the spacing inside a spaced-out heading (第一章 总  则, with ideographic spaces → 总则) but keeps the
 *  space between two Latin words. */
export function tightenHeading(text: string): string {
  return text.replace(/(?<=[^\p{ASCII}])[\s\u3000]+(?=[^\p{ASCII}])/gu, '').replace(/[\s\u3000]+/g, ' ').trim();
}

/** A heading and the body text that runs on after it on the same line. The heading is the part
 *  before the first 。 (the 。 dropped); a line without one is all heading, unless it is long
 *  and a ： or ； comes early, which then ends the heading. */
export function splitHeading(rest: string): { heading: string; body: string } {
  const text = rest.trim();
  const stop = text.search(/[。！？!?]/);
  if (stop >= 0) {
    return { heading: text.slice(0, stop).trim(), body: text.slice(stop + 1).trim() };
  }
  if (text.length > 60) {
    const colon = text.search(/[：:；;]/);
    if (colon > 0 && colon <= 40) return { heading: text.slice(0, colon).trim(), body: text.slice(colon + 1).trim() };
  }
  return { heading: text.replace(/[；;，,]$/, ''), body: '' };
}
