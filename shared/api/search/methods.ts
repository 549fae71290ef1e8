// Search everywhere: one full-text index over plan text, its translations, the reader's fields
// and notes, kept up to date in the transaction of every write that changes the text. Hits are
// exactly what a plain substring search over the same texts finds after normalization (NFKC,
// case-folded Latin, full-width and half-width punctuation and digits alike); English words
// also match by prefix, so "reform" finds "reforms". Find in the current item is the
// renderer's own (it searches the text it shows) and needs no method.

/** Where a hit's text lives. */
export type SearchSource = 'plan' | 'translation' | 'notes';

/** The text a hit was found in. */
export type SearchField =
  | 'title'
  | 'theme'
  | 'headline'
  | 'body'
  | 'headline_en'
  | 'body_en'
  | 'fields'
  | 'tags'
  | 'note';

export interface SearchFilters {
  /** Plans (any version) to search; all plans not in the trash when absent or empty. */
  planIds?: string[];
  /** false (default): only the current version of each plan's lineage. */
  allVersions?: boolean;
  themeIds?: string[];
  /** Reader statuses; null means items without a status. */
  statuses?: (string | null)[];
  /** An item passes when it has every tag named (item tags or its annotations' tags). */
  tags?: string[];
  /** Which texts to search; all three when absent or empty. */
  sources?: SearchSource[];
}

export interface SearchQuery {
  /** What the reader typed: words, "quoted phrases", -exclusions. Never a syntax error: an
   *  unclosed quote or a lone '-' is read literally. */
  text: string;
  filters: SearchFilters;
  offset: number;
  /** At most 200. */
  limit: number;
}

/** A stretch of a snippet: marked (matched) or not. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  /** One hit per item (or per plan note / plan title when itemId is null). */
  planId: string;
  planTitle: string;
  /** The lineage's version number of the plan (1 for a plan never revised). */
  version: number;
  themeId: string | null;
  themeHeadline: string | null;
  itemId: string | null;
  /** The numbering as printed (第一, （三）) and the headline, in the plan's language. */
  numeral: string | null;
  headline: string | null;
  /** The fields that matched, best first, each with its snippet (at most 3 snippets). */
  matches: { field: SearchField; source: SearchSource; annotationId?: string; snippet: SnippetPart[] }[];
  /** bm25 with weights: title/headline above body; higher is better. */
  score: number;
}

export interface SearchResult {
  /** Hits in rank order (best first). */
  hits: SearchHit[];
  /** Every hit for the query and filters (not just this page) when totalExact; otherwise an
   *  estimate (a term in most texts is ranked and paged without counting every hit), shown as
   *  "about N". Paging on past it is still correct: a page past the last hit is empty. */
  total: number;
  totalExact: boolean;
  /** The query as it was read: terms, phrases and exclusions after normalization (shown when
   *  the reader's syntax was read literally). */
  parsed: { terms: string[]; phrases: string[]; excluded: string[] };
  /** Set when the query cannot find anything as typed, e.g. only exclusions; hits is empty. */
  message?: 'empty' | 'only-exclusions';
}

export interface SavedSearch {
  id: number;
  name: string;
  query: Pick<SearchQuery, 'text' | 'filters'>;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface SearchMethods {
  'search.query': { args: SearchQuery; result: SearchResult };
  /** The reader's recent searches, newest first (at most 20; a repeat moves to the top). */
  'search.recent': { args: Record<string, never>; result: { text: string; at: string }[] };
  /** Records a search the reader ran (called when they open a result or press Enter). */
  'search.remember': { args: { text: string }; result: null };
  'search.saved.list': { args: Record<string, never>; result: SavedSearch[] };
  /** Without id: creates (baseRevision 0). With id: replaces. A stale revision is a CONFLICT. */
  'search.saved.save': {
    args: { id?: number; baseRevision: number; name: string; query: Pick<SearchQuery, 'text' | 'filters'> };
    result: SavedSearch;
    conflict: SavedSearch | null;
  };
  'search.saved.delete': { args: { id: number; baseRevision: number }; result: null; conflict: SavedSearch | null };
}

export const SEARCH_METHODS = [
  'search.query',
  'search.recent',
  'search.remember',
  'search.saved.list',
  'search.saved.save',
  'search.saved.delete',
] as const satisfies readonly (keyof SearchMethods)[];
