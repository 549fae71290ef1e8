// A table of contents at the top of a document (emergency plans, plan outlines) lists the same
// headings as the body, often with dot leaders and page numbers; read as text it would become a
// second copy of every section. It is recognised as a run of heading-like lines — after a 目录
// line, or on its own — whose first entry appears again below it, where the body starts.
import { readMarker } from './markers';

interface Line {
  type: 'line';
  text: string;
}

const TOC_LABEL = /^目[\s\u3000]*录$/;

/** A TOC entry without its leaders and page number, for comparison with a heading. */
function entryKey(text: string): string {
  return text
    .replace(/[.．…·・\-—\s\u3000]+\d{1,4}$/, '')
    .replace(/[.．…·・]{2,}/g, '')
    .replace(/[\s\u3000]+/g, '');
}

const hasPageNumber = (text: string) => /([.．…·・]{2,}|[\s\u3000])\d{1,4}$/.test(text);

export function removeTableOfContents<T extends { type: string }>(items: T[]): T[] {
  const text = (k: number) => (items[k]?.type === 'line' ? (items[k] as unknown as Line).text : null);
  const labelAt = items.findIndex((_, k) => k < 20 && TOC_LABEL.test(text(k) ?? ''));
  const starts = labelAt >= 0 ? [labelAt + 1] : items.map((_, k) => k).filter((k) => k < 20 && text(k) !== null && readMarker(text(k)!, true) !== null);
  for (const s of starts) {
    const first = text(s);
    if (first === null) continue;
    const key = entryKey(first);
    if (key === '') continue;
    for (let k = s + 1; k < items.length; k++) {
      const t = text(k);
      if (t === null) break;
      if (entryKey(t) === key && !hasPageNumber(t)) {
        const entries = k - s;
        // Entries are short heading lines, not paragraphs that happen to repeat.
        const allHeadingLike = Array.from({ length: entries }, (_, e) => text(s + e)!).every(
          (l) => l.length <= 60 && !/[。；;]/.test(l) && (readMarker(l, true) !== null || hasPageNumber(l) || /^附件/.test(l)),
        );
        if (entries >= 2 && (labelAt >= 0 || allHeadingLike)) {
          return [...items.slice(0, labelAt >= 0 ? labelAt : s), ...items.slice(k)];
        }
        break;
      }
      // An entry must look like one; a paragraph means the body has started without a repeat.
      if (labelAt < 0 && readMarker(t, true) === null && !hasPageNumber(t)) break;
    }
  }
  return items;
}
