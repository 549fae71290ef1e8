// The plan dashboard: summary tiles, initiatives per theme by status, the reader's notes and
// highlights per theme, and the deadlines coming up. Charts are SVG (recharts) so they print
// as sharply as the text; dashboard.css lays the page out for A4 when printed.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard as DashboardData, UiLanguage, UpcomingDeadline } from '../../../../shared/api/contract';
import type { StatusOption } from '../../../../shared/domain/table';
import { ApiCallError } from '../../api/api-call-error';
import type { FeatureProps } from '../feature-props';
import { AnnotationChart } from './AnnotationChart';
import {
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
import { useDashboard } from './use-dashboard';
import { useFormatters } from './use-formatters';
import './dashboard.css';
import { useReading } from '../../reading/reading-context';

export interface DashboardProps extends FeatureProps {
  /** Fixed chart width in pixels, for hosts without layout (jsdom); measured when absent. */
  chartWidth?: number;
}

export function Dashboard({ client, planId, readingMode, translation, onOpenInitiative, chartWidth }: DashboardProps) {
  const { t } = useTranslation('dashboard');
  const { state, retry } = useDashboard(client, planId);
  const formatters = useFormatters();

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
    />
  );
}

interface ViewProps extends Pick<FeatureProps, 'readingMode' | 'translation' | 'onOpenInitiative'> {
  dashboard: DashboardData;
  options: StatusOption[];
  today: string;
  formatters: Formatters;
  chartWidth?: number;
}

function DashboardView({ dashboard, options, today, readingMode, translation, onOpenInitiative, formatters, chartWidth }: ViewProps) {
  // Chinese shown with the reader's punctuation display setting, as in the reading view.
  const { zh } = useReading();
  const { t, i18n } = useTranslation('dashboard');
  const language: UiLanguage = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const titleId = useId();
  // useId's characters are not all safe inside url(#…); the prefix only needs to be unique.
  const patternPrefix = `dash${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const noneLabel = t('status.none');

  const series = useMemo(
    () => statusSeries(options, dashboard.themes, language, noneLabel),
    [options, dashboard.themes, language, noneLabel],
  );
  const labels = useMemo(
    () =>
      new Map<string, ThemeLabel>(
        dashboard.themes.map((theme) => [
          theme.themeId,
          {
            themeId: theme.themeId,
            label: t('themeLabel', { ordinal: theme.ordinal }),
            headlines: themeHeadlines(theme.themeId, zh(theme.headline), readingMode, translation),
          },
        ]),
      ),
    [dashboard.themes, readingMode, translation, t, zh],
  );
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
            {t('title')}
          </h2>
          <p className="dashboard-as-of">{t('asOf', { date: formatters.date(today) })}</p>
        </div>
        <button type="button" className="dashboard-print" onClick={() => window.print()}>
          {t('print')}
        </button>
      </header>
      <SummaryTiles summary={summary} formatters={formatters} />
      <div className="dashboard-cards">
        <Card className="dashboard-card-status" title={t('status.title')} intro={t('status.intro')}>
          <StatusChart
            themes={dashboard.themes}
            series={series}
            labels={labels}
            patternPrefix={patternPrefix}
            formatters={formatters}
            width={chartWidth}
          />
        </Card>
        <Card className="dashboard-card-annotations" title={t('annotations.title')} intro={t('annotations.intro')}>
          <AnnotationChart
            themes={dashboard.themes}
            labels={labels}
            patternPrefix={patternPrefix}
            formatters={formatters}
            width={chartWidth}
          />
        </Card>
        <Card className="dashboard-card-deadlines" title={t('deadlines.title')}>
          <DeadlineList
            today={today}
            upcoming={dashboard.upcoming}
            overdue={dashboard.overdue}
            headlinesOf={headlinesOf}
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
