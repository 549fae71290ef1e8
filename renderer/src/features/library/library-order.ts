// How the library lists its plans: newest first by default (the last imported on top), or by
// the plan's own date, or by title, where Chinese titles sort by pinyin (Intl.Collator('zh'),
// the table's "pinyin" order), Latin titles after them as that collation has it. A filter matches
// title, original title, issuer, document number and tags as plain substrings (case-insensitive).
import type { LibraryEntry } from '../../../../shared/api/library/methods';

export const LIBRARY_SORTS = ['imported', 'date', 'title'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export function isLibrarySort(value: string | null): value is LibrarySort {
  return value !== null && (LIBRARY_SORTS as readonly string[]).includes(value);
}

// Made on first use, not when the module is evaluated: the app bar's plan picker brings this
// module into the first screen's script, which sorts nothing, and the first Chinese collator of
// a renderer process loads ICU's collation data (about 150 ms of the first screen at a cold
// start, a few ms when warm).
let pinyinCollator: Intl.Collator | null = null;
const pinyin = () => (pinyinCollator ??= new Intl.Collator('zh', { numeric: true }));

/** Newer ISO strings first; entries without one go last. */
const newestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);

export function sortEntries(entries: readonly LibraryEntry[], sort: LibrarySort): LibraryEntry[] {
  const collator = pinyin();
  const byTitle = (a: LibraryEntry, b: LibraryEntry) => collator.compare(a.title, b.title);
  const order: Record<LibrarySort, (a: LibraryEntry, b: LibraryEntry) => number> = {
    imported: (a, b) => newestFirst(a.importedAt, b.importedAt) || byTitle(a, b),
    date: (a, b) => newestFirst(a.date, b.date) || newestFirst(a.importedAt, b.importedAt) || byTitle(a, b),
    title: (a, b) => byTitle(a, b) || newestFirst(a.importedAt, b.importedAt),
  };
  return entries.toSorted(order[sort]);
}

export function filterEntries(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  return entries.filter((e) =>
    [e.title, e.originalTitle, e.issuer, e.docNumber, ...e.tags].some((text) => text?.toLowerCase().includes(q)),
  );
}

/** An ISO date (YYYY-MM-DD or a full time) in the UI language: 2024年5月11日, May 11, 2024. */
export function formatDate(iso: string, language: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso;
  const date = new Date(day);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en' : 'zh-CN', {
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    // A plan's date has no time: read it as the calendar day it names, wherever the reader is.
    ...(day === iso ? {} : { timeZone: 'UTC' }),
  }).format(date);
}
