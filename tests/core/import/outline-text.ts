// An imported outline as indented lines ("一、总体要求", "  （一）指导思想"), so a test states the
// expected tree the way a reader would write it down; and the import fixtures, loaded through the
// whole pipeline, with a section found by its numbering and heading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument } from '../../../electron/core/import/pipeline';
import { allSections, type ImportedDocument, type Section } from '../../../shared/domain/document';
import { REPO_ROOT } from '../../helpers/paths';

export const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');

/** A fixture file's bytes. */
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** A fixture imported through the whole pipeline. */
export const loadFixture = (name: string): Promise<ImportedDocument> => importDocument(fixture(name), name);

/** The section written as `label` (numbering and heading), or a failure showing the tree. */
export function findSection(doc: ImportedDocument, label: string): Section {
  const s = [...allSections(doc.sections)].find((x) => `${x.numbering}${x.heading}` === label);
  if (!s) throw new Error(`no section ${label} in\n${tree(doc)}`);
  return s;
}

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
