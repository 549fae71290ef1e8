// The API contract: every method the renderer may call, with its argument and result types.
// Adding a method: add it here and to API_METHODS, give it an argument schema in schemas.ts,
// a service in electron/core, a line in the core router, and use it in the renderer. The
// preload and the HTTP server pick it up from API_METHODS by themselves.
import type { Initiative, PlanList, PlanMeta, Theme } from '../domain/plan';
import type { Result } from './result';

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

/** Reader preferences and UI state kept between launches. */
export const SETTING_KEYS = ['ui.lastInitiative', 'ui.language', 'ui.theme'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

type NoArgs = Record<string, never>;

export interface ApiMethods {
  'app.info': { args: NoArgs; result: AppInfo };
  'plan.list': { args: NoArgs; result: PlanSummary[] };
  'plan.get': { args: { planId: string }; result: PlanOutline };
  'initiative.get': { args: { initiativeId: string }; result: InitiativeDetail };
  'settings.get': { args: { key: SettingKey }; result: string | null };
  'settings.set': { args: { key: SettingKey; value: string | null }; result: null };
}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];

/** Every method name, as a plain list the preload and server can iterate without schemas. */
export const API_METHODS = [
  'app.info',
  'plan.list',
  'plan.get',
  'initiative.get',
  'settings.get',
  'settings.set',
] as const satisfies readonly ApiMethod[];

// Compile-time guarantee that API_METHODS names every method of ApiMethods.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

/** Methods that change stored state; hosts may apply stricter checks to them. */
export const MUTATING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['settings.set']);

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
