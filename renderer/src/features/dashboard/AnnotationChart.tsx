// The reader's notes and highlights per theme: two bars per theme. Having none yet is normal,
// so with all zeros the axes still draw (a 0…4 scale) and a friendly message sits on top.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { DashboardTheme } from '../../../../shared/api/contract';
import { ChartFigure } from './ChartFigure';
import { hasAnnotations } from './dashboard-model';
import { DataTable } from './DataTable';
import type { Formatters } from './format';
import { HIGHLIGHTS_SWATCH, NOTES_SWATCH, patternFill } from './status-palette';
import { SwatchIcon } from './SwatchPatterns';
import { countTicks } from './ticks';
import type { ThemeLabel } from './ThemeTick';

interface Props {
  /** What a pair of bars stands for: a theme of the plan, or a whole plan (its totals). */
  per: 'theme' | 'plan';
  themes: readonly DashboardTheme[];
  labels: ReadonlyMap<string, ThemeLabel>;
  patternPrefix: string;
  formatters: Formatters;
  width?: number;
}

const HEIGHT = 250;
/** The smallest top of the value axis, so a few notes do not fill the whole chart. */
const MIN_TOP = 4;

export function AnnotationChart({ per, themes, labels, patternPrefix, formatters, width }: Props) {
  const { t } = useTranslation('dashboard');
  const captionId = useId();
  const emptyId = useId();
  const empty = !hasAnnotations(themes);
  const data = themes.map((theme) => ({ themeId: theme.themeId, notes: theme.notes, highlights: theme.highlights }));
  const ticks = countTicks(Math.max(0, ...themes.map((th) => Math.max(th.notes, th.highlights))), MIN_TOP);
  const shortLabel = (themeId: unknown) => labels.get(String(themeId))?.label ?? String(themeId);
  const bars = [
    { key: 'notes' as const, label: t('annotations.notes'), swatch: NOTES_SWATCH },
    { key: 'highlights' as const, label: t('annotations.highlights'), swatch: HIGHLIGHTS_SWATCH },
  ];

  const table = (
    <DataTable
      captionId={captionId}
      caption={per === 'plan' ? t('annotations.tableCaptionPlans') : t('annotations.tableCaption')}
      columns={[per === 'plan' ? t('status.plan') : t('status.theme'), t('annotations.notes'), t('annotations.highlights')]}
      rows={themes.map((theme) => {
        const label = labels.get(theme.themeId);
        return {
          key: theme.themeId,
          header: label ? [label.label, ...label.headlines] : [theme.headline],
          cells: [formatters.number(theme.notes), formatters.number(theme.highlights)],
        };
      })}
    />
  );

  return (
    <>
      <ul className="dashboard-legend" aria-label={t('annotations.legend')}>
        {bars.map((b) => (
          <li key={b.key}>
            <SwatchIcon fill={patternFill(patternPrefix, b.swatch)} />
            {b.label}
          </li>
        ))}
      </ul>
      <ChartFigure
        label={per === 'plan' ? t('annotations.chartLabelPlans') : t('annotations.chartLabel')}
        describedBy={empty ? `${captionId} ${emptyId}` : captionId}
        width={width}
        height={HEIGHT}
        table={table}
        className={empty ? 'dashboard-figure-empty' : undefined}
        overlay={
          empty ? (
            <p id={emptyId} className="dashboard-empty dashboard-chart-message">
              {per === 'plan' ? t('annotations.emptyPlans') : t('annotations.empty')}
            </p>
          ) : undefined
        }
      >
        {(drawWidth) => (
          <BarChart
            width={drawWidth}
            height={HEIGHT}
            data={data}
            margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
            barCategoryGap="24%"
            barGap={3}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} className="dashboard-grid" stroke="#d9d4ca" strokeDasharray="2 4" />
            <XAxis
              dataKey="themeId"
              tickFormatter={shortLabel}
              interval={0}
              className="dashboard-axis"
              stroke="#9a958c"
              tick={{ fontSize: 12 }}
            />
            <YAxis
              domain={[0, ticks[ticks.length - 1]!]}
              ticks={ticks}
              interval={0}
              tickFormatter={(v: number) => formatters.number(v)}
              width={36}
              className="dashboard-axis"
              stroke="#9a958c"
              tick={{ fontSize: 11 }}
            />
            {bars.map((b) => (
              <Bar
                key={b.key}
                dataKey={b.key}
                name={b.label}
                fill={patternFill(patternPrefix, b.swatch)}
                className={`dashboard-bar dashboard-bar-${b.swatch.name}`}
                maxBarSize={36}
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
              >
                {empty ? null : (
                  <LabelList
                    dataKey={b.key}
                    position="top"
                    className="dashboard-value-label"
                    fontSize={11}
                    fill="#5b616b"
                    formatter={(v: unknown) => formatters.number(Number(v ?? 0))}
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        )}
      </ChartFigure>
    </>
  );
}
