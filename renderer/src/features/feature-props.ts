// What App hands each feature view (table, dashboard): the api client, the plan, how the
// reader wants plan text shown, and a way to open an initiative in the reading view.
import type { PlanTranslation } from '../../../shared/domain/translation';
import type { ApiClient } from '../api/client';

/** Which language(s) plan text is shown in; the UI language is separate (i18next). */
export type ReadingMode = 'zh' | 'en' | 'both';

export interface FeatureProps {
  client: ApiClient;
  planId: string;
  readingMode: ReadingMode;
  /** The plan's unofficial English rendering, when loaded. */
  translation: PlanTranslation | null;
  onOpenInitiative(initiativeId: string): void;
}
