// Pure shaping of dashboard.get's answer for the charts, tiles and list: the status series in
// the configured order, the summary numbers, the chart's rows (themes of one plan, or plans),
// and plan text in the reader's reading mode.
import type { Dashboard, DashboardTheme, UiLanguage } from '../../../../shared/api/contract';
import type { StatusOption } from '../../../../shared/domain/table';
import type { PlanTranslation } from '../../../../shared/domain/translation';
import type { ReadingMode } from '../feature-props';

/** The key dashboard.get counts initiatives without a status under. */
export const NO_STATUS = 'none';
/** Status keys the summary tiles count (stable keys of the default options; labels are configurable). */
export const DONE_STATUS = 'done';
export const IN_PROGRESS_STATUS = 'in_progress';

/** One stack of the status chart. `swatch` picks the colour and pattern (see status-palette.ts). */
export interface StatusSeries {
  key: string;
  label: string;
  swatch: number | typeof NO_STATUS;
}

/**
 * The configured statuses in their configured order, then any status the data still uses but
 * the configuration no longer lists (labelled by its key, so no initiative goes uncounted),
 * then "no status" last.
 */
export function statusSeries(
  options: readonly StatusOption[],
  themes: readonly DashboardTheme[],
  language: UiLanguage,
  noneLabel: string,
): StatusSeries[] {
  const series: StatusSeries[] = options
    .filter((o) => o.key !== NO_STATUS)
    .map((o, i) => ({ key: o.key, label: o.label[language], swatch: i }));
  const known = new Set(series.map((s) => s.key));
  for (const theme of themes) {
    for (const [key, count] of Object.entries(theme.byStatus)) {
      if (key === NO_STATUS || known.has(key) || count <= 0) continue;
      known.add(key);
      series.push({ key, label: key, swatch: series.length });
    }
  }
  series.push({ key: NO_STATUS, label: noneLabel, swatch: NO_STATUS });
  return series;
}

export function statusLabel(options: readonly StatusOption[], key: string | null, language: UiLanguage, noneLabel: string): string {
  if (key === null || key === NO_STATUS) return noneLabel;
  return options.find((o) => o.key === key)?.label[language] ?? key;
}

/** The swatch a status key is drawn with, matching statusSeries(). */
export function statusSwatch(series: readonly StatusSeries[], key: string | null): StatusSeries['swatch'] {
  if (key === null) return NO_STATUS;
  return series.find((s) => s.key === key)?.swatch ?? NO_STATUS;
}

export function themeTotal(theme: DashboardTheme): number {
  return Object.values(theme.byStatus).reduce((sum, n) => sum + n, 0);
}

export interface Summary {
  initiatives: number;
  done: number;
  /** done / initiatives, 0 when there are none. */
  doneShare: number;
  inProgress: number;
  /** Initiatives with a deadline, whatever its date and status. */
  withDeadline: number;
  overdue: number;
}

/**
 * What the charts draw one bar (or pair of bars) for: the plan's themes, or across plans each
 * plan's totals in the same shape (its id as the key, its title as the headline), by title.
 */
export function chartRows(dashboard: Dashboard): DashboardTheme[] {
  if (dashboard.planId !== null) return dashboard.themes;
  return dashboard.plans.map((p, i) => ({
    themeId: p.planId,
    planId: p.planId,
    ordinal: i + 1,
    headline: p.title,
    byStatus: p.byStatus,
    notes: p.notes,
    highlights: p.highlights,
  }));
}

export function summarize(dashboard: Dashboard): Summary {
  // The plans' totals: every initiative in scope, whether one plan's or all plans'.
  const count = (key: string) => dashboard.plans.reduce((sum, p) => sum + (p.byStatus[key] ?? 0), 0);
  const initiatives = dashboard.plans.reduce((sum, p) => sum + Object.values(p.byStatus).reduce((n, c) => n + c, 0), 0);
  const done = count(DONE_STATUS);
  return {
    initiatives,
    done,
    doneShare: initiatives > 0 ? done / initiatives : 0,
    inProgress: count(IN_PROGRESS_STATUS),
    withDeadline: dashboard.deadlineCount,
    overdue: dashboard.overdue.length,
  };
}

/** A theme's headline as the reader reads the plan: Chinese, English (when translated), or both. */
export function themeHeadlines(
  themeId: string,
  headline: string,
  readingMode: ReadingMode,
  translation: PlanTranslation | null,
): string[] {
  return inReadingMode(headline, translation?.themes[themeId], readingMode);
}

export function initiativeHeadlines(
  initiativeId: string,
  headline: string,
  readingMode: ReadingMode,
  translation: PlanTranslation | null,
): string[] {
  return inReadingMode(headline, translation?.initiatives[initiativeId]?.headline, readingMode);
}

function inReadingMode(original: string, translated: string | undefined, readingMode: ReadingMode): string[] {
  if (readingMode === 'zh' || !translated) return [original];
  if (readingMode === 'en') return [translated];
  return [original, translated];
}

export function hasAnnotations(themes: readonly DashboardTheme[]): boolean {
  return themes.some((t) => t.notes > 0 || t.highlights > 0);
}
