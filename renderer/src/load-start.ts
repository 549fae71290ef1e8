// What the first screen needs before it can draw: the current plan's outline and the reader's
// saved choices (interface language, theme, reading mode and size, the plan, the view and the
// initiative they had open last time). The current plan is the remembered one while it is in
// the library, else the first plan; with no plan at all the outline is null.
import type { PlanOutline, PlanSummary, SettingKey } from '../../shared/api/contract';
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
  const [plans, remembered] = await Promise.all([client.call('plan.list', {}), readSetting(client, 'ui.currentPlan')]);
  const current = pickCurrentPlan(plans, remembered);
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
    current ? client.call('plan.get', { planId: current }) : Promise.resolve(null),
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

/** The remembered plan while it is still in the library, else the first one (null: no plans). */
export function pickCurrentPlan(plans: readonly PlanSummary[], remembered: string | null): string | null {
  if (remembered && plans.some((p) => p.id === remembered)) return remembered;
  return plans[0]?.id ?? null;
}

async function readSetting(client: ApiClient, key: SettingKey): Promise<string | null> {
  try {
    return await client.call('settings.get', { key });
  } catch {
    // Saved choices are a convenience: without them the reader starts with the defaults.
    return null;
  }
}
