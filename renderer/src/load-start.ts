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
  // One call for every saved choice (settings.getAll, the current plan among them), beside the
  // plan list; then the current plan's outline.
  const [plans, settings] = await Promise.all([client.call('plan.list', {}), readSettings(client)]);
  const current = pickCurrentPlan(plans, settings['ui.currentPlan'] ?? null);
  const outline = current ? await client.call('plan.get', { planId: current }) : null;
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

let early: Promise<StartData> | null = null;

/**
 * Starts loading the first screen's data at once, beside the storage check (which decides
 * whether the app starts at all), rather than after it. The first App to start takes it; a
 * failed early load is dropped (in recovery mode the database is not open), so an App started
 * after a recovery loads afresh.
 */
export function loadStartEarly(client: ApiClient): void {
  const started = loadStart(client);
  early = started;
  started.catch(() => {
    if (early === started) early = null;
  });
}

/** The early load if one is waiting (once), else a fresh one. */
export function takeStart(client: ApiClient): Promise<StartData> {
  const started = early;
  early = null;
  return started ?? loadStart(client);
}

/** The remembered plan while it is still in the library, else the first one (null: no plans). */
export function pickCurrentPlan(plans: readonly PlanSummary[], remembered: string | null): string | null {
  if (remembered && plans.some((p) => p.id === remembered)) return remembered;
  // Not an earlier version of a plan: the reader reads those only when they pick one.
  return plans.find((p) => !p.supersededBy)?.id ?? null;
}

async function readSettings(client: ApiClient): Promise<Partial<Record<SettingKey, string | null>>> {
  try {
    return await client.call('settings.getAll', {});
  } catch {
    // Saved choices are a convenience: without them the reader starts with the defaults.
    return {};
  }
}
