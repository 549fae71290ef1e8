// Find in the item being read: what a query looks for after normalization (NFKC, case-folded
// Latin, full- and half-width alike), the count "3 / 12" over the text as shown (Chinese,
// English, both columns), next/previous with Enter, Shift+Enter, F3 and Shift+F3 (wrapping),
// Escape closing, and an input method's composition never searched before it commits.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, describe, expect, it } from 'vitest';
import type { InitiativeDetail } from '../../../shared/api/contract';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { InitiativeView } from '../../../renderer/src/components/InitiativeView';
import type { ReadingMode } from '../../../renderer/src/features/feature-props';
import { findNeedles, findSpans, foldText } from '../../../renderer/src/features/search/find/find-text';
import { SearchUiProvider, useSearchUiState, type SearchUi } from '../../../renderer/src/features/search/search-ui';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { ReadingContext, readingOf } from '../../../renderer/src/reading/reading-context';
import { OUTLINE, PLAN_ID, TRANSLATION } from '../plan-fixture';

afterEach(cleanup);

describe('what find looks for', () => {
  it('folds full-width letters, digits and punctuation, Latin case and white space runs', () => {
    expect(foldText('ＡＩ与5Ｇ，Talent  Pool').text).toBe('ai与5g,talent pool');
    // Every unit traces back to the code point it came from (㈠ is three units from one).
    const folded = foldText('㈠𠀀A');
    expect(folded.text).toBe('(一)𠀀a');
    expect(folded.origin).toEqual([0, 0, 0, 1, 1, 2]);
  });

  it('reads phrases whole, words one by one, leaves -exclusions out, and takes an unclosed quote literally', () => {
    expect(findNeedles('营商环境 talent')).toEqual(['talent', '营商环境']);
    expect(findNeedles('"business environment" -杭州 -"无废 城市"')).toEqual(['business environment']);
    expect(findNeedles('Reforms policies')).toEqual(['reform', 'polic']);
    // As the index reads it: the unclosed quote is a character of its word.
    expect(findNeedles('"无废城市')).toEqual(['"无废城市']);
    expect(findNeedles('-')).toEqual(['-']);
    expect(findNeedles('   ')).toEqual([]);
    expect(findNeedles('AI ai Ａｉ')).toEqual(['ai']);
  });

  it('finds spans in code points, in text order, without overlaps', () => {
    expect(findSpans('𠀀人才，人才引进', ['人才'])).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 6 },
    ]);
    // Full-width query against half-width text and back.
    expect(findSpans('5G基站, AI', findNeedles('５Ｇ基站， ａｉ'))).toEqual([{ start: 0, end: 8 }]);
    expect(findSpans('5G基站, 和 AI', findNeedles('５Ｇ基站， ａｉ'))).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 10 },
    ]);
    expect(findSpans('新质生产力', ['生产', '质生'])).toEqual([{ start: 1, end: 3 }]);
    // Words side by side are one match; apart, two.
    expect(findSpans('a business environment; business and its environment', findNeedles('business environment'))).toEqual([
      { start: 2, end: 22 },
      { start: 24, end: 32 },
      { start: 41, end: 52 },
    ]);
    expect(findSpans('Talent and TALENTS', ['talent'])).toEqual([
      { start: 0, end: 6 },
      { start: 11, end: 17 },
    ]);
  });
});

const ID = 'hz-2024/T9/I9';
const detail: InitiativeDetail = {
  initiative: {
    id: ID,
    themeId: 'hz-2024/T9',
    ordinal: 9,
    numeral: '第九',
    headline: '引进人才,培养人才',
    body: '人才是第一资源。加快建设AI人才高地,吸引５Ｇ人才。\n\u3000\u3000第二段讲营商环境。',
  } as InitiativeDetail['initiative'],
  theme: { id: 'hz-2024/T9', planId: PLAN_ID, ordinal: 9, headline: '主题' },
  planId: PLAN_ID,
  lists: [],
  previousId: null,
  nextId: null,
};
const translation: PlanTranslation = {
  ...TRANSLATION,
  initiatives: {
    ...TRANSLATION.initiatives,
    [ID]: {
      headline: 'Attract talent, train Talent',
      body: ['Talent is the first resource.', 'Build an AI talent hub and attract 5G TALENT.', 'The second paragraph is on the business environment.'],
    },
  },
};

const handle: { ui?: SearchUi } = {};
function Expose({ value }: { value: SearchUi }) {
  useEffect(() => {
    handle.ui = value;
  });
  return null;
}

function Harness({ mode }: { mode: ReadingMode }) {
  const ui = useSearchUiState();
  return (
    <SearchUiProvider value={ui}>
      <Expose value={ui} />
      <ReadingContext.Provider value={readingOf(mode, { status: 'ready', translation }, true)}>
        <main tabIndex={-1}>
          <InitiativeView detail={detail} outline={OUTLINE} />
        </main>
      </ReadingContext.Provider>
    </SearchUiProvider>
  );
}

function show(mode: ReadingMode, prefill?: string) {
  const view = render(
    <I18nProvider i18n={createI18n('en')}>
      <Harness mode={mode} />
    </I18nProvider>,
  );
  act(() => handle.ui!.openFind(prefill));
  return { ...view, article: view.container.querySelector('article')!, box: screen.getByRole('searchbox', { name: 'Find in this item' }) as HTMLInputElement };
}

const count = () => document.querySelector('.find-count')!.textContent;
/** The text of the current match, read back from the DOM ranges find painted. */
const currentIndex = (article: Element) => article.getAttribute('data-find-current');

describe('the find bar', () => {
  it('counts the matches in the Chinese text, moves with Enter and Shift+Enter, wrapping around', () => {
    const { box, article } = show('zh');
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '人才' } });
    // Headline 2, body 3.
    expect(count()).toBe('1 / 5');
    expect(currentIndex(article)).toBe('1');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(count()).toBe('2 / 5');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(count()).toBe('5 / 5');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(count()).toBe('1 / 5');
  });

  it('F3 and Shift+F3 step from anywhere while the bar is open; Escape closes it and gives focus back', () => {
    const { box } = show('zh');
    fireEvent.change(box, { target: { value: '人才' } });
    (document.querySelector('main') as HTMLElement).focus();
    fireEvent.keyDown(window, { key: 'F3' });
    fireEvent.keyDown(window, { key: 'F3' });
    expect(count()).toBe('3 / 5');
    fireEvent.keyDown(window, { key: 'F3', shiftKey: true });
    expect(count()).toBe('2 / 5');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(document.activeElement).toBe(document.querySelector('main'));
  });

  it('normalizes: full-width and half-width, Latin case, as the index does', () => {
    const { box } = show('zh');
    fireEvent.change(box, { target: { value: '５g人才' } });
    expect(count()).toBe('1 / 1');
    fireEvent.change(box, { target: { value: 'ai人才高地，吸引' } });
    expect(count()).toBe('1 / 1');
    fireEvent.change(box, { target: { value: '不在文中' } });
    expect(count()).toBe('No matches');
    expect((screen.getByRole('button', { name: 'Next match' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches the English text in English, and both columns side by side in reading order', () => {
    const en = show('en', 'talent');
    expect(en.box.value).toBe('talent');
    expect(count()).toBe('1 / 5');
    cleanup();
    const both = show('both', 'talent');
    expect(both.box.value).toBe('talent');
    // English 5 (headline 2, body 3), Chinese: none for "talent".
    expect(count()).toBe('1 / 5');
    fireEvent.change(both.box, { target: { value: '人才 talent' } });
    expect(count()).toBe('1 / 10');
    // A phrase across two English sentences is still found (the sentences are joined by a space).
    fireEvent.change(both.box, { target: { value: '"resource. build"' } });
    expect(count()).toBe('1 / 1');
  });

  it('an input method composing is not searched until it commits, and its Enter is not a step', () => {
    const { box } = show('zh');
    fireEvent.change(box, { target: { value: '人才' } });
    expect(count()).toBe('1 / 5');
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: '人才ying' } });
    // Still the committed query's matches.
    expect(count()).toBe('1 / 5');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(count()).toBe('1 / 5');
    fireEvent.change(box, { target: { value: '营商' } });
    fireEvent.compositionEnd(box, { target: { value: '营商' } });
    expect(count()).toBe('1 / 1');
  });

  it('follows the text when the reading mode changes under it', () => {
    const view = show('zh', 'talent');
    expect(count()).toBe('No matches');
    view.rerender(
      <I18nProvider i18n={createI18n('en')}>
        <Harness mode="en" />
      </I18nProvider>,
    );
    expect(count()).toBe('1 / 5');
  });
});
