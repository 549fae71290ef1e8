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
  // One call for every saved choice (settings.getAll), beside the outline.
  const [outline, settings] = await Promise.all([
    first ? client.call('plan.get', { planId: first.id }) : Promise.resolve(null),
    readSettings(client),
  ]);
  const setting = (key: SettingKey) => settings[key] ?? null;
  const lastId = setting('ui.lastInitiative');
  const view = setting('ui.view');
  const language = setting('ui.language');
  const readingMode = setting('ui.readingMode');
  const readingSize = setting('ui.readingSize');
  const theme = setting('ui.theme');
  const cjkPunctuation = setting('ui.cjkPunctuation');
  const outlineHidden = setting('ui.outlineHidden');
  const outlineWidth = setting('ui.outlineWidth');
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

async function readSettings(client: ApiClient): Promise<Partial<Record<SettingKey, string | null>>> {
  try {
    return await client.call('settings.getAll', {});
  } catch {
    // Saved choices are a convenience: without them the reader starts with the defaults.
    return {};
  }
}
