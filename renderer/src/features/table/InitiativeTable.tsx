// The initiative table (route #/table): every initiative of the plan as a sortable, filterable,
// groupable, editable grid. The core runs the query in SQL; this view asks for the rows in view.
// It waits for the reader's last table state (settings 'ui.tableState') so the first query is
// already the right one. With several plans loaded, it can list every plan's initiatives.
import { useTranslation } from '../../i18n/ui-text';
import type { FeatureProps } from '../feature-props';
import { TableView } from './TableView';
import { useIndustryNames } from './use-industry-names';
import { useStatusOptions } from './use-status-options';
import { useStoredTable } from './use-view-state';
import './table.css';

// For the page's start (components/Shell.tsx preloadViewOf): the table's code and its first
// page come together.
export { prefetchFirstPage } from './first-page';

export function InitiativeTable(props: FeatureProps) {
  const { t } = useTranslation('table');
  const initial = useStoredTable(props.client);
  const statusOptions = useStatusOptions(props.client);
  const industryNames = useIndustryNames(props.client, props.planId, props.readingMode, props.translation);
  if (!initial) {
    return (
      <section className="itable">
        <p role="status" className="itable-loading">
          {t('summary.loading')}
        </p>
      </section>
    );
  }
  return <TableView {...props} initial={initial} statusOptions={statusOptions} industryNames={industryNames} />;
}
