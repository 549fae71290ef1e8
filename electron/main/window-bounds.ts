// Where the main window opens: the saved bounds, corrected for the displays attached now. Pure
// (rectangles in, rectangle out) so every monitor layout can be checked in a unit test.
// Electron's screen.getDisplayMatching() always answers some display, even for bounds that
// overlap none; fitToDisplays() needs to know "none" (the monitor is gone), so it measures the
// overlap itself over screen.getAllDisplays().

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface DisplayArea {
  /** The display's work area (without task bars and docks). */
  workArea: Rect;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The display the bounds overlap most, or null when they overlap none. */
export function displayMatching<D extends DisplayArea>(bounds: Rect, displays: readonly D[]): D | null {
  let best: D | null = null;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(bounds, display.workArea);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}

/**
 * The saved bounds made visible: on the display they overlap most, shrunk to its work area if
 * larger and moved fully inside it; when they overlap no display (its monitor is gone), the
 * same size centred on the primary display.
 */
export function fitToDisplays(bounds: Rect, displays: readonly DisplayArea[], primary: DisplayArea): Rect {
  const match = displayMatching(bounds, displays);
  const area = (match ?? primary).workArea;
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  if (!match) {
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    };
  }
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The saved 'window.bounds' setting, or null when it is missing or not what we wrote. */
export function parseWindowState(saved: string | null): SavedWindowState | null {
  if (!saved) return null;
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

export function serializeWindowState(state: SavedWindowState): string {
  // Electron's rectangles are integers in DIPs, but a scaled display can hand back fractions.
  const [x, y, width, height] = [state.bounds.x, state.bounds.y, state.bounds.width, state.bounds.height].map(Math.round);
  return JSON.stringify({ x, y, width, height, maximized: state.maximized });
}
