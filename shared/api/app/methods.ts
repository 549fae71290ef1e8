// The app itself: what it is and where its data lives (the About popover).
import type { HostKind, NoArgs } from '../common';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  host: HostKind;
}

export interface AppMethods {
  'app.info': { args: NoArgs; result: AppInfo };
}

export const APP_METHODS = ['app.info'] as const satisfies readonly (keyof AppMethods)[];
