// Domain types of a plan's own content. Plan content is read-only to the reader; their own
// work (status, notes, highlights…) lives in separate user-data types and tables.

/** Metadata of a plan, as printed around the article. Absent fields are null, never guessed. */
export interface PlanMeta {
  /** Stable id chosen by the importer's caller, e.g. `hz-2024`. */
  id: string;
  title: string;
  /** Column or section the article appeared in (e.g. 杭州有理); page chrome carries it. */
  column: string | null;
  /** Publication time exactly as printed, `YYYY-MM-DD HH:MM:SS` (local time of the source). */
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  /** Credit for graphics (制图), when printed. */
  graphics: string | null;
  tags: string[];
  /** The theme line quoted in the lead, e.g. 深化改革、强基固本. */
  themeLine: string | null;
  lead: string;
  /** The author note, e.g. 作者系…, without its brackets. */
  authorNote: string | null;
  language: string;
}

export interface Theme {
  /** e.g. `hz-2024/T3` */
  id: string;
  planId: string;
  /** 1-based position in the plan. */
  ordinal: number;
  headline: string;
}

export interface Initiative {
  /** e.g. `hz-2024/T3/I3` */
  id: string;
  themeId: string;
  ordinal: number;
  /** The ordinal as printed, e.g. 第一. */
  numeral: string;
  /** The headline sentence without its closing 。 */
  headline: string;
  /** Body text after the headline sentence. */
  body: string;
}

export interface ListItem {
  /** e.g. `hz-2024/L1/3` */
  id: string;
  listId: string;
  ordinal: number;
  text: string;
}

/** An enumeration with a stated count inside an initiative, e.g. 8大新兴产业. */
export interface PlanList {
  /** e.g. `hz-2024/L1` */
  id: string;
  planId: string;
  /** Initiative whose text states the list. */
  initiativeId: string;
  ordinal: number;
  /** What is enumerated, e.g. 新兴产业. */
  label: string;
  /** The count the text states (8 in 8大新兴产业); the importer checks it against the items. */
  statedCount: number;
  items: ListItem[];
}

/** A whole plan as the importer produces it and the database stores it. */
export interface PlanDocument {
  meta: PlanMeta;
  themes: Theme[];
  initiatives: Initiative[];
  lists: PlanList[];
}
