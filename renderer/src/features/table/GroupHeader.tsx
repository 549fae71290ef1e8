// A group's header line (grouping by theme or status): its name and how many rows it holds;
// a button folds the group away.
import { useTranslation } from '../../i18n/ui-text';
import type { TableGroup } from '../../../../shared/domain/table';
import { statusTone } from './cells/StatusCell';

export interface GroupHeaderProps {
  group: TableGroup;
  label: string;
  /** The theme's plan, when theme groups come from several plans. */
  plan?: string;
  by: 'theme' | 'status';
  collapsed: boolean;
  colCount: number;
  onToggle(): void;
}

export function GroupHeader({ group, label, plan, by, collapsed, colCount, onToggle }: GroupHeaderProps) {
  const { t, i18n } = useTranslation('table');
  return (
    <div role="gridcell" aria-colindex={1} aria-colspan={colCount} className="itable-group-cell">
      <button
        type="button"
        className="itable-group-toggle"
        aria-expanded={!collapsed}
        onClick={onToggle}
      >
        <span className="itable-icon itable-icon-chevron" aria-hidden="true" />
        {by === 'status' && <span className="itable-dot" data-tone={statusTone(group.key)} aria-hidden="true" />}
        <span className="itable-group-label" title={label}>
          {label}
        </span>
        {plan !== undefined && (
          <span className="itable-group-plan" title={plan}>
            {plan}
          </span>
        )}
        <span className="itable-group-count">{t('group.count', { count: group.count, n: group.count.toLocaleString(i18n.language) })}</span>
      </button>
    </div>
  );
}

/** A header whose group no answer has named yet (its page is on the way, display-rows.ts): its
 *  place and row count are known, its name not, so it shows a skeleton where the name goes. */
export function PlaceholderGroupHeader({ count, colCount }: { count: number; colCount: number }) {
  const { t, i18n } = useTranslation('table');
  return (
    <div role="gridcell" aria-colindex={1} aria-colspan={colCount} aria-busy="true" className="itable-group-cell">
      <span className="itable-group-toggle itable-group-pending">
        <span className="itable-skeleton" aria-hidden="true" />
        <span className="itable-group-count">{t('group.count', { count, n: count.toLocaleString(i18n.language) })}</span>
      </span>
    </div>
  );
}
