// What goes into the packet: the sources in the order the reader added them (each described in
// words, a source naming something gone shown plainly), and a small form to add a whole plan,
// chosen themes (grouped by plan), a saved view or a filter. Rows picked in the table come in
// as a source of their own through "Add to packet…".
import { useId, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/ui-text';
import type { PlanOutline, PlanSummary } from '../../../../shared/api/plans/methods';
import type { PacketMethods, PacketSource } from '../../../../shared/api/packets/methods';
import type { StatusOption } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';
import { formatDate } from '../table/date-text';
import { DateField } from './DateField';
import { Select } from '../../components/Select';

type Missing = PacketMethods['packet.resolve']['result']['missing'];
type Kind = 'plan' | 'themes' | 'view' | 'filter';
type Priority = 'high' | 'medium' | 'low';
const KINDS: readonly Kind[] = ['plan', 'themes', 'view', 'filter'];
const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];

const keys = {
  plans: ['packets', 'plans'] as const,
  outline: (planId: string) => ['packets', 'outline', planId] as const,
  views: ['packets', 'views'] as const,
  statuses: ['packets', 'statuses'] as const,
};

interface Props {
  client: ApiClient;
  sources: PacketSource[];
  missing: Missing;
  onChange(sources: PacketSource[]): void;
}

export function SourcesEditor({ client, sources, missing, onChange }: Props) {
  const { t, i18n } = useTranslation('packets');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const plans = useQuery({ queryKey: keys.plans, queryFn: () => client.call('plan.list', {}) });
  const views = useQuery({ queryKey: keys.views, queryFn: () => client.call('view.list', {}) });
  const statuses = useQuery({ queryKey: keys.statuses, queryFn: () => client.call('status.options', {}) });
  const [kind, setKind] = useState<Kind>('plan');
  const [themesWanted, setThemesWanted] = useState(false);
  // Outlines give the themes' names: loaded for the themes picker, or to describe a themes source.
  const needOutlines = themesWanted || kind === 'themes' || sources.some((s) => s.kind === 'themes');
  const currentPlans = (plans.data ?? []).filter((p) => !p.supersededBy);
  const outlines = useQueries({
    queries: currentPlans.map((p) => ({ queryKey: keys.outline(p.id), queryFn: () => client.call('plan.get', { planId: p.id }), enabled: needOutlines })),
  });
  const themeNames = new Map<string, string>();
  for (const o of outlines) for (const theme of o.data?.themes ?? []) themeNames.set(theme.id, theme.headline);
  const planTitle = (id: string) => plans.data?.find((p) => p.id === id)?.title ?? id;
  const statusLabel = (key: string | null) => (key === null ? t('sources.noStatus') : (statuses.data?.options.find((o) => o.key === key)?.label[lang] ?? key));
  const name = useId();

  const describe = (source: PacketSource): string => {
    switch (source.kind) {
      case 'plan':
        return t('sources.describe.plan', { plan: planTitle(source.planId) });
      case 'themes':
        return t('sources.describe.themes', { count: source.themeIds.length, names: source.themeIds.map((id) => themeNames.get(id) ?? id).join('；') });
      case 'items':
        return t('sources.describe.items', { count: source.itemIds.length });
      case 'view':
        return t('sources.describe.view', { name: views.data?.find((v) => v.id === source.viewId)?.name ?? `#${source.viewId}` });
      case 'filter': {
        const parts = [
          source.planId ? planTitle(source.planId) : null,
          source.statuses?.length ? `${t('sources.status')} ${source.statuses.map(statusLabel).join('/')}` : null,
          source.priorities?.length ? `${t('sources.priority')} ${source.priorities.map((p) => t(`sources.priorities.${p ?? 'none'}`)).join('/')}` : null,
          source.tags?.length ? `${t('sources.tags')} ${source.tags.join(', ')}` : null,
          source.deadlineBy ? `${t('sources.deadlineBy')} ${formatDate(source.deadlineBy, lang)}` : null,
        ].filter(Boolean);
        return t('sources.describe.filter', { what: parts.length ? parts.join(' · ') : t('sources.describe.everything') });
      }
    }
  };

  const add = (source: PacketSource) => onChange([...sources, source]);

  return (
    <fieldset className="pk-section pk-sources">
      <legend>{t('sources.legend')}</legend>
      {sources.length === 0 ? (
        <p className="pk-empty-line">{t('sources.empty')}</p>
      ) : (
        <ul className="pk-source-list">
          {sources.map((source, index) => {
            const gone = missing.find((m) => m.source === index);
            const text = describe(source);
            return (
              <li key={index} className={gone ? 'pk-source pk-source-missing' : 'pk-source'}>
                <span className="pk-source-kind" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="pk-source-text">
                  {text}
                  {gone && <span className="pk-missing">{t(`sources.missing.${gone.reason}`)}</span>}
                </span>
                <button
                  type="button"
                  className="pk-icon-button"
                  aria-label={t('sources.remove', { what: text })}
                  title={t('sources.remove', { what: text })}
                  onClick={() => onChange(sources.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="pk-add" role="group" aria-label={t('sources.add')}>
        <div className="pk-add-head">
          <span className="pk-add-title">{t('sources.add')}</span>
          <div className="pk-segmented" role="radiogroup" aria-label={t('sources.kind')}>
            {KINDS.map((k) => (
              <label key={k} className={k === kind ? 'pk-segment pk-segment-on' : 'pk-segment'}>
                <input
                  type="radio"
                  name={`${name}-kind`}
                  checked={k === kind}
                  onChange={() => {
                    setKind(k);
                    if (k === 'themes') setThemesWanted(true);
                  }}
                />
                {t(`sources.${k}`)}
              </label>
            ))}
          </div>
        </div>
        {kind === 'plan' && <PlanForm plans={currentPlans} onAdd={add} />}
        {kind === 'themes' && <ThemesForm plans={currentPlans} outlines={outlines.map((o) => o.data ?? null)} onAdd={add} />}
        {kind === 'view' && <ViewForm views={views.data ?? []} onAdd={add} />}
        {kind === 'filter' && <FilterForm plans={currentPlans} statuses={statuses.data?.options ?? []} onAdd={add} />}
      </div>
    </fieldset>
  );
}

function PlanForm({ plans, onAdd }: { plans: PlanSummary[]; onAdd(source: PacketSource): void }) {
  const { t } = useTranslation('packets');
  const id = useId();
  const [planId, setPlanId] = useState('');
  const chosen = planId || plans[0]?.id || '';
  if (plans.length === 0) return <p className="pk-empty-line">{t('sources.noPlans')}</p>;
  return (
    <div className="pk-add-form">
      <label htmlFor={id}>{t('sources.choosePlan')}</label>
      <Select id={id} value={chosen} onChange={(e) => setPlanId(e.target.value)}>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </Select>
      <button type="button" className="pk-button" onClick={() => onAdd({ kind: 'plan', planId: chosen })}>
        {t('sources.addButton')}
      </button>
    </div>
  );
}

function ThemesForm({ plans, outlines, onAdd }: { plans: PlanSummary[]; outlines: (PlanOutline | null)[]; onAdd(source: PacketSource): void }) {
  const { t } = useTranslation('packets');
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <div className="pk-add-form pk-themes">
      <div className="pk-themes-groups">
        {plans.map((plan, i) => {
          const outline = outlines[i];
          return (
            <fieldset key={plan.id} className="pk-themes-plan">
              <legend>{plan.title}</legend>
              {!outline ? (
                <p className="pk-empty-line">{t('sources.loadingThemes')}</p>
              ) : (
                outline.themes.map((theme) => (
                  <label key={theme.id} className="pk-check">
                    <input type="checkbox" checked={chosen.includes(theme.id)} onChange={(e) => toggle(theme.id, e.target.checked)} />
                    <span>{theme.headline}</span>
                  </label>
                ))
              )}
            </fieldset>
          );
        })}
      </div>
      <button
        type="button"
        className="pk-button"
        disabled={chosen.length === 0}
        onClick={() => {
          onAdd({ kind: 'themes', themeIds: chosen });
          setChosen([]);
        }}
      >
        {t('sources.addButton')}
      </button>
    </div>
  );
}

function ViewForm({ views, onAdd }: { views: { id: number; name: string }[]; onAdd(source: PacketSource): void }) {
  const { t } = useTranslation('packets');
  const id = useId();
  const [viewId, setViewId] = useState<number | null>(null);
  const chosen = viewId ?? views[0]?.id ?? null;
  if (views.length === 0 || chosen === null) return <p className="pk-empty-line">{t('sources.noViews')}</p>;
  return (
    <div className="pk-add-form">
      <label htmlFor={id}>{t('sources.chooseView')}</label>
      <Select id={id} value={chosen} onChange={(e) => setViewId(Number(e.target.value))}>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </Select>
      <button type="button" className="pk-button" onClick={() => onAdd({ kind: 'view', viewId: chosen })}>
        {t('sources.addButton')}
      </button>
    </div>
  );
}

function FilterForm({ plans, statuses, onAdd }: { plans: PlanSummary[]; statuses: StatusOption[]; onAdd(source: PacketSource): void }) {
  const { t, i18n } = useTranslation('packets');
  const id = useId();
  const [planId, setPlanId] = useState('');
  const [chosenStatuses, setStatuses] = useState<(string | null)[]>([]);
  const [priorities, setPriorities] = useState<(Priority | null)[]>([]);
  const [tags, setTags] = useState('');
  const [deadlineBy, setDeadlineBy] = useState('');
  const [deadlineReads, setDeadlineReads] = useState(true);
  const toggle = <V,>(list: V[], value: V, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  const submit = () => {
    const tagList = tags
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    onAdd({
      kind: 'filter',
      ...(planId ? { planId } : {}),
      ...(chosenStatuses.length ? { statuses: chosenStatuses } : {}),
      ...(priorities.length ? { priorities } : {}),
      ...(tagList.length ? { tags: tagList } : {}),
      ...(deadlineBy ? { deadlineBy } : {}),
    });
  };
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <div className="pk-add-form pk-filter">
      <div className="pk-field">
        <label htmlFor={`${id}-plan`}>{t('sources.choosePlan')}</label>
        <Select id={`${id}-plan`} value={planId} onChange={(e) => setPlanId(e.target.value)}>
          <option value="">{t('sources.anyPlan')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </Select>
      </div>
      <fieldset className="pk-inline-checks">
        <legend>{t('sources.status')}</legend>
        {[...statuses.map((s) => ({ key: s.key as string | null, label: s.label[lang] })), { key: null, label: t('sources.noStatus') }].map((s) => (
          <label key={s.key ?? '∅'} className="pk-check">
            <input type="checkbox" checked={chosenStatuses.includes(s.key)} onChange={(e) => setStatuses((c) => toggle(c, s.key, e.target.checked))} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="pk-inline-checks">
        <legend>{t('sources.priority')}</legend>
        {[...PRIORITIES, null].map((p) => (
          <label key={p ?? '∅'} className="pk-check">
            <input type="checkbox" checked={priorities.includes(p)} onChange={(e) => setPriorities((c) => toggle(c, p, e.target.checked))} />
            {t(`sources.priorities.${p ?? 'none'}`)}
          </label>
        ))}
      </fieldset>
      <div className="pk-field">
        <label htmlFor={`${id}-tags`}>{t('sources.tags')}</label>
        <input id={`${id}-tags`} type="text" value={tags} placeholder={t('sources.tagsHint')} onChange={(e) => setTags(e.target.value)} />
      </div>
      <div className="pk-field">
        <label htmlFor={`${id}-deadline`}>{t('sources.deadlineBy')}</label>
        <DateField id={`${id}-deadline`} value={deadlineBy || null} onChange={(date) => setDeadlineBy(date ?? '')} onValidity={setDeadlineReads} />
      </div>
      {/* A deadline that does not read as a date is not silently dropped from the filter. */}
      <button type="button" className="pk-button" disabled={!deadlineReads} onClick={submit}>
        {t('sources.addButton')}
      </button>
    </div>
  );
}
