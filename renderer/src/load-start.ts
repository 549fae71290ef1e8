// What the first screen needs before it can draw: the plan's outline and the reader's saved
// choices (interface language, theme, reading mode and size, the view and the initiative they
// had open last time).
import type { PlanOutline, SettingKey } from '../../shared/api/contract';
import type { ApiClient } from './api/client';
import { isLanguage } from './i18n/i18n';
import type { Language } from './i18n/catalogue';
import {
  DEFAULT_PREFERENCES,
  parseOutlineWidth,
  parseReadingMode,
  parseReadingSize,
  parseSwitch,
  parseTheme,
  type Preferences,
} from './reading/preferences';
import { isView, type View } from './routing/hash-route';

export interface StartData {
  outline: PlanOutline | null;
  /** The remembered initiative, only if it still exists in the outline. */
  restoreId: string | null;
  /** The remembered top-level view, if any. */
  restoreView: View | null;
  /** The saved interface language; null means "follow the system" (already applied at boot). */
  language: Language | null;
  preferences: Preferences;
}

export async function loadStart(client: ApiClient): Promise<StartData> {
  const plans = await client.call('plan.list', {});
  // One plan is embedded today; with several, a later issue adds a plan picker.
  const first = plans[0];
  const settingsPromise = Promise.all(
    (
      [
        'ui.lastInitiative',
        'ui.view',
        'ui.language',
        'ui.readingMode',
        'ui.readingSize',
        'ui.theme',
        'ui.cjkPunctuation',
        'ui.outlineHidden',
        'ui.outlineWidth',
      ] as const
    ).map((key) => readSetting(client, key)),
  );
  const [outline, settings] = await Promise.all([
    first ? client.call('plan.get', { planId: first.id }) : Promise.resolve(null),
    settingsPromise,
  ]);
  const [
    lastId = null,
    view = null,
    language = null,
    readingMode = null,
    readingSize = null,
    theme = null,
    cjkPunctuation = null,
    outlineHidden = null,
    outlineWidth = null,
  ] = settings;
  const exists = outline !== null && lastId !== null && outline.themes.some((t) => t.initiatives.some((i) => i.id === lastId));
  return {
    outline,
    restoreId: exists ? lastId : null,
    restoreView: isView(view) ? view : null,
    language: isLanguage(language) ? language : null,
    preferences: {
      readingMode: parseReadingMode(readingMode),
      readingSize: parseReadingSize(readingSize),
      theme: parseTheme(theme),
      cjkPunctuation: parseSwitch(cjkPunctuation, DEFAULT_PREFERENCES.cjkPunctuation),
      outlineHidden: parseSwitch(outlineHidden, DEFAULT_PREFERENCES.outlineHidden),
      outlineWidth: parseOutlineWidth(outlineWidth),
    },
  };
}

async function readSetting(client: ApiClient, key: SettingKey): Promise<string | null> {
  try {
    return await client.call('settings.get', { key });
  } catch {
    // Saved choices are a convenience: without them the reader starts with the defaults.
    return null;
  }
}
