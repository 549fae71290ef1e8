// A faceted filter: the column's values as a checklist, each with how many rows have it under
// the other active filters. The counts are fetched when the menu opens (table.facets for the
// query's page cache), not with every page: at scale they cost far more than the rows. The query
// cache keeps them (['table', 'facets', …]) until a write invalidates ['table'].
// Themes of several plans are listed under their plans' titles: plans' theme headlines alone
// (在…中) would not say which plan they are from. The theme and plan menus list at most
// FACET_MENU_LIMITS' values, those with the most rows (a library of thousands of plans has a
// hundred thousand themes: no reader can use such a list, and counting and sending it cost most
// of a second at a million rows); they say how many they left out, and what is typed in their
// box asks the core for the values whose label holds it (a theme's headline or its plan's title;
// a plan's title).
import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/ui-text';
import { FACET_MENU_LIMITS, type FacetCount, type FacetList } from '../../../../shared/domain/table';
import type { FacetName, FacetValue } from './column-specs';
import { facetLabel, type FacetLabelEnv } from './facet-labels';
import { ColumnFilterPopover } from './ColumnFilterPopover';
import type { FacetListing } from './page-cache';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from './use-table-query';

/** Where a menu gets its counts: the current query's page cache. */
export interface FacetSource {
  facet(name: FacetName, listing?: FacetListing): Promise<FacetList>;
}


export interface FacetFilterProps {
  facet: FacetName;
  columnLabel: string;
  source: FacetSource;
  selected: readonly FacetValue[];
  labels: FacetLabelEnv;
  onChange(values: FacetValue[]): void;
}

interface EntryGroup {
  planId: string | null;
  planTitle: string | null;
  entries: FacetCount[];
}

/** Consecutive entries of one plan together; one group without a plan when grouping says nothing. */
function groupByPlan(entries: readonly FacetCount[]): EntryGroup[] {
  const groups: EntryGroup[] = [];
  for (const entry of entries) {
    const planId = entry.planId ?? null;
    const last = groups.at(-1);
    if (last && last.planId === planId) last.entries.push(entry);
    else groups.push({ planId, planTitle: entry.planTitle ?? null, entries: [entry] });
  }
  return new Set(groups.map((g) => g.planId)).size > 1 ? groups : [{ planId: null, planTitle: null, entries: [...entries] }];
}

export function FacetFilter({ facet, columnLabel, source, selected, labels, onChange }: FacetFilterProps) {
  return (
    <ColumnFilterPopover columnLabel={columnLabel} active={selected.length > 0} panelClassName="itable-facet-panel">
      <FacetPanel facet={facet} source={source} selected={selected} labels={labels} onChange={onChange} />
    </ColumnFilterPopover>
  );
}

/** A number per source (one per table query), for the query keys. */
const sourceIds = new WeakMap<FacetSource, number>();
let nextSourceId = 0;
function sourceId(source: FacetSource): number {
  let id = sourceIds.get(source);
  if (id === undefined) sourceIds.set(source, (id = ++nextSourceId));
  return id;
}

/** The open menu's content (mounted only while the menu is open, so it fetches then). A new
 *  query (a box just checked) keeps the old counts on screen until the new ones arrive. */
function FacetPanel({ facet, source, selected, labels, onChange }: Omit<FacetFilterProps, 'columnLabel'>) {
  const { t, i18n } = useTranslation('table');
  const groupId = useId();
  const [typed, setTyped] = useState('');
  const match = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const limit = FACET_MENU_LIMITS[facet];
  const limited = limit !== undefined;
  const query = useQuery({
    queryKey: ['table', 'facets', sourceId(source), facet, limited ? match : null],
    queryFn: () => source.facet(facet, limited ? { limit, ...(match ? { match } : {}) } : undefined),
    placeholderData: keepPreviousData,
    // Opening the menu again after a failure asks again.
    retryOnMount: true,
  });
  const counts =
    query.data !== undefined
      ? ({ state: 'ready', counts: query.data.entries, more: query.data.more } as const)
      : query.error && !query.isFetching
        ? ({ state: 'failed', message: query.error instanceof Error ? query.error.message : String(query.error) } as const)
        : ({ state: 'loading' } as const);
  const more = counts.state === 'ready' ? counts.more : 0;
  // The box stays once shown (a typed text may match every value it lists).
  const findBox = limited && (more > 0 || typed !== '');
  const menuFacet = facet === 'plan' ? 'plan' : 'theme';
  const nouns = { thing: t(`filter.noun.${menuFacet}`), things: t(`filter.noun.${menuFacet}s`) };

  const shown = counts.state === 'ready' ? counts.counts : [];
  // A chosen value that no row has any more stays listed (with 0), so it can be unchecked.
  const entries: FacetCount[] = [
    ...shown,
    ...selected.filter((v) => !shown.some((c) => c.value === v)).map((value) => ({ value, label: value ?? '', count: 0 })),
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
  const groups = facet === 'theme' ? groupByPlan(entries) : [];
  return (
    <>
      {findBox && (
        <input
          type="search"
          className="itable-field itable-facet-find"
          aria-label={t(`filter.find.${menuFacet}`)}
          placeholder={t(`filter.find.${menuFacet}`)}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      )}
      {/* Before the list: a reader sees at once that it is not every value. */}
      {more > 0 && (
        <p className="itable-facet-more">
          {t(match ? 'filter.moreMatching' : 'filter.moreTop', { count: more, n: more.toLocaleString(i18n.language), ...nouns })}
        </p>
      )}
      {counts.state === 'failed' ? (
        <div className="itable-panel-empty" role="alert">
          <p>{t('filter.loadFailed', { message: counts.message })}</p>
          <button type="button" className="itable-button" onClick={() => void query.refetch()}>
            {t('summary.retry')}
          </button>
        </div>
      ) : counts.state === 'loading' ? (
        <p className="itable-panel-empty" role="status">
          {t('filter.loading')}
        </p>
      ) : entries.length === 0 ? (
        <p className="itable-panel-empty">{match ? t('filter.noMatch', nouns) : t('filter.noValues')}</p>
      ) : groups.length > 1 ? (
        <ul className="itable-facet-list itable-facet-groups">
          {groups.map((group, n) => {
            const title = group.planTitle ?? group.planId ?? '';
            return (
              <li key={`${group.planId ?? ''}:${n}`} className="itable-facet-group">
                <span className="itable-facet-group-title" id={`${groupId}-${n}`} title={title}>
                  {title}
                </span>
                <div role="group" aria-labelledby={`${groupId}-${n}`}>
                  <ul className="itable-facet-list">{group.entries.map(option)}</ul>
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <ul className="itable-facet-list">{entries.map(option)}</ul>
      )}
      {selected.length > 0 && (
        <button type="button" className="itable-button itable-panel-action" onClick={() => onChange([])}>
          {t('filter.clear')}
        </button>
      )}
    </>
  );
}
