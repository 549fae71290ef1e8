// The Chinese faces at start-up. The UI's font stacks (styles/base.css) name the installed Noto
// CJK SC faces first and the bundled Noto SC subsets second: the same designs. Where the system
// has them, the page draws with those and needs none of the bundled subsets, nor the 400 KB of
// @font-face rules that describe them (parsed and matched before the first paint otherwise).
// Elsewhere the rules are loaded before the first render, so text never shows in another face
// first for want of them.
import bundledCjkFacesUrl from './styles/bundled-cjk-faces.css?url';

/** Text whose width differs between a CJK face's proportional Latin and a monospace face. */
const PROBE = 'ilWMmw 永和';

/**
 * Whether the system has this family: text drawn in it (falling back to monospace when it is
 * missing) measures differently from the same text in monospace alone. A canvas measures text
 * with installed fonts only (no web font has loaded yet), so this never fetches anything.
 */
function installed(family: string): boolean {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return false;
  ctx.font = '32px monospace';
  const fallback = ctx.measureText(PROBE).width;
  ctx.font = `32px "${family}", monospace`;
  return ctx.measureText(PROBE).width !== fallback;
}

/** Resolves when the faces the first screen draws with are described (at once when installed). */
export function readyCjkFaces(): Promise<void> {
  if (installed('Noto Sans CJK SC') && installed('Noto Serif CJK SC')) return Promise.resolve();
  return loadBundledFaces();
}

let bundledFaces: Promise<void> | null = null;

/** The bundled faces' rules, once. Paper takes these faces first (styles/print.css), so the
 *  Shell asks for them in idle time after its first screen; a rule fetches no font file until
 *  text is drawn in its face. */
export function loadBundledFaces(): Promise<void> {
  bundledFaces ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = bundledCjkFacesUrl;
    // A stylesheet that fails to load leaves the system's faces: the app starts all the same.
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
  return bundledFaces;
}
