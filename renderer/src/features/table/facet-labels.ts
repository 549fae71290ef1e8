// How a facet value is named in the UI: plans by the title the reader sees, themes as plan text in the reading mode, statuses with
// their configured label in the UI language, priorities from the catalogue, tags as typed.
import type { TFunction } from 'i18next';
import type { FacetCount, Priority, StatusOption } from '../../../../shared/domain/table';
import type { PlanTranslation } from '../../../../shared/domain/translation';
import type { ReadingMode } from '../feature-props';
import type { FacetName } from './column-specs';
import { plainText, statusLabel, themeText } from './plan-text';
import type { UiLanguage } from './table-env';

export interface FacetLabelEnv {
  t: TFunction<'table'>;
  language: UiLanguage;
  readingMode: ReadingMode;
  translation: PlanTranslation | null;
  statusOptions: readonly StatusOption[];
}

export function facetLabel(facet: FacetName, entry: Pick<FacetCount, 'value' | 'label'>, env: FacetLabelEnv): string {
  if (entry.value === null) return env.t('unset');
  switch (facet) {
    case 'plan':
      return entry.label || entry.value;
    case 'theme':
      return plainText(themeText(entry.value, entry.label || entry.value, env.translation), env.readingMode, env.t);
    case 'status':
      return statusLabel(entry.value, env.statusOptions, env.language) ?? entry.label;
    case 'priority':
      return env.t(`priority.${entry.value as Priority}`);
    case 'tags':
      return entry.value;
  }
}
