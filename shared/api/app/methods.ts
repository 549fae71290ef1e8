// The app itself: what it is and where its data lives (the About popover), and what a window
// needs before its first screen (app.start: one call, not one per setting nor a chain of them).
import type { HostKind, NoArgs } from '../common';
import type { PlanOutline } from '../plans/methods';
import type { SettingKey } from '../settings/methods';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  host: HostKind;
}

/** Everything the first screen waits for, read at one moment. */
export interface AppStart {
  /** Every reader setting, as settings.getAll gives them (null: never set). */
  settings: Record<SettingKey, string | null>;
  /** The current plan's outline: the plan pickCurrentPlan picks from plan.list and the
   *  remembered ui.currentPlan; null with no plan. */
  outline: PlanOutline | null;
}

export interface AppMethods {
  'app.info': { args: NoArgs; result: AppInfo };
  'app.start': { args: NoArgs; result: AppStart };
}

export const APP_METHODS = ['app.info', 'app.start'] as const satisfies readonly (keyof AppMethods)[];
