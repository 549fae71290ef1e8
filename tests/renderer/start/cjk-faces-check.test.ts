// Before the first render, fonts.ts asks whether the system has the Noto CJK SC faces by
// measuring text on a canvas: one 2D context for both families (it made one per family), and
// the answer still decides whether the bundled faces' rules are loaded.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
  document.head.querySelectorAll('link[rel="stylesheet"]').forEach((link) => link.remove());
});

/** Canvas contexts whose text is wider in the families `installed` names (as a real face
 *  is than monospace), and how many were made. */
function fakeCanvas(installed: readonly string[]): { contexts: number } {
  const made = { contexts: 0 };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function () {
    made.contexts++;
    const ctx = {
      font: '',
      measureText: () => ({ width: installed.some((family) => ctx.font.includes(`"${family}"`)) ? 120 : 100 }),
    };
    return ctx as unknown as RenderingContext;
  } as typeof HTMLCanvasElement.prototype.getContext);
  return made;
}

/** The stylesheets fonts.ts added to the page (the bundled faces' rules: the test's page has no other). */
const bundledRules = () => [...document.head.querySelectorAll('link[rel="stylesheet"]')];

describe('the Chinese faces at start-up', () => {
  it('are checked with one canvas context, and need no bundled rules where both are installed', async () => {
    const made = fakeCanvas(['Noto Sans CJK SC', 'Noto Serif CJK SC']);
    const { readyCjkFaces } = await import('../../../renderer/src/fonts');
    await readyCjkFaces();
    expect(made.contexts).toBe(1);
    expect(bundledRules()).toEqual([]);
  });

  it('load the bundled rules where either face is missing', async () => {
    for (const present of [['Noto Sans CJK SC'], ['Noto Serif CJK SC'], []]) {
      vi.resetModules();
      document.head.querySelectorAll('link[rel="stylesheet"]').forEach((link) => link.remove());
      fakeCanvas(present);
      const { readyCjkFaces } = await import('../../../renderer/src/fonts');
      void readyCjkFaces();
      expect(bundledRules()).toHaveLength(1);
      vi.restoreAllMocks();
    }
  });
});
