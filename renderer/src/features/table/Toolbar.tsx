// The table's toolbar: search, plan scope, grouping, Chinese collation, columns, saved views,
// copy, export.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { Collation, GroupBy } from '../../../../shared/domain/table';
import type { TableScope } from './view-state';
import { Select } from '../../components/Select';

export interface ToolbarProps {
  /** null: only one plan is loaded, so there is nothing to choose. */
  scope: TableScope | null;
  onScope(value: TableScope): void;
  search: string;
  onSearch(value: string): void;
  groupBy: GroupBy;
  onGroupBy(value: GroupBy): void;
  /** null: the text shown is English, so there is no Chinese order to choose. */
  collation: Collation | null;
  onCollation(value: Collation): void;
  columnMenu: ReactNode;
  savedViews: ReactNode;
  selectedCount: number;
  onCopy(): void;
  onExport(): void;
  exporting: boolean;
}

export function Toolbar(props: ToolbarProps) {
  const { t } = useTranslation('table');
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="itable-toolbar">
      <div className="itable-search">
        <span className="itable-icon itable-icon-search" aria-hidden="true" />
        <input
          type="search"
          className="itable-field"
          aria-label={t('toolbar.search')}
          placeholder={t('toolbar.searchPlaceholder')}
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </div>
      {props.scope !== null && (
        <label className="itable-control">
          <span>{t('toolbar.scope')}</span>
          <Select
            className="itable-field"
            value={props.scope}
            onChange={(e) => props.onScope(e.target.value === 'all' ? 'all' : 'plan')}
          >
            <option value="plan">{t('toolbar.scopePlan')}</option>
            <option value="all">{t('toolbar.scopeAll')}</option>
          </Select>
        </label>
      )}
      <label className="itable-control">
        <span>{t('toolbar.groupBy')}</span>
        <Select
          className="itable-field"
          value={props.groupBy ?? ''}
          onChange={(e) => props.onGroupBy(e.target.value === 'theme' || e.target.value === 'status' ? e.target.value : null)}
        >
          <option value="">{t('toolbar.groupNone')}</option>
          <option value="theme">{t('toolbar.groupTheme')}</option>
          <option value="status">{t('toolbar.groupStatus')}</option>
        </Select>
      </label>
      {props.collation !== null && (
        <label className="itable-control">
          <span>{t('toolbar.collation')}</span>
          <Select
            className="itable-field"
            value={props.collation}
            onChange={(e) => props.onCollation(e.target.value === 'stroke' ? 'stroke' : 'pinyin')}
          >
            <option value="pinyin">{t('toolbar.pinyin')}</option>
            <option value="stroke">{t('toolbar.stroke')}</option>
          </Select>
        </label>
      )}
      {props.columnMenu}
      {props.savedViews}
      <span className="itable-toolbar-gap" />
      <button type="button" className="itable-button" disabled={props.selectedCount === 0} onClick={props.onCopy}>
        <span className="itable-icon itable-icon-copy" aria-hidden="true" />
        {t('toolbar.copy')}
      </button>
      <button type="button" className="itable-button" disabled={props.exporting} onClick={props.onExport}>
        <span className="itable-icon itable-icon-download" aria-hidden="true" />
        {props.exporting ? t('toolbar.exporting') : t('toolbar.export')}
      </button>
    </div>
  );
}
