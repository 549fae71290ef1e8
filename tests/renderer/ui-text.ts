// Finds UI text that does not come from the catalogue. Render a screen under the pseudo-language
// (every catalogue string wrapped in ⟦…⟧), then hand its container to findUncataloguedText with
// the fixture's data strings: any text a reader sees (text nodes and the attributes read aloud
// or shown: aria-label, title, placeholder, alt…) that is neither inside markers nor plan/user
// data is a hard-coded string. Feature views add their own screens the same way.
import type { i18n as I18n } from 'i18next';
import type { Language } from '../../renderer/src/i18n/catalogue';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { formatPublished } from '../../renderer/src/components/format';
import { POLICY_GLOSSARY } from '../../shared/domain/glossary';
import { fullWidthPunctuation } from '../../shared/text/cjk-punctuation';
import { OUTLINE, TRANSLATION, detailOf } from './plan-fixture';

export const OPEN = '⟦';
export const CLOSE = '⟧';

/** The catalogue as a pseudo-language: the same keys, each value wrapped in markers. */
export function createPseudoI18n(language: Language = 'zh'): I18n {
  return createI18n(language, { transform: (text) => `${OPEN}${text}${CLOSE}` });
}

const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];

/** Every string in a value (objects and arrays walked). */
export function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => collectStrings(v, out));
  return out;
}

/**
 * The fixture's plan text in every form the reading views show it: the outline, every
 * initiative's detail, the English, English bodies joined into paragraphs, the printed date,
 * the Chinese with full-width punctuation (the display setting), the policy glossary.
 */
export function fixtureDataStrings(): string[] {
  const details = OUTLINE.themes.flatMap((t) => t.initiatives.map((i) => detailOf(i.id)));
  const data = collectStrings([OUTLINE, details, TRANSLATION]);
  for (const en of Object.values(TRANSLATION.initiatives)) data.push(en.body.join(' '));
  data.push(TRANSLATION.meta.lead.join(' '));
  if (OUTLINE.meta.publishedAt) data.push(formatPublished(OUTLINE.meta.publishedAt));
  data.push(...collectStrings(POLICY_GLOSSARY));
  data.push(...data.map(fullWidthPunctuation));
  return data.filter((s) => s.trim() !== '');
}

/** True when a piece of text is plan/user data: a data string, or a long enough part of one (a sentence). */
function isData(text: string, data: readonly string[]): boolean {
  return data.includes(text) || (text.length >= 4 && data.some((d) => d.includes(text)));
}

/** Leftover pieces of a string outside ⟦…⟧ (depth carried across calls for text split over nodes). */
function outsideMarkers(text: string, state: { depth: number }): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of text) {
    if (ch === OPEN) {
      if (state.depth === 0) pieces.push(piece);
      piece = '';
      state.depth += 1;
    } else if (ch === CLOSE) {
      state.depth -= 1;
    } else if (state.depth === 0) {
      piece += ch;
    }
  }
  pieces.push(piece);
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

function describe(el: Element | null): string {
  if (!el) return '?';
  const cls = el.getAttribute('class');
  return `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}>`;
}

/** Problems in one standalone string (an attribute, the document title); empty when clean. */
export function uncataloguedInString(text: string, data: readonly string[], where: string): string[] {
  const state = { depth: 0 };
  const problems = outsideMarkers(text, state)
    .filter((piece) => !isData(piece, data))
    .map((piece) => `${where}: "${piece}"`);
  if (state.depth !== 0) problems.push(`${where}: unbalanced markers in "${text}"`);
  return problems;
}

/** Every piece of visible or announced text in the container that is neither catalogue nor data. */
export function findUncataloguedText(container: Element, data: readonly string[]): string[] {
  const problems: string[] = [];
  const doc = container.ownerDocument;
  // Text nodes in document order; a catalogue string may be split over nodes (e.g. <code> inside).
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  const state = { depth: 0 };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(parent.tagName)) continue;
    // Plan text carries its lang; marked-up terms inside it (the glossary's) split it into
    // several nodes, so a piece is also data when the whole text of its lang element is.
    const planText = parent?.closest('[lang]:not(html)')?.textContent?.trim() ?? '';
    for (const piece of outsideMarkers(node.textContent ?? '', state)) {
      if (!isData(piece, data) && !(planText.includes(piece) && isData(planText, data)))
        problems.push(`text in ${describe(parent)}: "${piece}"`);
    }
  }
  if (state.depth !== 0) problems.push('unbalanced markers in the text');
  for (const el of [container, ...container.querySelectorAll('*')]) {
    for (const name of READ_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null) problems.push(...uncataloguedInString(value, data, `${name} of ${describe(el)}`));
    }
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.getAttribute('type') ?? '')) {
      problems.push(...uncataloguedInString(el.getAttribute('value') ?? '', data, `value of ${describe(el)}`));
    }
  }
  return problems;
}
