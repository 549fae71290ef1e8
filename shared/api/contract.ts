// The API contract: every method the renderer may call, with its argument and result types,
// registered in one place. Each feature has a folder here with its methods (types and a list
// of names, no zod: the preload imports this) and its argument schemas (schemas.ts, zod, core
// router only). Adding a method: add it to its feature's methods.ts and METHODS list and its
// schemas.ts, give it a service in electron/core and a line in the core router, and use it in
// the renderer. A new feature adds its two files and one line to each list below. The preload
// and the HTTP server pick every method up from API_METHODS by themselves.
import type { Result } from './result';
import { ANNOTATION_METHODS, type AnnotationMethods } from './annotations/methods';
import { ANNOTATION_EXCHANGE_METHODS, type AnnotationExchangeMethods } from './annotation-exchange/methods';
import { APP_METHODS, type AppMethods } from './app/methods';
import { COMPARE_METHODS, type CompareMethods } from './compare/methods';
import { DASHBOARD_METHODS, type DashboardMethods } from './dashboard/methods';
import { IMPORT_METHODS, type ImportMethods } from './import/methods';
import { ITEM_METHODS, type ItemMethods } from './items/methods';
import { LIBRARY_METHODS, type LibraryMethods } from './library/methods';
import { PACKET_METHODS, type PacketMethods } from './packets/methods';
import { PLAN_METHODS, type PlanMethods } from './plans/methods';
import { SEARCH_METHODS, type SearchMethods } from './search/methods';
import { SETTING_METHODS, type SettingMethods } from './settings/methods';
import { STATUS_METHODS, type StatusMethods } from './status/methods';
import { STORAGE_METHODS, type StorageMethods } from './storage/methods';
import { TABLE_METHODS, type TableMethods } from './table/methods';
import { TAG_METHODS, type TagMethods } from './tags/methods';
import { TRANSLATION_METHODS, type TranslationMethods } from './translations/methods';
import { VERSION_METHODS, type VersionMethods } from './versions/methods';
import { VIEW_METHODS, type ViewMethods } from './views/methods';

// The features' types, for callers that want them from the contract.
export type { HostKind, UiLanguage } from './common';
export type { AppInfo, AppStart } from './app/methods';
export { pickCurrentPlan } from './app/current-plan';
export type { InitiativeHeading, PlanOutline, PlanSummary, ThemeOutline } from './plans/methods';
export type { InitiativeDetail } from './items/methods';
export type { Dashboard, DashboardPlan, DashboardTheme, UpcomingDeadline } from './dashboard/methods';
export type { TagCount } from './tags/methods';
export { SETTING_KEYS, type SettingKey } from './settings/methods';

export interface ApiMethods
  extends AppMethods,
    PlanMethods,
    ItemMethods,
    SettingMethods,
    TableMethods,
    StatusMethods,
    TagMethods,
    ViewMethods,
    DashboardMethods,
    ImportMethods,
    TranslationMethods,
    AnnotationMethods,
    AnnotationExchangeMethods,
    VersionMethods,
    CompareMethods,
    PacketMethods,
    LibraryMethods,
    SearchMethods,
    StorageMethods {}

export type ApiMethod = keyof ApiMethods;
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args'];
export type ApiResult<M extends ApiMethod> = ApiMethods[M]['result'];
/** What a stale write of M gets back with its CONFLICT: the record as stored now. */
export type ApiConflict<M extends ApiMethod> = ApiMethods[M] extends { conflict: infer C } ? C : never;

/** Every method name, as a plain list the preload and server can iterate without schemas. */
export const API_METHODS = [
  ...APP_METHODS,
  ...PLAN_METHODS,
  ...ITEM_METHODS,
  ...SETTING_METHODS,
  ...TABLE_METHODS,
  ...STATUS_METHODS,
  ...TAG_METHODS,
  ...VIEW_METHODS,
  ...DASHBOARD_METHODS,
  ...IMPORT_METHODS,
  ...TRANSLATION_METHODS,
  ...ANNOTATION_METHODS,
  ...ANNOTATION_EXCHANGE_METHODS,
  ...VERSION_METHODS,
  ...COMPARE_METHODS,
  ...SEARCH_METHODS,
  ...PACKET_METHODS,
  // Last but storage: the router and transaction tests call every method in this order, and
  // library.purge deletes the plan the methods before it read.
  ...LIBRARY_METHODS,
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
