// The reader's corrections to a detected outline, as one pure function: the import dialog
// applies it to show the adjusted preview while the reader edits, and the core applies the very
// same function to the previewed document at commit, so what is stored is what was shown.
//
// Every edit keeps the document's text in its order: read depth first, each section's marker
// and heading, its task values, its blocks, then its children — that sequence is the same before and after
// any edit (the property tests check it), so no text is lost, repeated or moved past other
// text. Ids never change; the one new id (a merged heading's paragraph) is unique in the plan.
//
// - promote: the section moves one level up, right after its parent, and takes its parent's
//   level (kind), so the theme/item choice sees it beside its new siblings. The sections that
//   followed it under the old parent come along as its last children (as outliners do: they
//   followed it in the text, and still do).
// - demote: the section becomes the last child of the section before it at its level; it takes
//   the level of that section's other children when it has some.
// - merge: the section's marker and heading become a paragraph of the section before it in
//   reading order (its previous sibling's last descendant, or its parent), followed by its
//   blocks; its children take its place among its siblings.
// An edit that cannot apply (promote a top-level section, demote a first child, merge the
// first section, a section id the document lacks) throws OutlineEditError naming the section.
import type { OutlineEdit, ImportChoices } from '../api/import/methods';
import type { Block, ImportedDocument, LevelKind, Section } from './document';
import { allSections, blockText } from './document';

export class OutlineEditError extends Error {
  constructor(
    message: string,
    /** Position of the refused edit in the list (0-based), when applying a list. */
    readonly index: number | null = null,
  ) {
    super(message);
    this.name = 'OutlineEditError';
  }
}

/** How a section is named in messages: its marker and heading as written, and its id. */
export function sectionLabel(s: Section): string {
  const text = `${s.numbering}${s.heading}`.trim() || '(no heading)';
  const short = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return `“${short}” (${s.id})`;
}

interface Place {
  section: Section;
  /** The list that holds it: the document's top level or its parent's children. */
  siblings: Section[];
  index: number;
  parent: Section | null;
}

function locate(sections: Section[], id: string, parent: Section | null = null): Place | null {
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!;
    if (section.id === id) return { section, siblings: sections, index, parent };
    const inner = locate(section.children, id, section);
    if (inner) return inner;
  }
  return null;
}

/** A deep copy of the parts an edit changes (sections and their block lists). */
function cloneSections(sections: readonly Section[]): Section[] {
  return sections.map((s) => ({ ...s, blocks: [...s.blocks], children: cloneSections(s.children) }));
}

function lastDescendant(s: Section): Section {
  let last = s;
  while (last.children.length > 0) last = last.children[last.children.length - 1]!;
  return last;
}

function usedIds(doc: ImportedDocument): Set<string> {
  const ids = new Set<string>();
  for (const b of [...doc.notice, ...doc.preamble]) ids.add(b.id);
  for (const s of allSections(doc.sections)) {
    ids.add(s.id);
    for (const b of s.blocks) ids.add(b.id);
  }
  return ids;
}

function freshId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Applies one edit; returns a new document (the argument is not changed). */
export function applyOutlineEdit(doc: ImportedDocument, edit: OutlineEdit): ImportedDocument {
  const sections = cloneSections(doc.sections);
  const place = locate(sections, edit.sectionId);
  if (!place) throw new OutlineEditError(`Cannot ${edit.op} section ${edit.sectionId}: the document has no such section.`);
  const { section, siblings, index, parent } = place;
  const label = sectionLabel(section);
  let enumerations = doc.enumerations;

  switch (edit.op) {
    case 'promote': {
      if (!parent) throw new OutlineEditError(`Cannot promote ${label}: it is already at the top level.`);
      const grand = locate(sections, parent.id)!;
      const following = siblings.splice(index);
      following.shift();
      section.kind = parent.kind;
      section.children.push(...following);
      grand.siblings.splice(grand.index + 1, 0, section);
      break;
    }
    case 'demote': {
      if (index === 0) {
        throw new OutlineEditError(
          `Cannot demote ${label}: it is the first section ${parent ? `under ${sectionLabel(parent)}` : 'of the document'}, with no section before it to go under.`,
        );
      }
      const previous = siblings[index - 1]!;
      const kinds = previous.children.map((c) => c.kind);
      if (kinds.length > 0) section.kind = kinds[kinds.length - 1]!;
      siblings.splice(index, 1);
      previous.children.push(section);
      break;
    }
    case 'merge': {
      const target = index > 0 ? lastDescendant(siblings[index - 1]!) : parent;
      if (!target) throw new OutlineEditError(`Cannot merge ${label}: it is the first section, with no section before it to join.`);
      const head = `${section.numbering}${section.heading}`;
      const used = usedIds(doc);
      const moved: Block[] = [];
      if (head.trim() !== '') moved.push({ id: freshId(`${section.id}-heading`, used), type: 'paragraph', text: head });
      // A task row's table values stay as text: a row of the fields it had, after its heading.
      const cells = taskCells(section);
      if (cells.length) moved.push({ id: freshId(`${section.id}-task`, used), type: 'table-row', header: false, cells });
      moved.push(...section.blocks);
      target.blocks.push(...moved);
      siblings.splice(index, 1, ...section.children);
      enumerations = doc.enumerations.map((e) => (e.sectionId === section.id ? { ...e, sectionId: target.id } : e));
      break;
    }
    default:
      throw new OutlineEditError(`Unknown outline edit ${String((edit as { op: unknown }).op)} on section ${edit.sectionId}.`);
  }
  return { ...doc, sections, enumerations };
}

/** A task row's own values (lead unit, responsible units, deadline, progress) that are set. */
function taskCells(s: Section): string[] {
  if (!s.task) return [];
  return [s.task.lead, s.task.responsible, s.task.deadline, s.task.progress].filter((c): c is string => !!c);
}

/** The kinds of level the document's sections have, in first-seen order. */
export function levelKinds(doc: Pick<ImportedDocument, 'sections'>): LevelKind[] {
  const kinds: LevelKind[] = [];
  for (const s of allSections(doc.sections)) if (!kinds.includes(s.kind)) kinds.push(s.kind);
  return kinds;
}

/** Checks the reader's theme/item level choice against a document; returns it with it set. */
export function applyLevels(doc: ImportedDocument, levels: ImportChoices['levels']): ImportedDocument {
  const present = levelKinds(doc);
  for (const which of ['theme', 'item'] as const) {
    const kind = levels[which];
    if (kind !== null && !present.includes(kind)) {
      throw new OutlineEditError(
        `The ${which} level ${kind} is not a level of this document (its levels: ${present.join(', ') || 'none'}).`,
      );
    }
  }
  if (levels.theme !== null && levels.theme === levels.item) {
    throw new OutlineEditError(`The theme and item levels must differ (both are ${levels.theme}).`);
  }
  return { ...doc, levels: { theme: levels.theme, item: levels.item } };
}

/** The reader's edits in order, then the level choice: what is shown and what is stored. */
export function applyImportChoices(doc: ImportedDocument, choices: ImportChoices): ImportedDocument {
  let current = doc;
  choices.edits.forEach((edit, k) => {
    try {
      current = applyOutlineEdit(current, edit);
    } catch (err) {
      if (err instanceof OutlineEditError && choices.edits.length > 1) {
        throw new OutlineEditError(`Edit ${k + 1} of ${choices.edits.length}: ${err.message}`, k);
      }
      if (err instanceof OutlineEditError) throw new OutlineEditError(err.message, k);
      throw err;
    }
  });
  return applyLevels(current, choices.levels);
}

/** The document's text in reading order: each section's marker and heading, its task values
 *  (a task table's row), its blocks, its children. Every edit leaves it unchanged except that a merged heading becomes a paragraph. */
export function readingOrderText(doc: Pick<ImportedDocument, 'notice' | 'preamble' | 'sections'>): string[] {
  const out: string[] = [...doc.notice.map(blockText), ...doc.preamble.map(blockText)];
  for (const s of allSections(doc.sections)) {
    const head = `${s.numbering}${s.heading}`;
    if (head.trim() !== '') out.push(head);
    const cells = taskCells(s);
    if (cells.length) out.push(cells.join('\t'));
    out.push(...s.blocks.map(blockText));
  }
  return out;
}
