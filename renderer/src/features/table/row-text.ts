// A row's cells as plain text in the UI language and reading mode: what "copy selected rows"
// puts on the clipboard, column by column.
import type { TFunction } from 'i18next';
import type { InitiativeRow, TableColumnId } from '../../../../shared/domain/table';
import type { FacetLabelEnv } from './facet-labels';
import { headlineText, industryText, plainText, statusLabel, themeText } from './plan-text';

export interface RowTextEnv extends FacetLabelEnv {
  t: TFunction<'table'>;
  industryNames: ReadonlyMap<string, string>;
}

export function cellText(row: InitiativeRow, column: TableColumnId, env: RowTextEnv): string {
  const list = (items: string[]) => items.join(env.t('listSeparator'));
  switch (column) {
    case 'shortId':
      return row.shortId;
    case 'plan':
      return row.planTitle;
    case 'theme':
      return plainText(themeText(row.themeId, row.themeHeadline, env.translation), env.readingMode, env.t);
    case 'headline':
      return plainText(headlineText(row, env.translation), env.readingMode, env.t);
    case 'status':
      return statusLabel(row.status, env.statusOptions, env.language) ?? '';
    case 'priority':
      return row.priority ? env.t(`priority.${row.priority}`) : '';
    case 'leadUnit':
    case 'responsibleUnits':
    case 'progressNote':
    case 'deadline':
    case 'touchedAt':
      return row[column] ?? '';
    case 'tags':
      return list(row.tags);
    case 'highlightCount':
    case 'noteCount':
      return String(row[column]);
    case 'industries':
      return list(row.industries.map((item) => plainText(industryText(item, env.industryNames), env.readingMode, env.t)));
  }
}
