// Every namespace of the UI catalogue. Add a feature's namespace here (i18next.d.ts derives its key types).
import { annotationExchange } from '../features/annotation-exchange/locales';
import { annotationHistory } from '../features/annotations/history/locales';
import { annotationList } from '../features/annotations/library/locales';
import { annotationPanel } from '../features/annotations/panel/locales';
import { annotationReading } from '../features/annotations/reading/locales';
import { compare } from '../features/compare/locales';
import { conflicts } from '../features/conflicts/locales';
import { dashboard } from '../features/dashboard/locales';
import { packets } from '../features/packets/locales';
import { importPlan } from '../features/import/locales';
import { library } from '../features/library/locales';
import { preferences } from '../features/preferences/locales';
import { search } from '../features/search/locales';
import { storage } from '../features/storage/locales';
import { table } from '../features/table/locales';
import { translations } from '../features/translations/locales';
import { versions } from '../features/versions/locales';
import { common } from './locales/common';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUE = {
  common,
  table,
  dashboard,
  preferences,
  storage,
  conflicts,
  library,
  importPlan,
  translations,
  annotationReading,
  annotationPanel,
  annotationList,
  annotationHistory,
  annotationExchange,
  versions,
  compare,
  search,
  packets,
} as const;
export type Namespace = keyof typeof CATALOGUE;
