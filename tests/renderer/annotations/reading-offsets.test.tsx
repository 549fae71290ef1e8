// Annotating while reading: every rendered piece of an item's text knows where it sits in its
// part's canonical text, so a DOM selection maps to code-point offsets of that text and a
// stored passage maps back to the same words on screen — in Chinese (with the full-width
// display), in English (with glossary terms marked up) and side by side; with characters
// outside the BMP (emoji, CJK Extension B) counted as one.
import { cleanup, render } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, describe, expect, it } from 'vitest';
import type { InitiativeDetail } from '../../../shared/api/contract';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { InitiativeView } from '../../../renderer/src/components/InitiativeView';
import {
  canonicalText,
  passageOfRange,
  rangesOfPassage,
  type Passage,
} from '../../../renderer/src/features/annotations/reading/offsets';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import type { ReadingMode } from '../../../renderer/src/features/feature-props';
import { ReadingContext, readingOf } from '../../../renderer/src/reading/reading-context';
import { OUTLINE, PLAN_ID, TRANSLATION } from '../plan-fixture';

const ID = 'hz-2024/T9/I9';
// Two paragraphs, three sentences; a CJK Extension B character and an emoji (two UTF-16
// units each) before the passages; half-width commas the display turns full-width.
const HEADLINE = '建立𠀀新机制,促发展';
const BODY = '第一段𠀀有表情😀在此,还有逗号。第二句话讲新质生产力。\n\u3000\u3000第二段开始𠀁,结束。';
const EN = {
  headline: 'Build a new 😀 mechanism',
  body: ['First sentence 😀 about new quality productive forces here.', 'Second sentence on common prosperity.', 'Third sentence.'],
};
const translation: PlanTranslation = { ...TRANSLATION, initiatives: { ...TRANSLATION.initiatives, [ID]: EN } };

const detail: InitiativeDetail = {
  initiative: { id: ID, themeId: 'hz-2024/T9', ordinal: 9, numeral: '第九', headline: HEADLINE, body: BODY } as InitiativeDetail['initiative'],
  theme: { id: 'hz-2024/T9', planId: PLAN_ID, ordinal: 9, headline: '主题' },
  planId: PLAN_ID,
  lists: [],
  previousId: null,
  nextId: null,
};

afterEach(cleanup);

function show(mode: ReadingMode, fullWidth = true) {
  const { container } = render(
    <I18nProvider i18n={createI18n('zh')}>
      <ReadingContext.Provider value={readingOf(mode, { status: 'ready', translation }, fullWidth)}>
        <InitiativeView detail={detail} outline={OUTLINE} />
      </ReadingContext.Provider>
    </I18nProvider>,
  );
  return container.querySelector('article')!;
}

/** The text node (in document order) whose data contains `needle`, and the UTF-16 offset of it. */
function at(root: Element, needle: string, nth = 0, shift = 0): [Text, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i >= 0 && seen++ === nth) return [n as Text, i + shift];
  }
  throw new Error(`no text node with ${needle}`);
}

function select(start: [Text, number], end: [Text, number]): Range {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

/** Code-point offsets of `quote` in `text` (its nth occurrence). */
function offsetsOf(text: string, quote: string): [number, number] {
  const i = text.indexOf(quote);
  expect(i).toBeGreaterThanOrEqual(0);
  const start = Array.from(text.slice(0, i)).length;
  return [start, start + Array.from(quote).length];
}

const slice = (text: string, p: Passage) => Array.from(text).slice(p.start, p.end).join('');
const shown = (root: Element, p: Passage) => rangesOfPassage(root, p).map((r) => r.toString());

describe('Chinese reading', () => {
  it('maps a selection after an Extension B character and an emoji to code points of the stored body', () => {
    const root = show('zh');
    // The display shows the half-width comma full-width: select 在此，还有 on screen.
    const range = select(at(root, '在此，'), at(root, '还有', 0, 2));
    const passage = passageOfRange(root, range)!;
    const [start, end] = offsetsOf(BODY, '在此,还有');
    expect(passage).toEqual({ part: 'body', language: 'zh', start, end });
    expect(slice(BODY, passage)).toBe('在此,还有');
    // And back: the same words on screen, as displayed.
    expect(shown(root, passage)).toEqual(['在此，还有']);
  });

  it('maps a selection across two paragraphs, the break and indent included in the passage', () => {
    const root = show('zh');
    const range = select(at(root, '生产力。'), at(root, '第二段', 0, 3));
    const passage = passageOfRange(root, range)!;
    expect(slice(BODY, passage)).toBe('生产力。\n\u3000\u3000第二段');
    // Painted as two pieces, one per paragraph.
    expect(shown(root, passage)).toEqual(['生产力。', '第二段']);
  });

  it('maps the headline to the headline part, and clips a selection from the headline into the body to the headline', () => {
    const root = show('zh');
    const headline = passageOfRange(root, select(at(root, '新机制'), at(root, '促发展', 0, 3)))!;
    const [start, end] = offsetsOf(HEADLINE, '新机制,促发展');
    expect(headline).toEqual({ part: 'headline', language: 'zh', start, end });
    const across = passageOfRange(root, select(at(root, '促发展'), at(root, '第一段', 0, 3)))!;
    expect(across).toEqual({ part: 'headline', language: 'zh', ...range(HEADLINE, '促发展') });
  });

  it('leaves white space at either end out, and selects nothing outside the text', () => {
    const root = show('zh');
    const [node] = at(root, '第一段');
    const passage = passageOfRange(root, select([node, 0], [node, 3]))!;
    expect(slice(BODY, passage)).toBe('第一段');
    const context = root.querySelector('.initiative-context')!;
    const outside = document.createRange();
    outside.selectNodeContents(context);
    expect(passageOfRange(root, outside)).toBeNull();
  });
});

function range(text: string, quote: string) {
  const [start, end] = offsetsOf(text, quote);
  return { start, end };
}

describe('English reading', () => {
  const enBody = canonicalText(detail.initiative, EN, 'body', 'en')!;

  it('maps a selection ending inside a glossary term to the sentences joined by one space', () => {
    const root = show('en');
    const term = root.querySelector('.glossary-term[data-term="新质生产力"]')!;
    expect(term.textContent).toBe('new quality productive forces');
    const [termText] = at(term, 'new quality');
    const passage = passageOfRange(root, select(at(root, 'about '), [termText, 'new quality'.length]))!;
    expect(passage.language).toBe('en');
    expect(slice(enBody, passage)).toBe('about new quality');
    expect(passage).toEqual({ part: 'body', language: 'en', ...range(enBody, 'about new quality') });
    expect(shown(root, passage).join('')).toBe('about new quality');
  });

  it('maps a selection across two English paragraphs, counting the joining space', () => {
    const root = show('en');
    // Through the glossary term "common prosperity" and over the paragraph break.
    const passage = passageOfRange(root, select(at(root, 'Second'), at(root, 'Third', 0, 5)))!;
    expect(slice(enBody, passage)).toBe('Second sentence on common prosperity. Third');
    expect(shown(root, passage)).toEqual(['Second sentence on common prosperity.', 'Third']);
  });

  it('maps the English headline to the headline part', () => {
    const root = show('en');
    const passage = passageOfRange(root, select(at(root, 'new 😀'), at(root, 'mechanism', 0, 9)))!;
    expect(passage).toEqual({ part: 'headline', language: 'en', ...range(EN.headline, 'new 😀 mechanism') });
  });
});

describe('side by side', () => {
  it('keeps a selection dragged over both columns to the language it started in', () => {
    const root = show('both');
    // From the first Chinese sentence to the second: the first English sentence lies between.
    const passage = passageOfRange(root, select(at(root, '还有逗号'), at(root, '第二句话', 0, 4)))!;
    expect(passage.language).toBe('zh');
    expect(slice(BODY, passage)).toBe('还有逗号。第二句话');
    // Painted in the Chinese column only.
    const ranges = rangesOfPassage(root, passage);
    expect(ranges.map((r) => r.toString())).toEqual(['还有逗号。', '第二句话']);
    for (const r of ranges) expect((r.startContainer.parentElement as HTMLElement).closest('[lang]')!.getAttribute('lang')).toBe('zh-CN');
  });

  it('maps an English sentence to the English body, and a Chinese passage is not painted in the English', () => {
    const root = show('both');
    const enBody = canonicalText(detail.initiative, EN, 'body', 'en')!;
    const passage = passageOfRange(root, select(at(root, 'Second'), at(root, 'common', 0, 6)))!;
    expect(passage).toEqual({ part: 'body', language: 'en', ...range(enBody, 'Second sentence on common') });
    const zh: Passage = { part: 'body', language: 'zh', ...range(BODY, '第二段开始𠀁,结束') };
    expect(shown(root, zh)).toEqual(['第二段开始𠀁，结束']);
  });

  it('paints nothing of a language not on screen', () => {
    const root = show('zh');
    expect(rangesOfPassage(root, { part: 'body', language: 'en', start: 0, end: 5 })).toEqual([]);
  });
});
