// The Markdown export, for reading and sharing: one section per plan, then its plan notes,
// then each theme and item in reading order with its highlights (the passage quoted) and
// notes. Annotations in the trash are left out. The plan's words are escaped as literal text;
// the reader's notes stay Markdown, made safe to view (markdown-safety.ts).
import type { Annotation } from '../../../../shared/api/annotations/methods';
import type { ExportEntry, ExportInput } from './entries';
import { EXPORT_LABELS, type ExportLabels } from './labels';
import { literalMarkdown, safeNoteMarkdown } from './markdown-safety';

export function writeMarkdown(input: ExportInput): string {
  const l = EXPORT_LABELS[input.language];
  const out: string[] = [`# ${l.title}`, '', l.exported(input.exportedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC', input.entries.length), ''];
  let plan: string | null = null;
  let theme: string | null | undefined;
  let item: string | null | undefined;
  for (const entry of input.entries) {
    const { annotation: a, place } = entry;
    if (a.planId !== plan) {
      plan = a.planId;
      theme = undefined;
      item = undefined;
      out.push(`## ${literalMarkdown(place.planTitle ?? l.unknownPlan(a.planId))}`, '');
    }
    if (a.itemId === null) {
      if (item !== null) out.push(`### ${literalMarkdown(l.planNotes)}`, '');
      item = null;
      theme = undefined;
    } else {
      if (place.themeId !== theme) {
        theme = place.themeId;
        out.push(`### ${literalMarkdown(place.themeHeadline ?? l.otherItems)}`, '');
      }
      if (a.itemId !== item) {
        item = a.itemId;
        const heading = place.itemHeadline === null ? l.unknownItem(a.itemId) : [place.itemNumeral, place.itemHeadline].filter(Boolean).join(' ');
        out.push(`#### ${literalMarkdown(heading)}`, '');
      }
    }
    out.push(...annotationLines(entry, l, input.colorNames), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function annotationLines({ annotation: a }: ExportEntry, l: ExportLabels, colorNames: ExportInput['colorNames']): string[] {
  const lines: string[] = [];
  if (a.target) {
    for (const line of a.target.selectors.quote.exact.split(/\r\n?|\n/)) lines.push(`> ${literalMarkdown(line)}`);
    lines.push('');
  }
  if (a.body.trim() !== '') lines.push(safeNoteMarkdown(a.body), '');
  lines.push(`*${literalMarkdown(metaLine(a, l, colorNames))}*`);
  return lines;
}

function metaLine(a: Annotation, l: ExportLabels, colorNames: ExportInput['colorNames']): string {
  const parts: string[] = [];
  if (a.color) parts.push(colorNames[a.color] ? `${l.color[a.color]} (${colorNames[a.color]})` : l.color[a.color]);
  if (a.target?.language === 'en') parts.push(l.englishText);
  if (a.anchor && a.anchor.status !== 'anchored') parts.push(l.anchor[a.anchor.status]);
  if (a.tags.length > 0) parts.push(`${l.tags}: ${a.tags.join(', ')}`);
  parts.push(a.modifiedAt.slice(0, 10));
  return parts.join(' · ');
}
