// Reader preferences and UI state kept between launches.

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

export interface SettingMethods {
  'settings.get': { args: { key: SettingKey }; result: string | null };
  'settings.set': { args: { key: SettingKey; value: string | null }; result: null };
}

export const SETTING_METHODS = ['settings.get', 'settings.set'] as const satisfies readonly (keyof SettingMethods)[];
