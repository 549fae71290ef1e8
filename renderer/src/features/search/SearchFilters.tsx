// The filters of search everywhere: plans, version (current or all), themes (of the chosen
// plans), statuses, tags (an item must have each one), and which texts to search (plan text,
// translation, my notes). Several plans, themes or statuses widen their filter (any of them);
// several tags narrow it (every one, as the core reads them); filters of different kinds narrow
// each other. Native controls (checkboxes in a disclosure panel), so the
// keyboard reaches and works each one as everywhere else in the app.
import { useQueries, useQuery } from '@tanstack/react-query';
import { memo, useId, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { SearchFilters as Filters, SearchSource } from '../../../../shared/api/search/methods';
import type { ApiClient } from '../../api/client';
import { usePopup } from '../../components/use-popup';
import { Chevron, Select } from '../../components/Select';

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

interface Choice {
  value: string;
  label: string;
}

/**
 * A filter of several values: a button that says what is chosen (its caption over it), opening
 * a panel of native checkboxes. Disclosure semantics (the button's aria-expanded), so a screen
 * reader and the keyboard work it as a button and a group of checkboxes; the popup's keys as the
 * plan picker's (usePopup): ↑/↓ move between the boxes, Escape or a click elsewhere closes and
 * focus returns to the button.
 */
export function CheckMenu(props: {
  caption: string;
  /** What the button says with nothing chosen (the filter is off). */
  none: string;
  /** What it says with two or more chosen. */
  many(count: number): string;
  choices: Choice[];
  chosen: readonly string[];
  onChange(next: string[]): void;
  disabled?: boolean;
  /** Its choices are still coming: a menu with a fixed choice (the status menu's "no status")
   *  has one before the rest arrive, and focus put on it would stay there, last, once they do. */
  loading?: boolean;
  /** Said in the panel when there is nothing to choose. */
  empty: string;
  hint?: string;
}) {
  const { t } = useTranslation('search');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { chosen, choices } = props;
  const labelOf = (v: string) => choices.find((c) => c.value === v)?.label ?? v;
  const summary = chosen.length === 0 ? props.none : chosen.length === 1 ? labelOf(chosen[0]!) : props.many(chosen.length);
  // The first box chosen (or the first) has focus when the panel opens, or once its choices come.
  const { rootRef, buttonRef, panelRef, onPanelKeyDown } = usePopup({
    open,
    setOpen,
    items: 'input',
    chosen: 'input:checked',
    ready: choices.length > 0 && props.loading !== true,
  });

  return (
    <div className="search-field search-menu-root" ref={rootRef}>
      <span aria-hidden="true">{props.caption}</span>
      <button
        ref={buttonRef}
        type="button"
        className="search-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${props.caption}: ${summary}`}
        data-active={chosen.length > 0 || undefined}
        disabled={props.disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="search-menu-summary">{summary}</span>
        <Chevron />
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="search-menu" role="group" aria-label={props.caption} onKeyDown={onPanelKeyDown}>
          {props.hint && <p className="search-menu-hint">{props.hint}</p>}
          {choices.length === 0 ? (
            <p className="search-menu-hint">{props.empty}</p>
          ) : (
            choices.map((c) => (
              <label key={c.value} className="search-menu-option">
                <input
                  type="checkbox"
                  checked={chosen.includes(c.value)}
                  onChange={(e) => props.onChange(e.target.checked ? [...chosen, c.value] : chosen.filter((v) => v !== c.value))}
                />
                <span>{c.label}</span>
              </label>
            ))
          )}
          {chosen.length > 0 && (
            <button type="button" className="search-link-button search-menu-clear" onClick={() => props.onChange([])}>
              {t('filters.clearOne')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

const clip = (text: string) => (text.length > 28 ? `${text.slice(0, 28)}…` : text);

/** Memo: the view renders on every keystroke, the filters only when they change. */
export const SearchFiltersBar = memo(function SearchFiltersBar({ client, filters, onChange }: { client: ApiClient; filters: Filters; onChange(next: Filters): void }) {
  const { t, i18n } = useTranslation('search');
  const plans = useQuery({ queryKey: ['library', 'list', 'search'], queryFn: () => client.call('library.list', {}) });
  const planIds = filters.planIds ?? [];
  // Themes are a plan's own: those of every chosen plan, each named with its plan when several are.
  const outlines = useQueries({
    queries: planIds.map((planId) => ({ queryKey: ['plans', 'outline', planId], queryFn: () => client.call('plan.get', { planId }) })),
  });
  const statuses = useQuery({ queryKey: ['search', 'statusOptions'], queryFn: () => client.call('status.options', {}), staleTime: 0 });
  const tags = useQuery({ queryKey: ['tags', 'list'], queryFn: () => client.call('tags.list', {}) });
  const set = (patch: Partial<Filters>) => onChange(cleanFilters({ ...filters, ...patch }));
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const sources = filters.sources?.length ? filters.sources : SOURCES;
  const planTitle = new Map((plans.data ?? []).map((p) => [p.id, p.title]));
  const themeChoices: Choice[] = outlines.flatMap((o, i) =>
    (o.data?.themes ?? []).map((th) => ({
      value: th.id,
      label: planIds.length > 1 ? `${clip(planTitle.get(planIds[i]!) ?? planIds[i]!)} · ${clip(th.headline)}` : clip(th.headline),
    })),
  );
  const statusChoices: Choice[] = [
    ...(statuses.data?.options ?? []).map((o) => ({ value: o.key, label: o.label[language] })),
    { value: NO_STATUS, label: t('filters.noStatus') },
  ];

  return (
    <div className="search-filters" role="group" aria-label={t('filters.label')}>
      <CheckMenu
        caption={t('filters.plan')}
        none={t('filters.allPlans')}
        many={(count) => t('filters.plansChosen', { count })}
        choices={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        chosen={planIds}
        empty={t('filters.noOptions')}
        // The themes chosen belong to the plans chosen: those of a plan taken off go with it.
        onChange={(next) => {
          const kept = new Set(outlines.flatMap((o, i) => (next.includes(planIds[i]!) ? (o.data?.themes ?? []).map((th) => th.id) : [])));
          set({ planIds: next, themeIds: (filters.themeIds ?? []).filter((id) => kept.has(id)) });
        }}
      />
      <label className="search-field">
        <span>{t('filters.version')}</span>
        <Select value={filters.allVersions ? 'all' : 'current'} onChange={(e) => set({ allVersions: e.target.value === 'all' })}>
          <option value="current">{t('filters.current')}</option>
          <option value="all">{t('filters.allVersions')}</option>
        </Select>
      </label>
      <CheckMenu
        caption={t('filters.theme')}
        none={planIds.length === 0 ? t('filters.themesNeedPlan') : t('filters.allThemes')}
        many={(count) => t('filters.themesChosen', { count })}
        choices={themeChoices}
        chosen={filters.themeIds ?? []}
        disabled={planIds.length === 0}
        empty={t('filters.noOptions')}
        onChange={(next) => set({ themeIds: next })}
      />
      <CheckMenu
        caption={t('filters.status')}
        none={t('filters.anyStatus')}
        many={(count) => t('filters.statusesChosen', { count })}
        choices={statusChoices}
        loading={statuses.isPending}
        chosen={(filters.statuses ?? []).map((s) => s ?? NO_STATUS)}
        empty={t('filters.noOptions')}
        onChange={(next) => set({ statuses: next.map((v) => (v === NO_STATUS ? null : v)) })}
      />
      <CheckMenu
        caption={t('filters.tag')}
        none={t('filters.anyTag')}
        many={(count) => t('filters.tagsChosen', { count })}
        choices={(tags.data ?? []).map((c) => ({ value: c.tag, label: c.tag }))}
        chosen={filters.tags ?? []}
        empty={t('filters.noOptions')}
        hint={t('filters.tagsHint')}
        onChange={(next) => set({ tags: next })}
      />
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
        <button type="button" className="search-link-button search-clear" onClick={() => onChange({})}>
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
});
