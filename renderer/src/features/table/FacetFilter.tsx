// A faceted filter: the column's values as a checklist, each with how many rows have it under
// the other active filters (TablePage.facets).
import { useTranslation } from 'react-i18next';
import type { FacetCount } from '../../../../shared/domain/table';
import type { FacetName, FacetValue } from './column-specs';
import { facetLabel, type FacetLabelEnv } from './facet-labels';
import { ColumnFilterPopover } from './ColumnFilterPopover';

export interface FacetFilterProps {
  facet: FacetName;
  columnLabel: string;
  counts: readonly FacetCount[];
  selected: readonly FacetValue[];
  labels: FacetLabelEnv;
  onChange(values: FacetValue[]): void;
}

export function FacetFilter({ facet, columnLabel, counts, selected, labels, onChange }: FacetFilterProps) {
  const { t, i18n } = useTranslation('table');
  // A chosen value that no row has any more stays listed (with 0), so it can be unchecked.
  const entries: FacetCount[] = [
    ...counts,
    ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, label: value ?? '', count: 0 })),
  ];
  const isChosen = (value: FacetValue) => selected.includes(value);
  const toggle = (value: FacetValue) =>
    onChange(isChosen(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <ColumnFilterPopover columnLabel={columnLabel} active={selected.length > 0} panelClassName="itable-facet-panel">
      <>
        {entries.length === 0 ? (
          <p className="itable-panel-empty">{t('filter.noValues')}</p>
        ) : (
          <ul className="itable-facet-list">
            {entries.map((entry) => {
              const name = facetLabel(facet, entry, labels);
              return (
                <li key={entry.value ?? '\u0000'}>
                  <label className="itable-facet-option">
                    <input type="checkbox" checked={isChosen(entry.value)} onChange={() => toggle(entry.value)} />
                    <span className="itable-facet-name" title={name}>
                      {name}
                    </span>
                    <span className="itable-facet-count">{entry.count.toLocaleString(i18n.language)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        {selected.length > 0 && (
          <button type="button" className="itable-button itable-panel-action" onClick={() => onChange([])}>
            {t('filter.clear')}
          </button>
        )}
      </>
    </ColumnFilterPopover>
  );
}
