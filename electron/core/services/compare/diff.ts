// A character-level diff of two texts that reads well in Chinese. Chinese has no spaces, so a
// raw character diff cuts words apart (推进 → 推动 shown as 推[进→动]) and scatters a reworded
// phrase into many one-character islands. The `diff` library finds the edit script on code
// points; this file then tidies it for a reader:
//   1. Characters that differ only in width (，/, ；/; （/( 。/. ２/2) count as equal for the edit
//      script, and are reported afterwards as their own parts flagged `punctuationWidth`, so a
//      change of width never drags neighbouring words into a change.
//   2. A change of wording grows to whole words (Intl.Segmenter's word boundaries on both
//      texts), so 推进 → 推动 reads as the word replaced. A change of punctuation alone (a comma
//      added, a 、 become ，) is left exactly as small as it is: it never splits a word.
//   3. An equal stretch squeezed between two changes and no longer than either of them is
//      folded into them (diff-match-patch's semantic cleanup), so a reworded sentence reads as
//      one replacement instead of alternating fragments.
import { diffArrays } from 'diff';
import type { DiffPart } from '../../../../shared/api/compare/methods';
import { foldPunctuationWidth } from '../../../../shared/text/cjk-punctuation';

/** Past this many edits the texts are treated as replaced whole (bounds the O(N·D) cost). */
const MAX_EDIT_LENGTH = 4000;

interface Segment {
  equal: boolean;
  old: string[];
  new: string[];
}

// The ideographic full stop typed as an ASCII period (。/.) counts as the same mark in the other width.
const widthForm = (ch: string) => (ch === '。' ? '.' : foldPunctuationWidth(ch.normalize('NFKC')));
const sameAcrossWidth = (a: string, b: string) => a === b || widthForm(a) === widthForm(b);

/** Punctuation, symbols and spaces: a change made only of these is a change of punctuation. */
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\s\u3000]*$/u;
export function isPunctuation(text: string): boolean {
  return PUNCTUATION_ONLY.test(text);
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Code point offsets where a word starts or ends (0 and the length included). */
function wordBoundaries(chars: readonly string[]): Set<number> {
  const bounds = new Set<number>([0, chars.length]);
  let at = 0;
  for (const { segment } of segmenter.segment(chars.join(''))) {
    at += Array.from(segment).length;
    bounds.add(at);
  }
  return bounds;
}

function rawSegments(a: string[], b: string[]): Segment[] | null {
  const changes = diffArrays(a, b, { comparator: sameAcrossWidth, maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return null;
  const out: Segment[] = [];
  let oi = 0;
  let ni = 0;
  for (const c of changes) {
    const n = c.count;
    if (c.added) {
      pushEdit(out, [], b.slice(ni, ni + n));
      ni += n;
    } else if (c.removed) {
      pushEdit(out, a.slice(oi, oi + n), []);
      oi += n;
    } else {
      out.push({ equal: true, old: a.slice(oi, oi + n), new: b.slice(ni, ni + n) });
      oi += n;
      ni += n;
    }
  }
  return out;
}

function pushEdit(out: Segment[], oldChars: string[], newChars: string[]): void {
  const last = out[out.length - 1];
  if (last && !last.equal) {
    last.old.push(...oldChars);
    last.new.push(...newChars);
  } else out.push({ equal: false, old: oldChars, new: newChars });
}

/** Drops empty equal stretches and joins the changes they separated. */
function compact(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.equal && s.old.length === 0) continue;
    if (!s.equal) pushEdit(out, [...s.old], [...s.new]);
    else out.push(s);
  }
  return out;
}

const isWording = (s: Segment) => !s.equal && !isPunctuation(s.old.join('') + s.new.join(''));

/** Step 2: each change of wording grows to the word boundaries of both texts. */
function growToWords(segments: Segment[], a: string[], b: string[]): Segment[] {
  const oldBounds = wordBoundaries(a);
  const newBounds = wordBoundaries(b);
  let oi = 0;
  let ni = 0;
  segments.forEach((s, i) => {
    if (isWording(s)) {
      const before = segments[i - 1];
      while (before?.equal && before.old.length > 0 && !(oldBounds.has(oi) && newBounds.has(ni))) {
        s.old.unshift(before.old.pop()!);
        s.new.unshift(before.new.pop()!);
        oi--;
        ni--;
      }
      let oe = oi + s.old.length;
      let ne = ni + s.new.length;
      const after = segments[i + 1];
      while (after?.equal && after.old.length > 0 && !(oldBounds.has(oe) && newBounds.has(ne))) {
        s.old.push(after.old.shift()!);
        s.new.push(after.new.shift()!);
        oe++;
        ne++;
      }
    }
    oi += s.old.length;
    ni += s.new.length;
  });
  return compact(segments);
}

/** Step 3: equal stretches no longer than the changes on both sides join them. */
function foldSmallEqualities(segments: Segment[]): Segment[] {
  let current = segments;
  for (;;) {
    const size = (s: Segment | undefined) => (s && !s.equal ? Math.max(s.old.length, s.new.length) : 0);
    const at = current.findIndex(
      (s, i) => i > 0 && s.equal && s.new.length <= size(current[i - 1]) && s.new.length <= size(current[i + 1]),
    );
    if (at < 0) return current;
    current = compact(current.map((s, i) => (i === at ? { equal: false, old: s.old, new: s.new } : s)));
  }
}

function emit(parts: DiffPart[], op: DiffPart['op'], text: string, punctuationWidth = false): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op && (last.punctuationWidth === true) === punctuationWidth) last.text += text;
  else parts.push(punctuationWidth ? { op, text, punctuationWidth: true } : { op, text });
}

/** Step 1's second half: an equal stretch splits into identical runs and runs that differ in
 *  width only (a delete and an insert flagged `punctuationWidth`). */
function emitEqual(parts: DiffPart[], s: Segment): void {
  let i = 0;
  while (i < s.old.length) {
    const same = s.old[i] === s.new[i];
    let j = i;
    while (j < s.old.length && (s.old[j] === s.new[j]) === same) j++;
    if (same) emit(parts, 'equal', s.old.slice(i, j).join(''));
    else {
      emit(parts, 'delete', s.old.slice(i, j).join(''), true);
      emit(parts, 'insert', s.new.slice(i, j).join(''), true);
    }
    i = j;
  }
}

/** The parts that turn `oldText` into `newText` (see the top of this file). Joining the equal
 *  and delete parts gives `oldText` back; the equal and insert parts give `newText`. */
export function diffText(oldText: string, newText: string): DiffPart[] {
  if (oldText === newText) return oldText === '' ? [] : [{ op: 'equal', text: oldText }];
  const a = Array.from(oldText);
  const b = Array.from(newText);
  const raw = rawSegments(a, b);
  const parts: DiffPart[] = [];
  if (!raw) {
    emit(parts, 'delete', oldText);
    emit(parts, 'insert', newText);
    return parts;
  }
  for (const s of foldSmallEqualities(growToWords(compact(raw), a, b))) {
    if (s.equal) emitEqual(parts, s);
    else {
      emit(parts, 'delete', s.old.join(''));
      emit(parts, 'insert', s.new.join(''));
    }
  }
  return parts;
}

/** The changes in `parts` are punctuation only: width changes, or marks added or removed. */
export function punctuationOnly(parts: readonly DiffPart[]): boolean {
  return parts.every((p) => p.op === 'equal' || p.punctuationWidth === true || isPunctuation(p.text));
}
