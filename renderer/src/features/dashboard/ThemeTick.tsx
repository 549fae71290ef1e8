// The status chart's category label: "主题一" / "Theme 1" on top, then the theme's headline in
// the reading mode, wrapped to the axis width (the full headline is the tick's SVG title).
import { useTranslation } from '../../i18n/ui-text';
import { wrapText } from './text-fit';

export interface ThemeLabel {
  themeId: string;
  /** 主题一 / Theme 1 */
  label: string;
  /** One headline per reading language (two in side-by-side mode). */
  headlines: string[];
}

const FONT_SIZE = 12;
const LINE_HEIGHT = 15;
const GAP = 10;

interface Props {
  x: number;
  y: number;
  themeId: string;
  labels: ReadonlyMap<string, ThemeLabel>;
}

export function ThemeTick({ x, y, themeId, labels }: Props) {
  const { t } = useTranslation('dashboard');
  const theme = labels.get(themeId);
  if (!theme) return null;
  // recharts puts x at the tick's end beside the axis; the text may use everything left of it.
  const maxEms = (x - GAP - 2) / FONT_SIZE;
  const perHeadline = theme.headlines.length > 1 ? 1 : 2;
  const lines = theme.headlines.flatMap((h) => {
    const { lines: wrapped, truncated } = wrapText(h, maxEms, perHeadline);
    if (!truncated) return wrapped;
    return [...wrapped.slice(0, -1), t('truncated', { text: wrapped[wrapped.length - 1] ?? '' })];
  });
  // Centre the block (label + headline lines) on the bar.
  const top = y - (lines.length * LINE_HEIGHT) / 2;
  return (
    <g className="dashboard-theme-tick" transform={`translate(${x - GAP},${top})`}>
      {/* The whole label as a tooltip, one text node per part (catalogue or plan text). */}
      <title>{[theme.label, ...theme.headlines.flatMap((h) => ['\n', h])]}</title>
      <text textAnchor="end" fontSize={FONT_SIZE} dominantBaseline="central">
        <tspan x={0} y={0} className="dashboard-tick-theme" fontWeight={600}>
          {theme.label}
        </tspan>
        {lines.map((line, i) => (
          <tspan key={i} x={0} y={(i + 1) * LINE_HEIGHT} className="dashboard-tick-headline">
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
