// Plan text in the reader's chosen reading mode: Chinese, the unofficial English rendering, or
// both. English falls back to the Chinese original where the translation has no entry.
import type { TFunction } from 'i18next';
import type { InitiativeRow, StatusOption } from '../../../../shared/domain/table';
import type { PlanOutline } from '../../../../shared/api/contract';
import type { PlanTranslation } from '../../../../shared/domain/translation';
import type { ReadingMode } from '../feature-props';
import type { UiLanguage } from './table-env';

export interface PlanText {
  zh: string;
  en: string | null;
}

export function headlineText(row: InitiativeRow, translation: PlanTranslation | null): PlanText {
  return { zh: row.headline, en: translation?.initiatives[row.id]?.headline ?? null };
}

export function themeText(themeId: string, zh: string, translation: PlanTranslation | null): PlanText {
  return { zh, en: translation?.themes[themeId] ?? null };
}

export function industryText(item: string, names: ReadonlyMap<string, string>): PlanText {
  return { zh: item, en: names.get(item) ?? null };
}

/** The parts to show for a reading mode, each with its language. */
export function textParts(text: PlanText, mode: ReadingMode): Array<{ lang: 'zh-CN' | 'en'; text: string }> {
  if (mode === 'zh' || text.en === null) return [{ lang: 'zh-CN', text: text.zh }];
  if (mode === 'en') return [{ lang: 'en', text: text.en }];
  return [
    { lang: 'zh-CN', text: text.zh },
    { lang: 'en', text: text.en },
  ];
}

/** One string for tooltips, copying and labels; both languages joined as the catalogue says. */
export function plainText(text: PlanText, mode: ReadingMode, t: TFunction<'table'>): string {
  const parts = textParts(text, mode);
  return parts.length === 2 ? t('bilingual', { zh: parts[0]!.text, en: parts[1]!.text }) : parts[0]!.text;
}

/** Maps each list item's Chinese text to its English rendering, by list id and position. */
export function industryNamesOf(outline: PlanOutline | null, translation: PlanTranslation | null): Map<string, string> {
  const names = new Map<string, string>();
  if (!outline || !translation) return names;
  for (const list of outline.lists) {
    const english = translation.lists[list.id]?.items;
    if (!english) continue;
    list.items.forEach((item, i) => {
      const en = english[i];
      if (en) names.set(item.text, en);
    });
  }
  return names;
}

export function statusLabel(key: string | null, options: readonly StatusOption[], language: UiLanguage): string | null {
  if (key === null) return null;
  return options.find((o) => o.key === key)?.label[language] ?? key;
}
