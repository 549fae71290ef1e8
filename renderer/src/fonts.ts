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
 * Whether the system has each of these families: text drawn in one (falling back to monospace
 * when it is missing) measures differently from the same text in monospace alone. A canvas
 * measures text with installed fonts only (no web font has loaded yet), so this never fetches
 * anything. One canvas measures every family: each 2D context is a canvas context the page
 * makes and keeps for nothing more (a second one only for the second family, before).
 */
function installed(families: readonly string[]): boolean {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return false;
  ctx.font = '32px monospace';
  const fallback = ctx.measureText(PROBE).width;
  return families.every((family) => {
    ctx.font = `32px "${family}", monospace`;
    return ctx.measureText(PROBE).width !== fallback;
  });
}

/** Resolves when the faces the first screen draws with are described (at once when installed). */
export function readyCjkFaces(): Promise<void> {
  if (installed(['Noto Sans CJK SC', 'Noto Serif CJK SC'])) return Promise.resolve();
  return loadBundledFaces();
}

let bundledFaces: Promise<void> | null = null;
/** The rules are in the page (the stylesheet loaded, or bundledFacesNow adopted them). */
let rulesIn = false;

/** The bundled faces' rules, once. Paper takes these faces first (styles/print.css), so the
 *  Shell asks for them in idle time after its first screen; a rule fetches no font file until
 *  text is drawn in its face. */
export function loadBundledFaces(): Promise<void> {
  bundledFaces ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = bundledCjkFacesUrl;
    // A stylesheet that fails to load leaves the system's faces: the app starts all the same.
    link.onload = () => {
      rulesIn = true;
      resolve();
    };
    link.onerror = () => resolve();
    document.head.append(link);
  });
  return bundledFaces;
}

/**
 * The bundled faces' rules in the page before this call returns, for a print the app did not
 * start (the browser's own menu, shell/print.ts): the browser fires beforeprint and lays the
 * page out for paper straight after its handlers, too soon for a stylesheet to load, and before
 * the rules the page prints in the system's faces. So when they are not in yet, their text is
 * read with a synchronous request (a local file: the server on this machine, or the app's own
 * files) and adopted as a constructed sheet; Chromium's print then waits for the font files the
 * paper's text asks for, as it does after an ordinary load. False if they could not be had.
 */
export function bundledFacesNow(doc: Document = document): boolean {
  if (rulesIn) return true;
  try {
    const url = new URL(bundledCjkFacesUrl, doc.baseURI).href;
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.send();
    if (request.status !== 200 && request.status !== 0) return false;
    // The rules name their font files relative to the stylesheet; a constructed sheet resolves
    // them against the page (Chromium ignores its baseURL for fonts), so they are made absolute.
    const rules = request.responseText.replace(/url\((['"]?)([^'")]+)\1\)/g, (_, quote: string, path: string) => `url(${quote}${new URL(path, url).href}${quote})`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    rulesIn = true;
    // The idle-time load has nothing left to bring; a print path that waits for it goes on.
    bundledFaces ??= Promise.resolve();
    return true;
  } catch {
    // A page that forbids the request: paper falls back to the system's faces, as before.
    return false;
  }
}
