// Types for launch-plan.mjs (plain Node script; tests import it from TypeScript).
export const SENTENCES: {
  readonly noElectron: string;
  readonly noNative: string;
  readonly noBrowserMode: string;
  readonly buildFailed: string;
};
export type LaunchPlan = { mode: 'desktop' } | { mode: 'browser'; sentence: string } | { mode: 'none'; sentence: string };
export function chooseLaunch(facts: { electronPresent: boolean; nativePresent: boolean; serveScriptPresent: boolean }): LaunchPlan;
export function shouldTryDownload(env: Record<string, string | undefined>): boolean;
export function withoutStackLines(text: string): string;
