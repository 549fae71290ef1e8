// Every print the app starts goes through here. Paper is set in the bundled Noto SC faces
// (styles/print.css): Chromium embeds their TrueType outlines in a PDF as named fonts, where the
// installed CJK collections come out as unnamed Type 3 drawings. The app asks for those faces'
// rules only in idle time after its first screen (fonts.ts), and a rule fetches its font files
// only when text is drawn in its face, which on a machine with the installed faces happens on
// paper alone. So a print waits for the rules, then for the faces the page's text needs, then
// for anything else still loading (document.fonts.ready), and only then prints. A print the app
// does not start (the browser's own menu in browser mode) cannot be made to wait: for it the
// rules go in synchronously as it begins (printFacesOnBrowserPrint).
import { bundledFacesNow, loadBundledFaces } from '../fonts';

/** The faces paper is set in (styles/print.css), in the weights the app uses. */
const PAPER_FACES = ['"Noto Sans SC"', '"Noto Serif SC"'].flatMap((family) => [`400 16px ${family}`, `700 16px ${family}`]);

/** A print that never comes is worse than one in the system's faces: wait this long at most. */
const MOST_WAIT_MS = 10_000;

/** Resolves when the faces `win`'s page prints with are loaded (or after MOST_WAIT_MS). */
export function paperFacesReady(win: Window = window): Promise<void> {
  const doc = win.document;
  const ready = async () => {
    // The packet preview's frame carries its own faces; only the app's page needs the rules.
    if (doc === document) await loadBundledFaces();
    // Only the unicode-range subsets that cover the page's text (hidden parts included: the
    // print header shows on paper only) are fetched.
    const text = doc.body?.textContent ?? '';
    if (text) await Promise.all(PAPER_FACES.map((font) => doc.fonts.load(font, text).catch(() => [])));
    await doc.fonts.ready;
  };
  return new Promise<void>((resolve) => {
    // The app's own timer: a frame without scripts (the packet preview) runs none of its own.
    const timer = setTimeout(resolve, MOST_WAIT_MS);
    void ready()
      .catch(() => undefined)
      .then(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

/** Prints `win` (the app's page, or a frame such as the packet preview) once its faces are there. */
export async function printWhenReady(win: Window = window): Promise<void> {
  await paperFacesReady(win);
  win.print();
}

/**
 * While installed, a print the browser starts by itself (its menu, or its own Ctrl+P where the
 * app does not answer it) still gets the bundled faces: beforeprint puts their rules in before
 * the browser lays the page out for paper. Returns the uninstaller.
 */
export function printFacesOnBrowserPrint(win: Window = window): () => void {
  const onBeforePrint = () => void bundledFacesNow(win.document);
  win.addEventListener('beforeprint', onBeforePrint);
  return () => win.removeEventListener('beforeprint', onBeforePrint);
}
