// The packet document in the preview frame. A srcdoc frame inherits the app page's CSP, whose
// style-src 'self' and font-src 'self' refuse the packet's inline <style>, style attributes and
// embedded (data:) fonts. So the document goes into the frame without them, and they are put
// back through the CSSOM, which the CSP leaves alone: the style sheet as a constructed sheet,
// each style attribute through element.style, each embedded font as a FontFace made from its
// bytes. Same HTML, same CSS, same fonts: the preview still matches the printout.

export interface SplitDocument {
  /** The document without <style> elements; style attributes moved to data-packet-style. */
  html: string;
  css: string;
}

const STYLE_DATA = 'data-packet-style';

export function splitStyles(html: string): SplitDocument {
  // Plain string work on the core's own, well-formed output: parsing it here (DOMParser) would
  // already count as applying its styles under the page's CSP. Text cannot match: the core
  // escapes < and " in everything the reader wrote.
  const css: string[] = [];
  const without = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_, text: string) => {
      css.push(text);
      return '';
    })
    .replace(/(<[a-zA-Z][^<>]*?\s)style=("[^"]*"|'[^']*')/g, `$1${STYLE_DATA}=$2`);
  return { html: without, css: css.join('\n') };
}

type FrameWindow = Window & typeof globalThis;

/** Puts the packet's styles and fonts into the loaded frame document. */
export function applyStyles(frame: HTMLIFrameElement, css: string): void {
  const doc = frame.contentDocument;
  const win = frame.contentWindow as FrameWindow | null;
  if (!doc || !win) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  // The embedded fonts go in from their bytes; their rules (data: URLs) leave the sheet before
  // it is used, so the page's font-src never sees them.
  for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
    const rule = sheet.cssRules[i]!;
    if (!(rule instanceof win.CSSFontFaceRule)) continue;
    const face = fontFaceOf(win, rule);
    if (face) doc.fonts.add(face);
    sheet.deleteRule(i);
  }
  doc.adoptedStyleSheets = [sheet];
  for (const el of doc.querySelectorAll<HTMLElement>(`[${STYLE_DATA}]`)) el.style.cssText = el.getAttribute(STYLE_DATA) ?? '';
}

function fontFaceOf(win: FrameWindow, rule: CSSFontFaceRule): FontFace | null {
  const style = rule.style;
  const family = style.getPropertyValue('font-family').trim().replace(/^["']|["']$/g, '');
  const data = /url\(\s*["']?data:[^;,]*;base64,([^"')]+)["']?\s*\)/.exec(style.getPropertyValue('src'));
  if (!family || !data) return null;
  const binary = win.atob(data[1]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const descriptors: FontFaceDescriptors = {};
  const weight = style.getPropertyValue('font-weight');
  const fontStyle = style.getPropertyValue('font-style');
  const range = style.getPropertyValue('unicode-range');
  if (weight) descriptors.weight = weight;
  if (fontStyle) descriptors.style = fontStyle;
  if (range) descriptors.unicodeRange = range;
  const face = new win.FontFace(family, bytes, descriptors);
  void face.load().catch(() => undefined);
  return face;
}
