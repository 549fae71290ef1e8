// Where the window reopens, for several monitor layouts: the saved bounds when they still fit,
// moved and clamped onto the display they overlap most, or centred on the primary display when
// their monitor is gone.
import { describe, expect, it } from 'vitest';
import {
  displayMatching,
  fitToDisplays,
  parseWindowState,
  serializeWindowState,
  type DisplayArea,
  type Rect,
} from '../../electron/main/window-bounds';

const area = (x: number, y: number, width: number, height: number): DisplayArea & { name?: string } => ({
  workArea: { x, y, width, height },
});
const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

// A laptop (1440×900, menu bar 25 px) with a 4K-scaled monitor to its right.
const laptop = area(0, 25, 1440, 875);
const rightMonitor = area(1440, 0, 2560, 1400);
// A monitor above the laptop, and one to the left at negative coordinates.
const aboveMonitor = area(0, -1080, 1920, 1040);
const leftMonitor = area(-1920, 0, 1920, 1040);

describe('fitToDisplays', () => {
  it('keeps bounds that lie inside a display', () => {
    expect(fitToDisplays(rect(100, 100, 1200, 700), [laptop], laptop)).toEqual(rect(100, 100, 1200, 700));
    expect(fitToDisplays(rect(2000, 200, 1600, 1000), [laptop, rightMonitor], laptop)).toEqual(rect(2000, 200, 1600, 1000));
    expect(fitToDisplays(rect(-1800, 50, 1280, 860), [laptop, leftMonitor], laptop)).toEqual(rect(-1800, 50, 1280, 860));
    expect(fitToDisplays(rect(100, -1000, 1280, 860), [laptop, aboveMonitor], laptop)).toEqual(rect(100, -1000, 1280, 860));
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    // Saved on the right monitor, which is unplugged now.
    expect(fitToDisplays(rect(2000, 200, 1200, 700), [laptop], laptop)).toEqual(rect(120, 113, 1200, 700));
    // Saved at negative coordinates on a left monitor that is gone.
    expect(fitToDisplays(rect(-1800, 50, 1280, 860), [laptop], laptop)).toEqual(rect(80, 33, 1280, 860));
    // Saved above, on a monitor that is gone.
    expect(fitToDisplays(rect(100, -1000, 1000, 600), [laptop, rightMonitor], laptop)).toEqual(rect(220, 163, 1000, 600));
  });

  it('clamps a window larger than the work area to it (and centres it when its monitor is gone)', () => {
    // A big window from the 4K monitor, which is gone: the laptop's whole work area.
    expect(fitToDisplays(rect(1500, 0, 2500, 1380), [laptop], laptop)).toEqual(rect(0, 25, 1440, 875));
    // Larger than the display it is on: shrunk and moved inside.
    expect(fitToDisplays(rect(-50, 10, 1600, 1000), [laptop], laptop)).toEqual(rect(0, 25, 1440, 875));
  });

  it('moves a window that hangs off its display back inside it', () => {
    // Hanging off the laptop's right edge with nothing there.
    expect(fitToDisplays(rect(1000, 300, 800, 600), [laptop], laptop)).toEqual(rect(640, 300, 800, 600));
    // Title bar above the top of the work area (under the menu bar).
    expect(fitToDisplays(rect(100, 0, 800, 600), [laptop], laptop)).toEqual(rect(100, 25, 800, 600));
  });

  it('places a window spanning two displays on the one it overlaps most', () => {
    // 300 px on the laptop, 900 px on the right monitor.
    expect(fitToDisplays(rect(1140, 100, 1200, 800), [laptop, rightMonitor], laptop)).toEqual(rect(1440, 100, 1200, 800));
  });

  it('uses the primary display given, not the first in the list', () => {
    const primary = rightMonitor;
    expect(fitToDisplays(rect(-5000, -5000, 1000, 600), [laptop, primary], primary)).toEqual(rect(2220, 400, 1000, 600));
  });

  it('a window touching a display only at an edge counts as off-screen', () => {
    expect(displayMatching(rect(1440, 25, 100, 100), [laptop])).toBeNull();
    expect(displayMatching(rect(1439, 25, 100, 100), [laptop])).toBe(laptop);
  });
});

describe('the saved window state', () => {
  it('round-trips bounds and the maximized flag, rounding fractions', () => {
    const text = serializeWindowState({ bounds: rect(10.4, -20.6, 1280, 860), maximized: true });
    expect(parseWindowState(text)).toEqual({ bounds: rect(10, -21, 1280, 860), maximized: true });
  });

  it.each([
    null,
    '',
    'not json',
    'null',
    '[]',
    '{"x":0,"y":0,"width":0,"height":600}',
    '{"x":0,"y":0,"width":800}',
    '{"x":"0","y":0,"width":800,"height":600}',
    '{"x":0.5,"y":0,"width":800,"height":600}',
  ])('ignores a saved value that is not a window state: %j', (saved) => {
    expect(parseWindowState(saved)).toBeNull();
  });

  it('reads a missing maximized flag as not maximized', () => {
    expect(parseWindowState('{"x":1,"y":2,"width":800,"height":600}')).toEqual({ bounds: rect(1, 2, 800, 600), maximized: false });
  });
});
