// The plan library: every plan the reader has, with their own title and tags on it, and a
// trash. Renaming, tagging and trashing are the reader's records (with revisions); the plan's
// own text and metadata never change by them.
import type { SourceFormat } from '../../domain/document';

export interface LibraryEntry {
  id: string;
  /** The reader's name for the plan, or the plan's own title when they gave none. */
  title: string;
  /** The plan's own title, as imported. */
  originalTitle: string;
  issuer: string | null;
  /** e.g. 浙政发〔2024〕5号 */
  docNumber: string | null;
  /** ISO date of the plan when its text gives one. */
  date: string | null;
  /** 'embedded' for the plan Briefbook ships with. */
  format: SourceFormat | 'embedded';
  fileName: string | null;
  importedAt: string;
  themeCount: number;
  itemCount: number;
  /** The reader's progress: items with any status, and items marked done. */
  progress: { withStatus: number; done: number };
  tags: string[];
  /** ISO time it went to the trash; null when it is in the library. */
  trashedAt: string | null;
  /** Revision of the reader's record on the plan (0: never touched). */
  revision: number;
  /** How many of the reader's values (fields, tags, notes, highlights) are on its items. */
  readerValues: number;
  /** Languages the plan has a translation into. */
  translations: string[];
  /** For a plan with versions (version.list lists them): its number and how many there are.
   *  The library lists a lineage once, by its current version. */
  version?: { number: number; count: number };
}

export interface LibraryMethods {
  /** Every plan, newest first, versions superseded by a newer one left out; `trash: true`
   *  lists the trash instead. */
  'library.list': { args: { trash?: boolean }; result: LibraryEntry[] };
  /** Rename (null title: back to the plan's own) or retag. */
  'library.update': {
    args: { planId: string; baseRevision: number; patch: { title?: string | null; tags?: string[] } };
    result: LibraryEntry;
    conflict: LibraryEntry;
  };
  /** Moves a plan to the trash; a plan carrying reader values needs `confirm: true`. */
  'library.trash': {
    args: { planId: string; baseRevision: number; confirm?: boolean };
    result: LibraryEntry;
    conflict: LibraryEntry;
  };
  'library.restore': { args: { planId: string; baseRevision: number }; result: LibraryEntry; conflict: LibraryEntry };
  /** Deletes a trashed plan's text. The reader's records stay (keyed by the items' ids), so
   *  importing the same file again brings them back. */
  'library.purge': { args: { planId: string; baseRevision: number }; result: null; conflict: LibraryEntry };
}

export const LIBRARY_METHODS = [
  'library.list',
  'library.update',
  'library.trash',
  'library.restore',
  'library.purge',
] as const satisfies readonly (keyof LibraryMethods)[];
