// The one document model every plan becomes, whatever its source format: metadata → a tree of
// sections of any depth → blocks with their canonical text. The importers (txt/md, html, docx,
// pdf) only produce lines and tables; one shared outline step turns those into this tree.
//
// Which section level the reader sees as "themes" and which as the table's rows ("items") is a
// property of the plan (`levels`), chosen at import: a level is named by its numbering kind
// (一、 is `cn-comma`, （一） `cn-paren`, …), because in Chinese official documents a marker
// style *is* a level, while depth varies (1. may sit directly under 一、 when （一） is skipped).
//
// Ids. Every section and block gets an id at import that does not depend on its position:
// a short hash of its kind and text (the heading and body for a section, the canonical text
// for a block), with `-2`, `-3`… appended in document order when two are identical. Why a
// content hash rather than random ids: importing the same file twice gives the same ids, so a
// repeated dry run is byte-identical and a re-import of an unchanged file is recognisable;
// why not the numbering or position: inserting 二、 before the old 二、 renumbers everything
// after it, and the reader's notes must not slide onto a neighbour. The ids are assigned once;
// a later version of the plan inherits them by matching text (numbering and headline, then body
// similarity), not by recomputing the hash, so an edited item keeps its id.

/** How a heading is numbered, as a level: one kind per marker style. */
export type LevelKind =
  | 'notice' // the notice or decree that issues the plan (关于印发…的通知)
  | 'attachment' // 附件 / 附件1
  | 'part' // 第一篇 / 第一编
  | 'chapter' // 第一章
  | 'section' // 第一节
  | 'article' // 第一条 (laws and regulations: usually no heading, the text follows)
  | 'headline' // an unnumbered headline paragraph (the embedded article's themes)
  | 'cn-comma' // 一、
  | 'decimal-1' // 1 总则 (decimal outline, emergency plans)
  | 'decimal-2' // 1.1
  | 'decimal-3' // 1.1.1
  | 'decimal-4' // 1.1.1.1
  | 'di-comma' // 第一、
  | 'cn-paren' // （一）
  | 'arabic' // 1. / 1． / 1、
  | 'arabic-paren' // （1）
  | 'circled' // ①
  | 'task'; // a row of an implementation-task table (序号 / 任务 / 牵头单位 / …)

export interface DocumentMetadata {
  /** The plan's own title (for a notice that issues a plan: the plan's, not the notice's). */
  title: string | null;
  /** Issuing body (发文机关), e.g. 国务院办公厅. */
  issuer: string | null;
  /** Document number as written, e.g. 浙政发〔2024〕5号. */
  docNumber: string | null;
  /** Date as ISO `YYYY-MM-DD` when the text gives one (成文日期 or publication date). */
  date: string | null;
  /** The date exactly as written, e.g. 2024年3月5日 or 2024-05-11 15:55:53. */
  dateText: string | null;
  /** Where the text says it comes from (来源), e.g. 杭州日报. */
  source: string | null;
  /** Title of the notice that wraps the plan, when there is one. */
  noticeTitle: string | null;
  /** Addressees (主送机关) of a notice, without the final colon. */
  addressees: string | null;
  /** Publication note such as 此件公开发布, without brackets. */
  publicationNote: string | null;
  /** Column, author, editor, graphics credit and tags of a newspaper article, when printed. */
  column: string | null;
  author: string | null;
  editor: string | null;
  graphics: string | null;
  authorNote: string | null;
  tags: string[];
  /** Attachments the text lists (附件：1．…), by name. */
  attachments: string[];
}

/** The plan's own values of an item from an implementation-task table. */
export interface TaskFields {
  /** 牵头单位, as written. */
  lead: string | null;
  /** 责任单位 / 配合单位, as written. */
  responsible: string | null;
  /** 完成时限 / 时间节点, free text (2024年底前, 持续推进). */
  deadline: string | null;
  /** 进展, when the table has it. */
  progress: string | null;
}

export interface ParagraphBlock {
  id: string;
  type: 'paragraph';
  text: string;
}

/** An item of a run inside a paragraph (一是…二是…) or of a clause list (（一） in an article). */
export interface ListItemBlock {
  id: string;
  type: 'list-item';
  /** The marker as written, e.g. 一是 or （二）. */
  marker: string;
  ordinal: number | null;
  /** The item's text without its marker. */
  text: string;
}

export interface TableRowBlock {
  id: string;
  type: 'table-row';
  header: boolean;
  cells: string[];
}

export type Block = ParagraphBlock | ListItemBlock | TableRowBlock;

export interface Section {
  id: string;
  kind: LevelKind;
  /** The marker as written (一、, （三）, 第二章, 1.1, 附件1); "" for an unnumbered heading. */
  numbering: string;
  /** The number the marker stands for, when it has one. */
  ordinal: number | null;
  /** Heading text without the marker; "" when the level has none (第一条). */
  heading: string;
  blocks: Block[];
  children: Section[];
  /** Present on `task` sections: the task table's own columns. */
  task?: TaskFields;
}

/** An enumeration with a stated count (8大新兴产业 followed or preceded by its items). */
export interface Enumeration {
  /** Section whose text states it. */
  sectionId: string;
  /** What is counted, e.g. 新兴产业. */
  label: string;
  statedCount: number;
  items: string[];
}

export type WarningCode =
  | 'skipped-number' // （三） follows （一）
  | 'count-mismatch' // 8大… lists 7 items
  | 'unplaced-text' // text the outline could not place (shown, not dropped)
  | 'no-headings' // nothing looked like a heading: a flat import
  | 'reader'; // a format reader's own note (an unreadable table cell, an image left out)

/** Where a warning is, in terms a reader of the document understands (not the reader's internal
 *  block numbers): the page of a PDF, the line of a text file, the section it sits under and
 *  which paragraph of it. Each part is null when it does not apply or is not known. */
export interface WarningPlace {
  page: number | null;
  line: number | null;
  /** The section it sits under, as written (numbering and heading, shortened); null for the
   *  document's top level. */
  section: string | null;
  /** 1-based paragraph of that section's own text, when the warning is about one paragraph. */
  paragraph: number | null;
}

/** What each warning says, as data, so the UI can say it in the reader's language. */
export type WarningParams =
  | {
      code: 'skipped-number';
      /** The heading whose number is out of sequence: its marker as written and its heading (shortened). */
      numbering: string;
      heading: string;
      /** The marker of the sibling it follows; null when it is the first at its level. */
      previous: string | null;
    }
  | { code: 'count-mismatch'; stated: number; label: string; listed: number; items: string[] }
  | { code: 'unplaced-text'; text: string; after: 'signature' | 'source-line' }
  | { code: 'no-headings' }
  | { code: 'reader'; note: 'list-numbering' };

export type ImportWarning = {
  [C in WarningCode]: {
    code: C;
    /** The same in English, for the command line and logs. */
    message: string;
    /** Where in the source, e.g. `line 12`, `block 10` or `page 3`, when known (the command line's). */
    at: string | null;
    params: Omit<Extract<WarningParams, { code: C }>, 'code'>;
    place: WarningPlace | null;
  };
}[WarningCode];

/** A warning's place from the reader's position (`page 3`, `line 12`; an HTML block number is
 *  not something a reader can find, so it is left out) and the section it sits under. */
export function warningPlace(at: string | null, section: string | null, paragraph: number | null = null): WarningPlace {
  const m = /^(page|line) (\d+)$/.exec(at ?? '');
  const n = m ? Number(m[2]) : null;
  return { page: m?.[1] === 'page' ? n : null, line: m?.[1] === 'line' ? n : null, section, paragraph };
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface ImportedDocument {
  metadata: DocumentMetadata;
  /** Which kinds the reader sees as themes and as items; null when the plan has no such level. */
  levels: { theme: LevelKind | null; item: LevelKind | null };
  /** The notice's own text when the plan arrives inside one; empty otherwise. */
  notice: Block[];
  /** Text before the first heading (a lead paragraph, a preamble). */
  preamble: Block[];
  sections: Section[];
  enumerations: Enumeration[];
  warnings: ImportWarning[];
  source: { fileName: string; format: SourceFormat; encoding: string | null; sha256: string };
}

/** The outline as the dry run prints it: headings only, numbering as written. */
export interface OutlineNode {
  numbering: string;
  heading: string;
  children: OutlineNode[];
}

export function outlineOf(sections: readonly Section[]): OutlineNode[] {
  return sections.map((s) => ({ numbering: s.numbering, heading: s.heading, children: outlineOf(s.children) }));
}

/** Every section of a tree, depth first in document order. */
export function* allSections(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}

/** Canonical text of a block, the text highlights and search refer to. */
export function blockText(block: Block): string {
  if (block.type === 'table-row') return block.cells.join('\t');
  if (block.type === 'list-item') return `${block.marker}${block.text}`;
  return block.text;
}
