// Reader preferences and UI state kept between launches.
import type { NoArgs } from '../common';

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
  /** The plan the reading view, table and dashboard show (a plan id). */
  'ui.currentPlan',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface SettingMethods {
  'settings.get': { args: { key: SettingKey }; result: string | null };
  /** Every reader setting at once (null: never set), so a start needs one call, not one per key. */
  'settings.getAll': { args: NoArgs; result: Record<SettingKey, string | null> };
  'settings.set': { args: { key: SettingKey; value: string | null }; result: null };
}

export const SETTING_METHODS = ['settings.get', 'settings.getAll', 'settings.set'] as const satisfies readonly (keyof SettingMethods)[];
