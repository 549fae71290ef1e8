// The API contract: every method the renderer may call, with its argument and result types.
// Adding a method: add it here and to API_METHODS, give it an argument schema in schemas.ts,
// a service in electron/core, a line in the core router, and use it in the renderer. The
// preload and the HTTP server pick it up from API_METHODS by themselves.
import type { Initiative, PlanList, PlanMeta, Theme } from '../domain/plan';
import type {
  InitiativeFields,
  InitiativeRow,
  SavedView,
  StatusOption,
  StatusOptionsRecord,
  TableColumnId,
  TablePage,
  TableQuery,
  TableViewState,
} from '../domain/table';
import type { PlanTranslation } from '../domain/translation';
import type { Result } from './result';
import { STORAGE_METHODS, type StorageMethods } from './storage';

export type HostKind = 'desktop' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  host: HostKind;
}

export interface PlanSummary {
  id: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  themeCount: number;
  initiativeCount: number;
}

export interface InitiativeHeading {
  id: string;
  ordinal: number;
  numeral: string;
  headline: string;
}

export interface ThemeOutline extends Theme {
  initiatives: InitiativeHeading[];
}

export interface PlanOutline {
  meta: PlanMeta;
  themes: ThemeOutline[];
  lists: PlanList[];
}

export interface InitiativeDetail {
  initiative: Initiative;
  theme: Theme;
  planId: string;
  /** Lists the initiative's text states (e.g. the 8 emerging industries). */
  lists: PlanList[];
  previousId: string | null;
  nextId: string | null;
}

export type UiLanguage = 'zh' | 'en';

/** A theme's initiatives counted by status, and the reader's notes and highlights on it. */
export interface DashboardTheme {
  themeId: string;
  ordinal: number;
  headline: string;
  /** Count per status key; `none` counts initiatives without a status. */
  byStatus: Record<string, number>;
  notes: number;
  highlights: number;
}

export interface UpcomingDeadline {
  initiativeId: string;
  shortId: string;
  headline: string;
  deadline: string;
  status: string | null;
}

export interface Dashboard {
  planId: string;
  themes: DashboardTheme[];
  /** Deadlines on or after `today`, soonest first (at most 10). */
  upcoming: UpcomingDeadline[];
  /** Deadlines before `today` on initiatives not marked done. */
  overdue: UpcomingDeadline[];
  /** Initiatives of the plan with a deadline, whatever its date and status (the lists above
   *  leave out passed deadlines on done work and stop at their limit). */
  deadlineCount: number;
}

/** A tag in use and on how many initiatives. */
export interface TagCount {
  tag: string;
  count: number;
}

/** Reader preferences and UI state kept between launches. */
export const SETTING_KEYS = [
  'ui.lastInitiative',
  'ui.language',
  'ui.theme',
  'ui.readingMode',
  'ui.readingSize',
  'ui.view',
  'ui.tableState',
  'ui.cjkPunctuation',
  'ui.outlineHidden',
  'ui.outlineWidth',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

type NoArgs = Record<string, never>;

export interface ApiMethods extends StorageMethods {
  'app.info': { args: NoArgs; result: AppInfo };
  'plan.list': { args: NoArgs; result: PlanSummary[] };
  'plan.get': { args: { planId: string }; result: PlanOutline };
  'initiative.get': { args: { initiativeId: string }; result: InitiativeDetail };
  'settings.get': { args: { key: SettingKey }; result: string | null };
  'settings.set': { args: { key: SettingKey; value: string | null }; result: null };
  'plan.translation': { args: { planId: string; language: string }; result: PlanTranslation | null };
  'table.query': { args: TableQuery; result: TablePage };
  /** Rows by id, in the order given (for selection: copy, packets). */
  'table.rows': { args: { ids: string[] }; result: InitiativeRow[] };
  'table.exportCsv': {
    args: { query: Omit<TableQuery, 'offset' | 'limit'>; columns: TableColumnId[]; language: UiLanguage; ids?: string[] };
    result: { fileName: string; csv: string };
  };
  // Writes of user records name the revision they were made on (`baseRevision`; 0 for a record
  // that did not exist yet). A stale one is refused with CONFLICT carrying `conflict`, the
  // record as stored now, and changes nothing.
  'initiative.update': {
    args: { initiativeId: string; baseRevision: number; patch: Partial<InitiativeFields> };
    result: InitiativeRow;
    conflict: InitiativeRow;
  };
  'status.options': { args: NoArgs; result: StatusOptionsRecord };
  'status.setOptions': {
    args: { options: StatusOption[]; baseRevision: number };
    result: StatusOptionsRecord;
    conflict: StatusOptionsRecord;
  };
  /** Every tag in use, most used first (suggestions for the tag editor). */
  'tags.list': { args: NoArgs; result: TagCount[] };
  'view.list': { args: NoArgs; result: SavedView[] };
  /** Without id: creates a view (baseRevision 0). With id: replaces that view. */
  'view.save': {
    args: { id?: number; baseRevision: number; name: string; state: TableViewState };
    result: SavedView;
    /** null: the view was deleted meanwhile. */
    conflict: SavedView | null;
  };
  'view.delete': { args: { id: number; baseRevision: number }; result: null; conflict: SavedView | null };
  'dashboard.get': { args: { planId: string; today: string }; result: Dashboard };
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];
/** What a stale write of M gets back with its CONFLICT: the record as stored now. */
export type ApiConflict<M extends ApiMethod> = ApiMethods[M] extends { conflict: infer C } ? C : never;

/** Every method name, as a plain list the preload and server can iterate without schemas. */
export const API_METHODS = [
  'app.info',
  'plan.list',
  'plan.get',
  'initiative.get',
  'settings.get',
  'settings.set',
  'plan.translation',
  'table.query',
  'table.rows',
  'table.exportCsv',
  'initiative.update',
  'status.options',
  'status.setOptions',
  'tags.list',
  'view.list',
  'view.save',
  'view.delete',
  'dashboard.get',
  ...STORAGE_METHODS,
] as const satisfies readonly ApiMethod[];

// Compile-time guarantee that API_METHODS names every method of ApiMethods.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/** What a host transport exposes: one function per method, each resolving to a Result. */
export type ApiBridge = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<Result<ApiResult<M>>>;
};

/** IPC channel for a method. */
export const ipcChannel = (method: ApiMethod): string => `briefbook:${method}`;

/** Name of the object the preload puts on `window`. */
export const BRIDGE_GLOBAL = 'briefbook';
