// A running header for the printed table and dashboard: the plan, the date and the active
// filters at the top of every page. Chromium draws a page's margin boxes (@page @top-left) on
// every page, so the text goes there through a constructed style sheet adopted while the view is
// shown (the app's CSP allows no inline <style>; a constructed sheet is not inline markup); the
// screen never sees it.
import { useEffect } from 'react';

/** The text as a CSS string literal (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

export function runningHeaderCss(text: string): string {
  return `@page { @top-left { content: ${cssString(text)}; font-size: 8pt; color: #5b616b; vertical-align: bottom; padding-bottom: 3mm; } }`;
}

/** While mounted, every printed page carries `text` in its top margin (null: none). */
export function usePrintRunningHeader(text: string | null): void {
  useEffect(() => {
    if (!text || typeof document.adoptedStyleSheets === 'undefined') return;
    const sheet = new CSSStyleSheet();
    try {
      sheet.replaceSync(runningHeaderCss(text));
    } catch {
      return; // An engine without page margin boxes: the printout simply has no running header.
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [text]);
}
