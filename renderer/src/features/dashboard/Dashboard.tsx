// The plan dashboard: summary tiles, initiatives per theme by status, the reader's notes and
// highlights per theme, and the deadlines coming up. With several plans in the library the
// header offers all plans: then the charts draw one bar per plan (a theme axis across plans
// would be as long as all their outlines together) and each deadline names its plan. Charts
// are SVG (recharts) so they print as sharply as the text; dashboard.css lays the page out
// for A4 when printed.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { Dashboard as DashboardData, UiLanguage, UpcomingDeadline } from '../../../../shared/api/contract';
import type { StatusOption } from '../../../../shared/domain/table';
import { printedDate } from '../../../../shared/text/printed-date';
import { ApiCallError } from '../../api/api-call-error';
import type { FeatureProps } from '../feature-props';
import { AnnotationChart } from './AnnotationChart';
import {
  chartRows,
  initiativeHeadlines,
  statusLabel,
  statusSeries,
  statusSwatch,
  summarize,
  themeHeadlines,
} from './dashboard-model';
import { DeadlineList } from './DeadlineList';
import type { Formatters } from './format';
import { patternFill, statusSwatchOf } from './status-palette';
import { StatusChart } from './StatusChart';
import { SummaryTiles } from './SummaryTiles';
import { SwatchPatterns } from './SwatchPatterns';
import type { ThemeLabel } from './ThemeTick';
import { useDashboard, type DashboardScope } from './use-dashboard';
import { useFormatters } from './use-formatters';
import './dashboard.css';
import { usePrintRunningHeader } from '../table/running-header';
import { useReading } from '../../reading/reading-context';
import { printWhenReady } from '../../shell/print';
import { Select } from '../../components/Select';

export interface DashboardProps extends FeatureProps {
  /** Fixed chart width in pixels, for hosts without layout (jsdom); measured when absent. */
  chartWidth?: number;
}

export function Dashboard({ client, planId, readingMode, translation, onOpenInitiative, chartWidth }: DashboardProps) {
  const { t, i18n } = useTranslation('dashboard');
  const [scope, setScope] = useState<DashboardScope>('plan');
  const { state, retry } = useDashboard(client, planId, scope);
  const formatters = useFormatters();
  // Every printed page names the plan (or all plans, the dashboard's only filter) and the day
  // (written as a packet writes it) in its top margin.
  const printed = state.status === 'ready' ? printedDate(state.today, i18n.language.startsWith('zh') ? 'zh' : 'en') : '';
  usePrintRunningHeader(
    state.status === 'ready' ? `${scope === 'all' ? t('scopeAll') : state.dashboard.plans.map((p) => p.title).join('、')} · ${printed}` : null,
  );

  if (state.status === 'loading') {
    return (
      <div className="dashboard">
        <p role="status" className="dashboard-loading">
          {t('loading')}
        </p>
      </div>
    );
  }
  if (state.status === 'error') {
    const apiError = state.error instanceof ApiCallError ? state.error : null;
    return (
      <div className="dashboard">
        <div className="dashboard-error" role="alert">
          <h2>{t('failed')}</h2>
          <p>{state.error instanceof Error ? state.error.message : String(state.error)}</p>
          {apiError ? <p className="dashboard-error-code">{t('errorCode', { code: apiError.code })}</p> : null}
          <button type="button" onClick={retry}>
            {t('retry')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <DashboardView
      dashboard={state.dashboard}
      options={state.options}
      today={state.today}
      readingMode={readingMode}
      translation={translation}
      onOpenInitiative={onOpenInitiative}
      formatters={formatters}
      chartWidth={chartWidth}
      scope={scope}
      onScope={setScope}
    />
  );
}

interface ViewProps extends Pick<FeatureProps, 'readingMode' | 'translation' | 'onOpenInitiative'> {
  dashboard: DashboardData;
  options: StatusOption[];
  today: string;
  formatters: Formatters;
  chartWidth?: number;
  scope: DashboardScope;
  onScope(scope: DashboardScope): void;
}

function DashboardView(props: ViewProps) {
  const { dashboard, options, today, readingMode, translation, onOpenInitiative, formatters, chartWidth } = props;
  // Chinese shown with the reader's punctuation display setting, as in the reading view.
  const { zh } = useReading();
  const { t, i18n } = useTranslation('dashboard');
  const language: UiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const titleId = useId();
  // useId's characters are not all safe inside url(#…); the prefix only needs to be unique.
  const patternPrefix = `dash${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const noneLabel = t('status.none');
  const acrossPlans = dashboard.planId === null;
  const rows = useMemo(() => chartRows(dashboard), [dashboard]);

  const series = useMemo(() => statusSeries(options, rows, language, noneLabel), [options, rows, language, noneLabel]);
  const labels = useMemo(
    () =>
      new Map<string, ThemeLabel>(
        rows.map((row) => [
          row.themeId,
          acrossPlans
            ? // A plan's title as the reader named it: no translation of it is loaded.
              { themeId: row.themeId, label: t('planLabel', { ordinal: row.ordinal }), headlines: [zh(row.headline)] }
            : {
                themeId: row.themeId,
                label: t('themeLabel', { ordinal: row.ordinal }),
                headlines: themeHeadlines(row.themeId, zh(row.headline), readingMode, translation),
              },
        ]),
      ),
    [rows, acrossPlans, readingMode, translation, t, zh],
  );
  const chart = {
    per: acrossPlans ? ('plan' as const) : ('theme' as const),
    themes: rows,
    labels,
    patternPrefix,
    formatters,
    width: chartWidth,
  };
  // A chart card's heading and intro: per theme, or per plan across plans.
  const cardText = (card: 'status' | 'annotations') =>
    acrossPlans
      ? { title: t(`${card}.titlePlans`), intro: t(`${card}.introPlans`) }
      : { title: t(`${card}.title`), intro: t(`${card}.intro`) };
  const summary = summarize(dashboard);
  const headlinesOf = (d: UpcomingDeadline) => initiativeHeadlines(d.initiativeId, zh(d.headline), readingMode, translation);
  const statusOf = (key: string | null) => ({
    label: statusLabel(options, key, language, noneLabel),
    fill: patternFill(patternPrefix, statusSwatchOf(statusSwatch(series, key))),
  });

  return (
    <article className="dashboard" aria-labelledby={titleId}>
      <SwatchPatterns prefix={patternPrefix} />
      <header className="dashboard-head">
        <div>
          <h2 id={titleId} className="dashboard-title">
            {acrossPlans ? t('titleAll') : t('title')}
          </h2>
          <p className="dashboard-as-of">{t('asOf', { date: formatters.date(today) })}</p>
        </div>
        <div className="dashboard-actions">
          {dashboard.planCount > 1 || acrossPlans ? (
            <label className="dashboard-scope">
              <span>{t('scope')}</span>
              <Select value={props.scope} onChange={(e) => props.onScope(e.target.value === 'all' ? 'all' : 'plan')}>
                <option value="plan">{t('scopePlan')}</option>
                <option value="all">{t('scopeAll')}</option>
              </Select>
            </label>
          ) : null}
          <button type="button" className="dashboard-print" onClick={() => void printWhenReady()}>
            {t('print')}
          </button>
        </div>
      </header>
      <SummaryTiles summary={summary} formatters={formatters} />
      <div className="dashboard-cards">
        <Card className="dashboard-card-status" {...cardText('status')}>
          <StatusChart {...chart} series={series} />
        </Card>
        <Card className="dashboard-card-annotations" {...cardText('annotations')}>
          <AnnotationChart {...chart} />
        </Card>
        <Card className="dashboard-card-deadlines" title={t('deadlines.title')}>
          <DeadlineList
            today={today}
            upcoming={dashboard.upcoming}
            overdue={dashboard.overdue}
            headlinesOf={headlinesOf}
            showPlan={acrossPlans}
            statusOf={statusOf}
            formatters={formatters}
            onOpen={onOpenInitiative}
          />
        </Card>
      </div>
    </article>
  );
}

function Card({ className, title, intro, children }: { className: string; title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`dashboard-card ${className}`} aria-labelledby={id}>
      <h3 id={id} className="dashboard-card-title">
        {title}
      </h3>
      {intro ? <p className="dashboard-card-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
