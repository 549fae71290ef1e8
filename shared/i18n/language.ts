// The UI languages and how the app picks one. Shared so the main process (menu labels) and
// the renderer (i18next) decide the same way: the reader's saved choice, else the system's
// language, else Chinese (the language of the plans Briefbook is made for).
import type { UiLanguage } from '../api/contract';

export const UI_LANGUAGES = ['zh', 'en'] as const satisfies readonly UiLanguage[];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** saved: the 'ui.language' setting; system: locale tags such as 'zh-CN', 'en-US' (first match wins). */
export function pickUiLanguage(saved: string | null | undefined, system: readonly string[]): UiLanguage {
  if (isUiLanguage(saved)) return saved;
  for (const tag of system) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isUiLanguage(base)) return base;
  }
  return 'zh';
}
