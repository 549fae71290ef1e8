// The initiative table: the reader's own fields on an initiative, the rows the table shows,
// and the query and view state that drive it. The core runs sorting, filtering, grouping and
// paging in SQL; the renderer only describes what it wants.

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A status the reader can give an initiative. The list is configurable; keys are stable. */
export interface StatusOption {
  key: string;
  label: { zh: string; en: string };
}

export const DEFAULT_STATUS_OPTIONS: readonly StatusOption[] = [
  { key: 'not_started', label: { zh: '未开始', en: 'Not started' } },
  { key: 'in_progress', label: { zh: '进行中', en: 'In progress' } },
  { key: 'done', label: { zh: '已完成', en: 'Done' } },
  { key: 'watching', label: { zh: '关注中', en: 'Watching' } },
];

/** The reader's own fields on an initiative (user data; the plan's text is never editable). */
export interface InitiativeFields {
  status: string | null;
  priority: Priority | null;
  /** 牵头单位 */
  leadUnit: string | null;
  /** 责任单位 */
  responsibleUnits: string | null;
  /** 完成时限, `YYYY-MM-DD` */
  deadline: string | null;
  /** 进展 */
  progressNote: string | null;
  tags: string[];
}

export interface InitiativeRow extends InitiativeFields {
  id: string;
  planId: string;
  /** The plan's title as the reader sees it: their rename of the plan, else its own title. */
  planTitle: string;
  themeId: string;
  themeOrdinal: number;
  themeHeadline: string;
  ordinal: number;
  numeral: string;
  headline: string;
  /** e.g. `T3·I3` */
  shortId: string;
  highlightCount: number;
  noteCount: number;
  /** Last time the reader changed anything on this initiative (ISO 8601), or null. */
  touchedAt: string | null;
  /** Items of the lists this initiative states (e.g. its industries). */
  industries: string[];
  /** Revision of the reader's fields (tags included) on this initiative: 0 until the reader
   *  first changes one, then one more with every stored change. An update names it. */
  revision: number;
}

export const TABLE_COLUMNS = [
  'shortId',
  'plan',
  'theme',
  'headline',
  'status',
  'priority',
  'leadUnit',
  'responsibleUnits',
  'deadline',
  'progressNote',
  'tags',
  'highlightCount',
  'noteCount',
  'touchedAt',
  'industries',
] as const;
export type TableColumnId = (typeof TABLE_COLUMNS)[number];

/** Columns the table can sort by (all but the list-valued ones). A literal tuple, so a schema
 *  can enumerate it; the check below keeps it equal to TABLE_COLUMNS minus tags and industries. */
export const SORTABLE_COLUMNS = [
  'shortId',
  'plan',
  'theme',
  'headline',
  'status',
  'priority',
  'leadUnit',
  'responsibleUnits',
  'deadline',
  'progressNote',
  'highlightCount',
  'noteCount',
  'touchedAt',
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];
type ExpectedSortable = Exclude<TableColumnId, 'tags' | 'industries'>;
const sortableIsComplete: [Exclude<ExpectedSortable, SortableColumn>, Exclude<SortableColumn, ExpectedSortable>] extends [
  never,
  never,
]
  ? true
  : false = true;
void sortableIsComplete;

/** pinyin = Intl.Collator('zh'); stroke = Intl.Collator('zh-u-co-stroke'). */
export type Collation = 'pinyin' | 'stroke';

export interface TableSort {
  column: SortableColumn;
  desc: boolean;
}

export const TEXT_FILTER_COLUMNS = ['headline', 'leadUnit', 'responsibleUnits', 'progressNote', 'industries'] as const;
export type TextFilterColumn = (typeof TEXT_FILTER_COLUMNS)[number];

/** Faceted filters: a row passes when its value is one of the chosen ones (null = unset). */
export interface TableFilters {
  /** Plans to list (among those in scope); all when absent or empty. */
  planIds?: string[];
  themeIds?: string[];
  statuses?: (string | null)[];
  priorities?: (Priority | null)[];
  /** A row passes when it has every chosen tag. */
  tags?: string[];
  /** Substring filters per text column. */
  text?: Partial<Record<TextFilterColumn, string>>;
}

export type GroupBy = 'theme' | 'status' | null;

export interface TableQuery {
  /** Restrict to one plan; when absent, every plan not in the trash. */
  planId?: string;
  sort: TableSort[];
  collation: Collation;
  /** Global filter: substring over headline, body, theme and the reader's fields. */
  search: string;
  filters: TableFilters;
  groupBy: GroupBy;
  offset: number;
  /** At most 500. */
  limit: number;
  /** false skips the facet counts (facets come back empty): the table does, and asks
   *  table.facets for one facet when its menu opens. Default true. */
  facets?: boolean;
  /** true: the total counted exactly even when a search has many hits (otherwise it may be an
   *  estimate, TablePage.totalExact false). */
  exactTotal?: boolean;
  /** With groupBy: groups (keys) the answer describes too wherever their rows are, so that the
   *  groups the reader folded stay folded in a new query (TablePage.groups). */
  groupKeys?: (string | null)[];
  /** With groupBy: the stamp of the layout whose counts the asker holds (TablePage.groupLayout).
   *  While the core's layout of this query still has that stamp (nothing written since), the
   *  answer leaves the counts out (groupCounts null); any other stamp gets them. */
  groupLayout?: string;
}

/** The faceted columns, as TablePage.facets names them. */
export const FACET_NAMES = ['plan', 'theme', 'status', 'priority', 'tags'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface FacetCount {
  /** The filter value (theme id, status key, priority, tag); null counts unset values. */
  value: string | null;
  /** The theme's headline for themes; otherwise the value itself ('' for null): the renderer
   *  labels statuses (status.options) and priorities (its catalogue) in the reader's language. */
  label: string;
  count: number;
  /** Themes only: the plan the theme belongs to (the filter lists themes under their plans). */
  planId?: string;
  /** Themes only: that plan's title as the reader sees it (the heading themes are listed under). */
  planTitle?: string;
}

/** Themes the table's theme menu lists at most (table.facets' limit). */
export const THEME_MENU_LIMIT = 100;
/** Plans the table's plan menu lists at most (table.facets' limit). */
export const PLAN_MENU_LIMIT = 100;
/** The menus that list a limited number of values and find the rest by what the reader types;
 *  every other facet's menu lists its values whole. */
export const FACET_MENU_LIMITS: Partial<Record<FacetName, number>> = { theme: THEME_MENU_LIMIT, plan: PLAN_MENU_LIMIT };

/** A facet's values as its menu lists them (table.facets): at most the limit asked for (the
 *  values with the most rows, plus the chosen ones), and how many more values there are in
 *  scope (matching the text asked for, if any). */
export interface FacetList {
  entries: FacetCount[];
  /** Values left out by the limit (0: every value is listed). */
  more: number;
}

export interface TableGroup {
  /** Theme id or status key; null = no status. */
  key: string | null;
  /** As FacetCount.label. */
  label: string;
  count: number;
  /** Its place among the query's groups in display order (TablePage.groupCounts). */
  index: number;
  /** Its first row's place among the query's rows. */
  firstRow: number;
  /** Theme groups only: the theme's plan. */
  planId?: string;
  /** Theme groups only: that plan's title as the reader sees it. */
  planTitle?: string;
}

export interface TablePage {
  rows: InitiativeRow[];
  /** Rows matching the query, before paging: exact when totalExact, else an estimate. */
  total: number;
  /** false when a search with many hits was answered without counting them all (its first
   *  pages): total is then an estimate, shown as "about N". A page that ends the rows, one at
   *  the estimated end and a query with exactTotal give the exact total. */
  totalExact: boolean;
  /** Counts per facet value under every other active filter (a facet's own selection is not
   *  applied to its counts). plan: the plans in scope (not in the trash) some row has, plus the
   *  chosen ones, by title, labelled with the title the reader sees; theme: likewise the themes
   *  some row has plus the chosen ones, plan by plan (by title) in theme order; status:
   *  the configured options in order, then any other key in use, then null; priority: high,
   *  medium, low, null; tags: tags counted above zero plus the chosen ones, most used first. */
  facets: { plan: FacetCount[]; theme: FacetCount[]; status: FacetCount[]; priority: FacetCount[]; tags: FacetCount[] };
  /** With groupBy: the groups the page's rows are in, and those named in the query's groupKeys
   *  (the reader's folded groups), in display order. At a million initiatives grouped by theme
   *  there are about 100,000 groups: each page names its own, and groupCounts places them all. */
  groups: TableGroup[];
  /** With groupBy: every group's row count in display order (rows come grouped; empty groups
   *  left out), so that the renderer lays out every header line; empty without groupBy. null
   *  when the query named this layout's stamp (groupLayout): the asker holds these counts (at
   *  100,000 groups they are about 400 kB of JSON, resent with every page otherwise). */
  groupCounts: number[] | null;
  /** With groupBy: the stamp of the layout (the groups and their counts), which a later query
   *  names to be answered without the counts while it holds. Opaque; absent without groupBy. */
  groupLayout?: string;
  /** Theme groups from more than one plan (their headers then name their plan). */
  groupsAcrossPlans: boolean;
}

/** Everything a saved view restores. */
export interface TableViewState {
  sort: TableSort[];
  collation: Collation;
  search: string;
  filters: TableFilters;
  groupBy: GroupBy;
  columns: {
    order: TableColumnId[];
    hidden: TableColumnId[];
    sizes: Partial<Record<TableColumnId, number>>;
  };
}

export interface SavedView {
  id: number;
  name: string;
  state: TableViewState;
  createdAt: string;
  updatedAt: string;
  /** 1 when created, one more with every stored change; a save or delete names it. */
  revision: number;
}

/** The configured statuses and the revision of that list (0: the defaults, never saved). */
export interface StatusOptionsRecord {
  options: StatusOption[];
  revision: number;
}
