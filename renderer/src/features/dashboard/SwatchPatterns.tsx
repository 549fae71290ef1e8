// The <pattern> definitions every chart, legend swatch and pill of one dashboard refer to by
// url(#id). One zero-size SVG holds them: not display:none, which would stop them painting.
import { ALL_SWATCHES, patternId, type PatternKind } from './status-palette';

const SIZE = 6;

function Overlay({ kind }: { kind: PatternKind }) {
  const line = (x1: number, y1: number, x2: number, y2: number) => (
    <line key={`${x1}${y1}${x2}${y2}`} x1={x1} y1={y1} x2={x2} y2={y2} className="dashboard-hatch" stroke="#ffffff" strokeOpacity={0.7} strokeWidth={1.4} />
  );
  switch (kind) {
    case 'solid':
      return null;
    case 'dots':
      return <circle cx={SIZE / 2} cy={SIZE / 2} r={1.2} className="dashboard-hatch-dot" fill="#ffffff" fillOpacity={0.75} />;
    case 'diagonal':
      return <>{[line(0, SIZE, SIZE, 0), line(-1, 1, 1, -1), line(SIZE - 1, SIZE + 1, SIZE + 1, SIZE - 1)]}</>;
    case 'antidiagonal':
      return <>{[line(0, 0, SIZE, SIZE), line(-1, SIZE - 1, 1, SIZE + 1), line(SIZE - 1, -1, SIZE + 1, 1)]}</>;
    case 'crosshatch':
      return <>{[line(0, SIZE, SIZE, 0), line(0, 0, SIZE, SIZE)]}</>;
    case 'horizontal':
      return line(0, SIZE / 2, SIZE, SIZE / 2);
    case 'vertical':
      return line(SIZE / 2, 0, SIZE / 2, SIZE);
    case 'grid':
      return <>{[line(0, SIZE / 2, SIZE, SIZE / 2), line(SIZE / 2, 0, SIZE / 2, SIZE)]}</>;
  }
}

export function SwatchPatterns({ prefix }: { prefix: string }) {
  return (
    <svg className="dashboard-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {ALL_SWATCHES.map((swatch) => (
          <pattern key={swatch.name} id={patternId(prefix, swatch)} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
            <rect width={SIZE} height={SIZE} className={`dashboard-fill-${swatch.name}`} fill={swatch.light} />
            <Overlay kind={swatch.pattern} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A small legend or pill swatch painted with a swatch's pattern. */
export function SwatchIcon({ fill }: { fill: string }) {
  return (
    <svg className="dashboard-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="13" height="13" rx="3" fill={fill} className="dashboard-swatch-rect" />
    </svg>
  );
}
