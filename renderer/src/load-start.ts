// What the first screen needs before it can draw: the current plan's outline and the reader's
// saved choices (interface language, theme, reading mode and size, the plan, the view and the
// initiative they had open last time). The current plan is the remembered one while it is in
// the library, else the first plan; with no plan at all the outline is null.
import type { AppStart, PlanOutline, SettingKey } from '../../shared/api/contract';
import type { QueryClient } from '@tanstack/react-query';
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
  /** The table's last state as stored (settings 'ui.tableState'), for its first open. */
  tableState: string | null;
}

/** The query-cache key of a setting a view reads once it opens (seeded from the start data). */
export const settingQueryKey = (key: SettingKey) => ['settings', key] as const;

/**
 * Puts the settings a view would otherwise ask for when it opens into the page's query cache:
 * the table opens on its stored state without a call of its own before its first rows. The
 * view keeps the entry current as it writes the setting; kept for the page's life.
 */
export function seedStartSettings(queryClient: QueryClient, data: StartData): void {
  queryClient.setQueryDefaults(['settings'], { gcTime: Infinity });
  queryClient.setQueryData(settingQueryKey('ui.tableState'), data.tableState);
}

/** `sent`: the app.start call already on its way (first-calls.ts), else one is made. */
export async function loadStart(client: ApiClient, sent?: Promise<AppStart>): Promise<StartData> {
  // One call: the plans, every saved choice (the current plan among them) and the current
  // plan's outline, read together by the host (app.start).
  const { settings, outline } = await (sent ?? client.call('app.start', {}));
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
    tableState: setting('ui.tableState'),
  };
}

let early: Promise<StartData> | null = null;
/** The early load's data once they have come, while the load waits to be taken. */
let arrived: StartData | null = null;

/**
 * Starts loading the first screen's data at once, beside the storage check (which decides
 * whether the app starts at all), rather than after it. The first App to start takes it; a
 * failed early load is dropped (in recovery mode the database is not open), so an App started
 * after a recovery loads afresh.
 */
export function loadStartEarly(client: ApiClient, sent?: Promise<AppStart>): void {
  const started = loadStart(client, sent);
  early = started;
  arrived = null;
  started.then(
    (data) => {
      if (early === started) arrived = data;
    },
    () => {
      if (early === started) early = null;
    },
  );
}

/** The early load while it waits to be taken, without taking it (to start what the view the
 *  page opens on needs as soon as the start data are in). */
export function earlyStart(): Promise<StartData> | null {
  return early;
}

/**
 * The early load's data if they have already come and no App has taken them yet, without
 * taking them. An App whose first render finds them starts on them at once: no loading screen
 * rendered, committed, painted and replaced, and no effect and promise round between the data
 * and the first screen's render (main.tsx waits a moment for them before the first render).
 */
export function arrivedStart(): StartData | null {
  return arrived;
}

/** Settles once the early load has (at once without one); never rejects. */
export function earlyStartSettled(): Promise<void> {
  return early ? early.then(() => undefined, () => undefined) : Promise.resolve();
}

/** The early load if one is waiting (once), else a fresh one. */
export function takeStart(client: ApiClient): Promise<StartData> {
  const started = early;
  early = null;
  arrived = null;
  return started ?? loadStart(client);
}
