// A faceted filter: the column's values as a checklist, each with how many rows have it under
// the other active filters (TablePage.facets). Themes of several plans are listed under their
// plans' titles: plans' theme headlines alone (在…中) would not say which plan they are from.
import { useId } from 'react';
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
  /** Titles of the plans in scope by id: themes are grouped under them when from several plans. */
  planTitles?: ReadonlyMap<string, string>;
  onChange(values: FacetValue[]): void;
}

interface EntryGroup {
  planId: string | null;
  entries: FacetCount[];
}

/** Consecutive entries of one plan together; one group without a plan when grouping says nothing. */
function groupByPlan(entries: readonly FacetCount[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  for (const entry of entries) {
    const planId = entry.planId ?? null;
    const last = groups.at(-1);
    if (last && last.planId === planId) last.entries.push(entry);
    else groups.push({ planId, entries: [entry] });
  }
  return new Set(groups.map((g) => g.planId)).size > 1 ? groups : [{ planId: null, entries: [...entries] }];
}

export function FacetFilter({ facet, columnLabel, counts, selected, labels, planTitles, onChange }: FacetFilterProps) {
  const { t, i18n } = useTranslation('table');
  const groupId = useId();
  // A chosen value that no row has any more stays listed (with 0), so it can be unchecked.
  const entries: FacetCount[] = [
    ...counts,
    ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, label: value ?? '', count: 0 })),
  ];
  const isChosen = (value: FacetValue) => selected.includes(value);
  const toggle = (value: FacetValue) =>
    onChange(isChosen(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  const option = (entry: FacetCount) => {
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
  };
  return (
    <ColumnFilterPopover columnLabel={columnLabel} active={selected.length > 0} panelClassName="itable-facet-panel">
      <>
        {entries.length === 0 ? (
          <p className="itable-panel-empty">{t('filter.noValues')}</p>
        ) : (
          groupByPlan(facet === 'theme' ? entries : []).length > 1 ? (
            <ul className="itable-facet-list itable-facet-groups">
              {groupByPlan(entries).map((group, n) => (
                <li key={`${group.planId ?? ''}:${n}`} className="itable-facet-group">
                  <span className="itable-facet-group-title" id={`${groupId}-${n}`} title={planTitles?.get(group.planId ?? '')}>
                    {planTitles?.get(group.planId ?? '') ?? group.planId}
                  </span>
                  <div role="group" aria-labelledby={`${groupId}-${n}`}>
                    <ul className="itable-facet-list">{group.entries.map(option)}</ul>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <ul className="itable-facet-list">{entries.map(option)}</ul>
          )
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
