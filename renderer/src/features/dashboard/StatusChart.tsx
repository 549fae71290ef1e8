// Initiatives per theme by status: one horizontal bar per theme, stacked by status in the
// configured order, each segment patterned and labelled with its count; an HTML legend in
// the UI language; the numbers again as a hidden table.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { DashboardTheme } from '../../../../shared/api/contract';
import { ChartFigure } from './ChartFigure';
import { themeTotal, type StatusSeries } from './dashboard-model';
import { DataTable } from './DataTable';
import type { Formatters } from './format';
import { patternFill, statusSwatchOf } from './status-palette';
import { SwatchIcon } from './SwatchPatterns';
import { ThemeTick, type ThemeLabel } from './ThemeTick';
import { countTicks } from './ticks';

interface Props {
  /** What a bar stands for: a theme of the plan, or a whole plan (its totals). */
  per: 'theme' | 'plan';
  themes: readonly DashboardTheme[];
  series: readonly StatusSeries[];
  labels: ReadonlyMap<string, ThemeLabel>;
  patternPrefix: string;
  formatters: Formatters;
  /** Fixed chart width (tests); measured when absent. */
  width?: number;
}

const ROW_HEIGHT = 58;
const ROW_HEIGHT_TWO_HEADLINES = 66;
const AXIS_HEIGHT = 26;
const MARGIN = { top: 4, right: 16, bottom: 0, left: 0 };
/** Segments narrower than this carry no count label (the table and legend still give it). */
const MIN_LABEL_WIDTH = 18;

const dataKey = (status: string) => `status:${status}`;

export function StatusChart({ per, themes, series, labels, patternPrefix, formatters, width }: Props) {
  const { t } = useTranslation('dashboard');
  const captionId = useId();
  const twoHeadlines = [...labels.values()].some((l) => l.headlines.length > 1);
  const rowHeight = twoHeadlines ? ROW_HEIGHT_TWO_HEADLINES : ROW_HEIGHT;
  const height = themes.length * rowHeight + AXIS_HEIGHT + MARGIN.top + MARGIN.bottom;
  const data = themes.map((theme) => ({
    themeId: theme.themeId,
    ...Object.fromEntries(series.map((s) => [dataKey(s.key), theme.byStatus[s.key] ?? 0])),
  }));
  const ticks = countTicks(Math.max(0, ...themes.map(themeTotal)), 1, 5);

  const table = (
    <DataTable
      captionId={captionId}
      caption={per === 'plan' ? t('status.tableCaptionPlans') : t('status.tableCaption')}
      columns={[per === 'plan' ? t('status.plan') : t('status.theme'), ...series.map((s) => s.label), t('status.total')]}
      rows={themes.map((theme) => {
        const label = labels.get(theme.themeId);
        return {
          key: theme.themeId,
          header: label ? [label.label, ...label.headlines] : [theme.headline],
          cells: [...series.map((s) => formatters.number(theme.byStatus[s.key] ?? 0)), formatters.number(themeTotal(theme))],
        };
      })}
    />
  );

  return (
    <>
      <ul className="dashboard-legend" aria-label={t('status.legend')}>
        {series.map((s) => (
          <li key={s.key}>
            <SwatchIcon fill={patternFill(patternPrefix, statusSwatchOf(s.swatch))} />
            {s.label}
          </li>
        ))}
      </ul>
      <ChartFigure label={per === 'plan' ? t('status.chartLabelPlans') : t('status.chartLabel')} describedBy={captionId} width={width} height={height} table={table}>
        {(drawWidth) => {
          const axisWidth = Math.round(Math.min(300, Math.max(140, drawWidth * 0.36)));
          return (
            <BarChart
              width={drawWidth}
              height={height}
              data={data}
              layout="vertical"
              margin={MARGIN}
              barCategoryGap="28%"
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} className="dashboard-grid" stroke="#d9d4ca" strokeDasharray="2 4" />
              <XAxis
                type="number"
                domain={[0, ticks[ticks.length - 1]!]}
                ticks={ticks}
                interval={0}
                tickFormatter={(v: number) => formatters.number(v)}
                className="dashboard-axis"
                stroke="#9a958c"
                tick={{ fontSize: 11 }}
                height={AXIS_HEIGHT}
              />
              <YAxis
                type="category"
                dataKey="themeId"
                width={axisWidth}
                className="dashboard-axis"
                stroke="#9a958c"
                tickLine={false}
                interval={0}
                tick={(p: { x: number | string; y: number | string; payload: { value: unknown } }) => (
                  <ThemeTick x={Number(p.x)} y={Number(p.y)} themeId={String(p.payload.value)} labels={labels} />
                )}
              />
              {series.map((s) => {
                const swatch = statusSwatchOf(s.swatch);
                return (
                  <Bar
                    key={s.key}
                    dataKey={dataKey(s.key)}
                    name={s.label}
                    stackId="status"
                    fill={patternFill(patternPrefix, swatch)}
                    className={`dashboard-bar dashboard-bar-${swatch.name}`}
                    isAnimationActive={false}
                  >
                    <LabelList
                      dataKey={dataKey(s.key)}
                      content={(p) => <SegmentLabel {...segmentBox(p)} text={formatters.number(Number(p.value ?? 0))} />}
                    />
                  </Bar>
                );
              })}
            </BarChart>
          );
        }}
      </ChartFigure>
    </>
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

function segmentBox(p: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; value?: unknown }): Box {
  return { x: Number(p.x ?? 0), y: Number(p.y ?? 0), width: Number(p.width ?? 0), height: Number(p.height ?? 0), value: Number(p.value ?? 0) };
}

/** A count on a light chip in the middle of its segment, readable on any pattern and in grayscale. */
function SegmentLabel({ x, y, width, height, value, text }: Box & { text: string }) {
  if (!(value > 0) || width < MIN_LABEL_WIDTH) return null;
  const chipWidth = Math.max(16, text.length * 7 + 8);
  const cx = x + width / 2;
  const cy = y + height / 2;
  return (
    <g className="dashboard-segment-label">
      <rect x={cx - chipWidth / 2} y={cy - 8} width={chipWidth} height={16} rx={8} className="dashboard-chip" fill="#fffefb" fillOpacity={0.92} />
      <text x={cx} y={cy} textAnchor="middle" dominantBaseline="central" fontSize={11} fontWeight={600} className="dashboard-chip-text" fill="#1f2328">
        {text}
      </text>
    </g>
  );
}
