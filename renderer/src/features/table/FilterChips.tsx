// The active search and filters as removable chips, with "clear all".
import type { TFunction } from 'i18next';
import { useTranslation } from '../../i18n/ui-text';
import { TEXT_FILTER_COLUMNS, type TableViewState } from '../../../../shared/domain/table';
import { FACET_FILTER_KEY, type FacetName, type FacetValue } from './column-specs';
import { facetLabel, type FacetLabelEnv } from './facet-labels';

export interface FilterChipsProps {
  state: TableViewState;
  labels: FacetLabelEnv;
  /** Labels of facet values as the core names them (theme headlines), by facet and value. */
  knownLabels: (facet: FacetName, value: FacetValue) => string;
  onClearSearch(): void;
  onRemoveFacet(facet: FacetName, value: FacetValue): void;
  onClearText(column: (typeof TEXT_FILTER_COLUMNS)[number]): void;
  onClearAll(): void;
}

const FACET_COLUMN = { plan: 'plan', theme: 'theme', status: 'status', priority: 'priority', tags: 'tags' } as const;

type Chip = { key: string; text: string; remove: () => void };

/** The active search and filters in words, one per chip (also the printed running header's). */
export function activeFilters(
  state: TableViewState,
  labels: FacetLabelEnv,
  knownLabels: FilterChipsProps['knownLabels'],
  t: TFunction<'table'>,
  remove: Pick<FilterChipsProps, 'onClearSearch' | 'onRemoveFacet' | 'onClearText'> = { onClearSearch() {}, onRemoveFacet() {}, onClearText() {} },
): Chip[] {
  const { onClearSearch, onRemoveFacet, onClearText } = remove;
  const chips: Chip[] = [];
  if (state.search.trim()) chips.push({ key: 'search', text: t('filter.search', { value: state.search.trim() }), remove: onClearSearch });
  for (const facet of Object.keys(FACET_FILTER_KEY) as FacetName[]) {
    const values = (state.filters[FACET_FILTER_KEY[facet]] ?? []) as FacetValue[];
    for (const value of values) {
      const column = t(`columns.${FACET_COLUMN[facet]}`);
      const name = facetLabel(facet, { value, label: knownLabels(facet, value) }, labels);
      chips.push({ key: `${facet}:${value}`, text: t('filter.chip', { column, value: name }), remove: () => onRemoveFacet(facet, value) });
    }
  }
  for (const column of TEXT_FILTER_COLUMNS) {
    const value = state.filters.text?.[column]?.trim();
    if (value) {
      chips.push({
        key: `text:${column}`,
        text: t('filter.chip', { column: t('filter.containing', { column: t(`columns.${column}`) }), value }),
        remove: () => onClearText(column),
      });
    }
  }
  return chips;
}

export function FilterChips({ state, labels, knownLabels, onClearSearch, onRemoveFacet, onClearText, onClearAll }: FilterChipsProps) {
  const { t } = useTranslation('table');
  const chips = activeFilters(state, labels, knownLabels, t, { onClearSearch, onRemoveFacet, onClearText });
  if (chips.length === 0) return null;
  return (
    <div className="itable-chips" role="group" aria-label={t('filter.active')}>
      {chips.map((chip) => (
        <span key={chip.key} className="itable-filter-chip">
          <span className="itable-filter-chip-text" title={chip.text}>
            {chip.text}
          </span>
          <button type="button" className="itable-chip-remove" aria-label={t('filter.remove', { value: chip.text })} onClick={chip.remove} />
        </span>
      ))}
      <button type="button" className="itable-link-button" onClick={onClearAll}>
        {t('filter.clearAll')}
      </button>
    </div>
  );
}
