// A chart with its accessible parts: the drawing is one image with a name (role="img"), and the
// same numbers follow as a visually hidden table for screen readers. On screen the drawing
// fills its card (measured); for paper a second drawing at a fixed A4 width is printed instead,
// because a print job does not wait for a re-measure and scaling the screen drawing would make
// its text grow or shrink with the window the reader happened to have.
import type { ReactNode } from 'react';
import { useElementWidth } from './use-element-width';

/** Drawing width on A4 portrait: 186 mm of content less the card's padding, in CSS pixels. */
export const PRINT_CHART_WIDTH = 660;

interface Props {
  /** The image's accessible name. */
  label: string;
  /** Ids of the elements that summarise the numbers (the hidden table's caption, a message). */
  describedBy?: string;
  /** Fixed drawing width (tests); measured when absent. */
  width?: number;
  height: number;
  /** Draws the chart at the given width. */
  children: (width: number) => ReactNode;
  /** Shown over the drawing (e.g. an empty-state message), outside the image. */
  overlay?: ReactNode;
  /** The hidden data table. */
  table: ReactNode;
  className?: string;
}

export function ChartFigure({ label, describedBy, width, height, children, overlay, table, className }: Props) {
  const [measureRef, drawWidth] = useElementWidth(width);
  return (
    <figure className={`dashboard-figure${className ? ` ${className}` : ''}`}>
      <div className="dashboard-figure-stack">
        <div
          ref={measureRef}
          className="dashboard-chart dashboard-chart-screen"
          role="img"
          aria-label={label}
          aria-describedby={describedBy}
          style={{ minHeight: height }}
        >
          {drawWidth > 0 ? children(drawWidth) : null}
        </div>
        <div className="dashboard-chart dashboard-chart-print" aria-hidden="true">
          {children(PRINT_CHART_WIDTH)}
        </div>
        {overlay}
      </div>
      {table}
    </figure>
  );
}
