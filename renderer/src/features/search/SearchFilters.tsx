// The filters of search everywhere: plan, version (current or all), theme (of the chosen plan),
// status, tag, and which texts to search (plan text, translation, my notes). Native controls,
// so the keyboard reaches and works each one as everywhere else in the app.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SearchFilters as Filters, SearchSource } from '../../../../shared/api/search/methods';
import type { ApiClient } from '../../api/client';

const SOURCES: SearchSource[] = ['plan', 'translation', 'notes'];

/** Whether any filter narrows the search. */
export function hasFilters(f: Filters): boolean {
  return (
    (f.planIds?.length ?? 0) > 0 ||
    f.allVersions === true ||
    (f.themeIds?.length ?? 0) > 0 ||
    (f.statuses?.length ?? 0) > 0 ||
    (f.tags?.length ?? 0) > 0 ||
    (f.sources?.length ?? 0) > 0
  );
}

/** A filter value without its empty parts (so equal filters make equal query keys). */
export function cleanFilters(f: Filters): Filters {
  const out: Filters = {};
  if (f.planIds?.length) out.planIds = f.planIds;
  if (f.allVersions) out.allVersions = true;
  if (f.themeIds?.length) out.themeIds = f.themeIds;
  if (f.statuses?.length) out.statuses = f.statuses;
  if (f.tags?.length) out.tags = f.tags;
  if (f.sources?.length && f.sources.length < SOURCES.length) out.sources = f.sources;
  return out;
}

const NO_STATUS = '\u0000none';

export function SearchFiltersBar({ client, filters, onChange }: { client: ApiClient; filters: Filters; onChange(next: Filters): void }) {
  const { t, i18n } = useTranslation('search');
  const plans = useQuery({ queryKey: ['library', 'list', 'search'], queryFn: () => client.call('library.list', {}) });
  const planId = filters.planIds?.length === 1 ? filters.planIds[0]! : null;
  const outline = useQuery({ queryKey: ['plans', 'outline', planId], queryFn: () => client.call('plan.get', { planId: planId! }), enabled: planId !== null });
  const statuses = useQuery({ queryKey: ['search', 'statusOptions'], queryFn: () => client.call('status.options', {}), staleTime: 0 });
  const tags = useQuery({ queryKey: ['tags', 'list'], queryFn: () => client.call('tags.list', {}) });
  const set = (patch: Partial<Filters>) => onChange(cleanFilters({ ...filters, ...patch }));
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const sources = filters.sources?.length ? filters.sources : SOURCES;
  const status = filters.statuses?.length === 1 ? (filters.statuses[0] === null ? NO_STATUS : filters.statuses[0]!) : '';

  return (
    <div className="search-filters" role="group" aria-label={t('filters.label')}>
      <label className="search-field">
        <span>{t('filters.plan')}</span>
        <select value={planId ?? ''} onChange={(e) => set({ planIds: e.target.value ? [e.target.value] : [], themeIds: [] })}>
          <option value="">{t('filters.allPlans')}</option>
          {(plans.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <label className="search-field">
        <span>{t('filters.version')}</span>
        <select value={filters.allVersions ? 'all' : 'current'} onChange={(e) => set({ allVersions: e.target.value === 'all' })}>
          <option value="current">{t('filters.current')}</option>
          <option value="all">{t('filters.allVersions')}</option>
        </select>
      </label>
      <label className="search-field">
        <span>{t('filters.theme')}</span>
        <select
          value={filters.themeIds?.[0] ?? ''}
          disabled={!outline.data}
          onChange={(e) => set({ themeIds: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t('filters.allThemes')}</option>
          {(outline.data?.themes ?? []).map((th) => (
            <option key={th.id} value={th.id}>
              {th.headline.length > 24 ? `${th.headline.slice(0, 24)}…` : th.headline}
            </option>
          ))}
        </select>
      </label>
      <label className="search-field">
        <span>{t('filters.status')}</span>
        <select value={status} onChange={(e) => set({ statuses: e.target.value === '' ? [] : [e.target.value === NO_STATUS ? null : e.target.value] })}>
          <option value="">{t('filters.anyStatus')}</option>
          {(statuses.data?.options ?? []).map((o) => (
            <option key={o.key} value={o.key}>
              {o.label[language]}
            </option>
          ))}
          <option value={NO_STATUS}>{t('filters.noStatus')}</option>
        </select>
      </label>
      <label className="search-field">
        <span>{t('filters.tag')}</span>
        <select value={filters.tags?.[0] ?? ''} onChange={(e) => set({ tags: e.target.value ? [e.target.value] : [] })}>
          <option value="">{t('filters.anyTag')}</option>
          {(tags.data ?? []).map((c) => (
            <option key={c.tag} value={c.tag}>
              {c.tag}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="search-sources">
        <legend>{t('filters.in')}</legend>
        {SOURCES.map((s) => (
          <label key={s} className="search-source">
            <input
              type="checkbox"
              checked={sources.includes(s)}
              // The last one checked stays: a search in nothing would find nothing.
              disabled={sources.length === 1 && sources.includes(s)}
              onChange={(e) => set({ sources: e.target.checked ? [...sources, s] : sources.filter((x) => x !== s) })}
            />
            <span>{t(s === 'plan' ? 'filters.plan_' : s === 'translation' ? 'filters.translation' : 'filters.notes')}</span>
          </label>
        ))}
      </fieldset>
      {hasFilters(filters) && (
        <button type="button" className="search-link-button" onClick={() => onChange({})}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
