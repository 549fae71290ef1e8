// What the rest of the app reads of an imported plan: the document tree seen as themes and
// initiatives (the reading view, the table, the dashboard and search all read those tables).
// The plan says which section kind is a theme and which an item (ImportedDocument.levels):
// - an item is an item-level section; its body is the canonical text of its blocks and of
//   every section below it (a nested section's line is its marker and heading);
// - its theme is its nearest theme-level ancestor; items with none (or every item, when the
//   plan has no theme level) go under one synthetic theme headed by the plan's title;
// - themes without items are not shown as themes (their text stays in the tree);
// - a plan with no item level at all gets one item holding its sections' text, so every
//   stored plan can be read and annotated;
// - enumerations with a stated count become lists of the item whose text states them.
// Ids are the tree's: an item's id is its section's id, a theme's its section's.
import type { Block, ImportedDocument, Section } from '../../../shared/domain/document';
import { blockText } from '../../../shared/domain/document';
import type { Initiative, PlanDocument, PlanList, PlanMeta, Theme } from '../../../shared/domain/plan';

/** The synthetic theme's hash part: the importer's hashes are 10 hex digits of SHA-256 and
 *  never all zero in practice, so this cannot collide with a section of the plan. */
export const SYNTHETIC_THEME = 's0000000000';
/** Likewise the one item of a plan with no item level. */
export const SYNTHETIC_ITEM = 's0000000001';

// The theme line quoted in a lead, as newspaper commentaries state it (“深化改革、强基固本”主题主线).
const THEME_LINE = /“([^”]+)”主题主线/;
// A date as written that is already sortable as text (the article's 2024-05-11 15:55:53).
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;
// The separator after a marker (一、 第一、 1. 1．): the reading view puts a space there instead.
const MARKER_SEPARATOR = /[、．.,，]\s*$/;
const FIRST_SENTENCE = /^[^。；;！？!?]{1,60}/;

export interface ProjectionIds {
  /** Final id of a section of the tree (its hash id, or one inherited). */
  section(hashId: string): string;
  /** Final id of the k-th (1-based) enumeration stated in a section. */
  list(hashId: string, k: number): string;
  planId: string;
}

export function blocksText(blocks: readonly Block[]): string[] {
  return blocks.map(blockText);
}

/** Canonical text of a section below an item: its marker and heading line, then its blocks. */
function sectionLines(s: Section): string[] {
  const head = `${s.numbering}${s.heading}`;
  return [...(head ? [head] : []), ...blocksText(s.blocks), ...s.children.flatMap(sectionLines)];
}

export function numeralOf(numbering: string): string {
  return numbering.replace(MARKER_SEPARATOR, '');
}

export function planTitle(doc: ImportedDocument): string {
  return doc.metadata.title ?? doc.source.fileName.replace(/\.[^.]+$/, '');
}

export function projectPlan(doc: ImportedDocument, ids: ProjectionIds): PlanDocument {
  const { planId } = ids;
  const title = planTitle(doc);
  const lead = blocksText(doc.preamble).join('\n');
  const m = doc.metadata;
  const meta: PlanMeta = {
    id: planId,
    title,
    column: m.column,
    publishedAt: m.dateText && ISO_LIKE.test(m.dateText) ? m.dateText : m.date,
    source: m.source,
    author: m.author,
    editor: m.editor,
    graphics: m.graphics,
    tags: m.tags,
    themeLine: THEME_LINE.exec(lead)?.[1] ?? null,
    lead,
    authorNote: m.authorNote,
    language: 'zh',
  };

  const themes: Theme[] = [];
  const initiatives: Initiative[] = [];
  const themeOf = new Map<string, Theme>();
  const itemOfSection = new Map<string, string>();
  const itemsIn = new Map<string, number>();
  const syntheticId = `${planId}/${SYNTHETIC_THEME}`;

  const themeFor = (section: Section | null): Theme => {
    const id = section ? ids.section(section.id) : syntheticId;
    let theme = themeOf.get(id);
    if (!theme) {
      theme = { id, planId, ordinal: themes.length + 1, headline: section ? section.heading || section.numbering : title };
      themes.push(theme);
      themeOf.set(id, theme);
    }
    return theme;
  };
  const addItem = (s: Section, theme: Theme): void => {
    const id = ids.section(s.id);
    const body = [...blocksText(s.blocks), ...s.children.flatMap(sectionLines)].join('\n');
    const ordinal = (itemsIn.get(theme.id) ?? 0) + 1;
    itemsIn.set(theme.id, ordinal);
    const headline = s.heading || FIRST_SENTENCE.exec(body)?.[0] || s.numbering;
    initiatives.push({
      id,
      themeId: theme.id,
      ordinal,
      numeral: numeralOf(s.numbering),
      headline,
      body,
    });
    markAll(s, id, itemOfSection);
  };
  const walk = (sections: readonly Section[], theme: Section | null): void => {
    for (const s of sections) {
      if (doc.levels.item !== null && s.kind === doc.levels.item) addItem(s, themeFor(theme));
      else walk(s.children, doc.levels.theme !== null && s.kind === doc.levels.theme ? s : theme);
    }
  };
  walk(doc.sections, null);

  if (doc.levels.item === null && doc.sections.length > 0) {
    const body = doc.sections.flatMap(sectionLines).join('\n');
    const theme = themeFor(null);
    const id = `${planId}/${SYNTHETIC_ITEM}`;
    initiatives.push({ id, themeId: theme.id, ordinal: 1, numeral: '', headline: title, body });
    for (const s of doc.sections) markAll(s, id, itemOfSection);
  }

  const lists: PlanList[] = [];
  const perSection = new Map<string, number>();
  for (const e of doc.enumerations) {
    const k = (perSection.get(e.sectionId) ?? 0) + 1;
    perSection.set(e.sectionId, k);
    const initiativeId = itemOfSection.get(e.sectionId);
    // Stated in text that belongs to no item (a preamble, a theme's own paragraph): the text
    // is stored in the tree, but a list needs an item to belong to.
    if (!initiativeId) continue;
    const id = ids.list(e.sectionId, k);
    lists.push({
      id,
      planId,
      initiativeId,
      ordinal: lists.length + 1,
      label: e.label,
      statedCount: e.statedCount,
      items: e.items.map((text, n) => ({ id: `${id}/${n + 1}`, listId: id, ordinal: n + 1, text })),
    });
  }
  return { meta, themes, initiatives, lists };
}

function markAll(s: Section, itemId: string, into: Map<string, string>): void {
  into.set(s.id, itemId);
  for (const c of s.children) markAll(c, itemId, into);
}
