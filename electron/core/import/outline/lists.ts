// Lists inside paragraphs: 一是…二是…三是… runs (government work reports) become list items,
// and enumerations with a stated count (8大新兴产业, 三大任务：A、B、C) are read and checked.
import { warningPlace, type Enumeration, type ImportWarning, type Section } from '../../../../shared/domain/document';
import type { DraftBlock } from '../raw';
import { ordinalOf } from './markers';


const RUN_MARKER = /(^|[。；;，,：:！？])[\s\u3000]*((?:第)?([一二三四五六七八九十]{1,3})是)/g;

/** Splits a paragraph holding a 一是…二是… run (at least two consecutive markers, starting at
 *  一是) into its lead paragraph and list items; anything else stays one paragraph. The pieces
 *  together are the paragraph's text. */
export function splitRun(text: string): DraftBlock[] {
  const marks: { at: number; marker: string; ordinal: number }[] = [];
  for (const m of text.matchAll(RUN_MARKER)) {
    const ordinal = ordinalOf(m[3]!);
    if (ordinal !== marks.length + 1) {
      if (marks.length >= 2) break;
      marks.length = 0;
      if (ordinal !== 1) continue;
    }
    marks.push({ at: m.index + m[0].length - m[2]!.length, marker: m[2]!, ordinal: ordinal! });
  }
  if (marks.length < 2) return [{ type: 'paragraph', text }];
  const out: DraftBlock[] = [];
  const lead = text.slice(0, marks[0]!.at).trim();
  if (lead !== '') out.push({ type: 'paragraph', text: lead });
  marks.forEach((mark, k) => {
    const end = k + 1 < marks.length ? marks[k + 1]!.at : text.length;
    const itemText = text.slice(mark.at + mark.marker.length, end).trim();
    out.push({ type: 'list-item', marker: mark.marker, ordinal: mark.ordinal, text: itemText });
  });
  return out;
}

const COUNT = '(\\d{1,3}|[一二三四五六七八九十两]{1,3})';
// 等8大新兴产业: the items come before, back to the previous clause break.
const COUNT_AFTER = new RegExp(`等${COUNT}大([\\u4e00-\\u9fff]{1,12}?)(?=[,，。；;、\\s]|$)`, 'g');
// 三大任务：A、B、C。 — the items follow the colon.
const COUNT_BEFORE = new RegExp(`${COUNT}大([\\u4e00-\\u9fff]{1,12}?)[：:]([^。；;]+)`, 'g');
const CLAUSE_BREAK = /[,，。；;：:]/;
// Verbs that introduce an enumeration (积极培育发展 A、B…): cut from the first item.
const LEAD_VERBS = ['培育发展', '发展', '布局', '培育', '壮大', '打造', '建设', '推进', '包括', '聚焦', '围绕', '实施'];

function count(numeral: string): number | null {
  return ordinalOf(numeral.replace('两', '二'));
}

/** Cuts the leading verbs (超前布局 / 积极培育发展) off the first item: from the first verb on,
 *  as long as verbs follow each other, so a verb inside the item (绿色发展产业) stays. */
export function stripLeadVerb(first: string, verbs: readonly string[] = LEAD_VERBS): string {
  const verbAt = (at: number): string | undefined =>
    verbs.filter((v) => first.startsWith(v, at)).sort((a, b) => b.length - a.length)[0];
  let start = -1;
  for (let at = 0; at < first.length && start < 0; at++) if (verbAt(at)) start = at;
  if (start < 0) return first;
  let end = start;
  for (let verb = verbAt(end); verb; verb = verbAt(end)) end += verb.length;
  return first.slice(end);
}

/** A section as a reader finds it in the document: its marker and heading as written, shortened. */
export function sectionLabel(section: { numbering: string; heading: string }): string | null {
  const label = `${section.numbering}${section.heading}`;
  if (label === '') return null;
  return label.length > 30 ? `${label.slice(0, 30)}…` : label;
}

/** Enumerations stated in a section's own text, each checked against the items it lists. */
export function findEnumerations(section: Section, at: string | null, warnings: ImportWarning[]): Enumeration[] {
  const text = section.blocks.map((b) => (b.type === 'table-row' ? '' : b.type === 'list-item' ? b.marker + b.text : b.text)).join('\n');
  const found: Enumeration[] = [];
  const check = (stated: number, label: string, items: string[], index: number) => {
    const where = `${section.numbering}${section.heading}`.slice(0, 30);
    if (items.length !== stated) {
      // The paragraph of the section's own text the count is stated in (its blocks are joined by \n).
      const paragraph = text.slice(0, index).split('\n').length;
      warnings.push({
        code: 'count-mismatch',
        message: `the text states ${stated}大${label} but lists ${items.length}: ${items.join('、')} (in ${where})`,
        at,
        params: { stated, label, listed: items.length, items },
        // The section's line or page is where its heading is: only the count's own when it is
        // stated in the section's first paragraph.
        place: warningPlace(paragraph === 1 ? at : null, sectionLabel(section), paragraph),
      });
    }
    found.push({ sectionId: section.id, label, statedCount: stated, items });
  };
  for (const m of text.matchAll(COUNT_AFTER)) {
    const stated = count(m[1]!);
    if (stated === null) continue;
    const before = text.slice(0, m.index);
    let start = before.length;
    while (start > 0 && !CLAUSE_BREAK.test(before[start - 1]!) && before[start - 1] !== '\n') start--;
    const parts = before.slice(start).split('、').map((p) => p.trim());
    parts[0] = stripLeadVerb(parts[0]!);
    check(stated, m[2]!, parts.filter((p) => p !== ''), m.index);
  }
  for (const m of text.matchAll(COUNT_BEFORE)) {
    const stated = count(m[1]!);
    if (stated === null) continue;
    const items = m[3]!.split('、').map((p) => p.trim()).filter((p) => p !== '');
    if (items.length < 2) continue;
    check(stated, m[2]!, items, m.index);
  }
  return found;
}
