// An imported outline as indented lines ("一、总体要求", "  （一）指导思想"), so a test states the
// expected tree the way a reader would write it down.
import type { ImportedDocument, Section } from '../../../shared/domain/document';

export function outlineLines(sections: readonly Section[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.numbering}${s.heading}`, ...outlineLines(s.children, depth + 1)]);
}

export function tree(doc: ImportedDocument): string {
  return outlineLines(doc.sections).join('\n');
}

/** The expected tree from a template literal: common indentation and blank lines removed. */
export function expected(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const indent = Math.min(...lines.map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
