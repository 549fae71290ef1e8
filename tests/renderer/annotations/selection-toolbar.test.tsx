// The selection toolbar and context menu over an item's text: the colours named as the reader
// named them, a highlight saved with selectors for exactly the selected words (and nothing
// shown as saved until the save resolves), a failed save shown, Note opening the editor on the
// committed highlight, Escape and the H shortcut; the toolbar kept inside a 900x700 window;
// the citation text.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, NewAnnotation } from '../../../shared/api/annotations/methods';
import { describePassage } from '../../../shared/domain/anchoring';
import { InitiativeView } from '../../../renderer/src/components/InitiativeView';
import { AnnotationUiProvider, useAnnotationUi } from '../../../renderer/src/features/annotations/annotation-ui';
import { citation } from '../../../renderer/src/features/annotations/reading/citation';
import { SelectionLayer } from '../../../renderer/src/features/annotations/reading/SelectionLayer';
import { placeBeside } from '../../../renderer/src/features/annotations/reading/SelectionToolbar';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { ReadingContext, readingOf } from '../../../renderer/src/reading/reading-context';
import { detailOf, META, OUTLINE, TWO_SENTENCE_BODY, TWO_SENTENCE_ID } from '../plan-fixture';

const detail = detailOf(TWO_SENTENCE_ID)!;
const QUOTE = '该出台的政策制度及时出台';

interface Save {
  args: NewAnnotation;
  resolve(a: Annotation): void;
  reject(e: Error): void;
}

function committed(a: NewAnnotation): Annotation {
  const now = new Date().toISOString();
  return { ...a, anchor: { status: 'anchored' }, createdAt: now, modifiedAt: now, revision: 1, deletedAt: null };
}

let saves: Save[];
beforeEach(() => {
  saves = [];
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  document.getSelection()?.removeAllRanges();
});

/** What the editor would open on, shown for the test to read. */
function EditingProbe() {
  return <output data-testid="editing">{JSON.stringify(useAnnotationUi().editing)}</output>;
}
const editing = () => JSON.parse(screen.getByTestId('editing').textContent!) as unknown;

function Item() {
  const root = useRef<HTMLDivElement>(null);
  return (
    <div ref={root}>
      <InitiativeView detail={detail} outline={OUTLINE} />
      <SelectionLayer
        root={root}
        planId={detail.planId}
        itemId={detail.initiative.id}
        textOf={(part, language) => (language === 'zh' ? (part === 'body' ? detail.initiative.body : detail.initiative.headline) : null)}
        sourceOf={() => ({ planTitle: META.title, numeral: '第一', ordinal: 1, headline: detail.initiative.headline })}
        highlights={[]}
        names={{ yellow: '重点', blue: '疑问' }}
        create={(args) => new Promise((resolve, reject) => saves.push({ args, resolve, reject }))}
      />
      <EditingProbe />
    </div>
  );
}

function renderItem() {
  return render(
    <I18nProvider i18n={createI18n('zh')}>
      <ReadingContext.Provider value={readingOf('zh', { status: 'missing' }, false)}>
        <AnnotationUiProvider>
          <Item />
        </AnnotationUiProvider>
      </ReadingContext.Provider>
    </I18nProvider>,
  );
}

/** Selects `quote` in the body as a reader would, and lets the layer see it. */
function selectQuote(quote = QUOTE) {
  const p = document.querySelector('.reading p')!;
  const text = p.firstChild as Text;
  const at = text.data.indexOf(quote);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + quote.length);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  act(() => {
    document.dispatchEvent(new Event('selectionchange'));
  });
}

const expectedTarget = () => {
  const start = Array.from(TWO_SENTENCE_BODY.slice(0, TWO_SENTENCE_BODY.indexOf(QUOTE))).length;
  return { itemId: TWO_SENTENCE_ID, part: 'body', language: 'zh', selectors: describePassage(TWO_SENTENCE_BODY, start, start + QUOTE.length) };
};

describe('the selection toolbar', () => {
  it('offers a swatch per colour, named as the reader named it, and no toolbar without a selection', () => {
    renderItem();
    expect(screen.queryByRole('toolbar')).toBeNull();
    selectQuote();
    const toolbar = screen.getByRole('toolbar', { name: '标注所选文字' });
    const swatches = [...toolbar.querySelectorAll('.selection-swatch')].map((b) => b.getAttribute('aria-label'));
    expect(swatches).toEqual(['用黄色高亮（重点）', '用绿色高亮', '用蓝色高亮（疑问）', '用粉色高亮', '用紫色高亮']);
    expect(screen.getByRole('button', { name: '复制并注明出处' })).toBeTruthy();
  });

  it('saves a highlight of exactly the selected words, and closes only once the save resolved', async () => {
    renderItem();
    selectQuote();
    fireEvent.click(screen.getByRole('button', { name: '用绿色高亮' }));
    expect(saves).toHaveLength(1);
    const { args } = saves[0]!;
    expect(args).toMatchObject({ kind: 'highlight', planId: 'hz-2024', itemId: TWO_SENTENCE_ID, color: 'green', body: '', tags: [] });
    expect(args.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(args.target).toEqual(expectedTarget());
    // Still pending: the toolbar stays, its buttons busy.
    expect(screen.getByRole('toolbar')).toBeTruthy();
    expect((screen.getByRole('button', { name: '用绿色高亮' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => saves[0]!.resolve(committed(args)));
    await waitFor(() => expect(screen.queryByRole('toolbar')).toBeNull());
    expect(document.getSelection()!.isCollapsed).toBe(true);
    expect(editing()).toBeNull();
  });

  it('shows a failed save and keeps the selection to try again', async () => {
    renderItem();
    selectQuote();
    fireEvent.click(screen.getByRole('button', { name: '用黄色高亮（重点）' }));
    await act(async () => saves[0]!.reject(new Error('磁盘已满')));
    expect(screen.getByRole('alert').textContent).toBe('高亮未能保存：磁盘已满');
    expect(screen.getByRole('toolbar')).toBeTruthy();
    expect(document.getSelection()!.toString()).toBe(QUOTE);
  });

  it('Note saves the highlight, then opens the editor on it', async () => {
    renderItem();
    selectQuote();
    fireEvent.click(screen.getByRole('button', { name: /笔记/ }));
    expect(editing()).toBeNull();
    const { args } = saves[0]!;
    await act(async () => saves[0]!.resolve(committed(args)));
    await waitFor(() => expect(editing()).toEqual({ id: args.id }));
  });

  it('H highlights in the colour last used; Escape hides the toolbar', async () => {
    renderItem();
    selectQuote();
    fireEvent.click(screen.getByRole('button', { name: '用蓝色高亮（疑问）' }));
    await act(async () => saves[0]!.resolve(committed(saves[0]!.args)));
    selectQuote('直面各种体制机制障碍');
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    expect(saves).toHaveLength(2);
    expect(saves[1]!.args.color).toBe('blue');
    expect(saves[1]!.args.target!.selectors.quote.exact).toBe('直面各种体制机制障碍');
    await act(async () => saves[1]!.resolve(committed(saves[1]!.args)));
    selectQuote();
    expect(screen.getByRole('toolbar')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape', code: 'Escape' });
    expect(screen.queryByRole('toolbar')).toBeNull();
    // With Ctrl held H is not ours.
    selectQuote('着重在夯实基础');
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH', ctrlKey: true });
    expect(saves).toHaveLength(2);
  });

  it('Tab reaches the toolbar and arrow keys move along it', () => {
    renderItem();
    selectQuote();
    fireEvent.keyDown(document.body, { key: 'Tab', code: 'Tab' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('用黄色高亮（重点）');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('用绿色高亮');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('复制并注明出处');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('the context menu on a selection offers highlight, note and copy, and highlights', async () => {
    renderItem();
    selectQuote();
    fireEvent.contextMenu(document.querySelector('.reading p')!, { clientX: 200, clientY: 150 });
    const menu = screen.getByRole('menu');
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent)).toEqual([
      '用黄色高亮（重点）',
      '高亮并添加笔记',
      '复制',
      '复制并注明出处',
    ]);
    expect(document.activeElement?.textContent).toBe('用黄色高亮（重点）');
    fireEvent.click(screen.getByRole('menuitem', { name: '用黄色高亮（重点）' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(saves[0]!.args).toMatchObject({ color: 'yellow', target: expectedTarget() });
  });

  it('leaves the context menu alone without a selection in the item', () => {
    renderItem();
    const event = fireEvent.contextMenu(document.querySelector('.reading p')!, { clientX: 200, clientY: 150 });
    expect(event).toBe(true);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('placing the toolbar', () => {
  const size = { width: 260, height: 40 };
  const viewport = { width: 900, height: 700 };
  it('goes above the selection, centred on it', () => {
    expect(placeBeside({ top: 300, bottom: 320, left: 400, right: 500 }, size, viewport)).toEqual({ left: 320, top: 252 });
  });
  it('goes below a selection at the top of the window, and never past its edges', () => {
    expect(placeBeside({ top: 20, bottom: 40, left: 880, right: 899 }, size, viewport)).toEqual({ left: 632, top: 48 });
    expect(placeBeside({ top: 20, bottom: 40, left: 0, right: 10 }, size, viewport).left).toBe(8);
    expect(placeBeside({ top: 690, bottom: 720, left: 10, right: 30 }, size, viewport).top).toBe(642);
  });
});

describe('the citation', () => {
  const source = { planTitle: '杭州规划', numeral: '第三', ordinal: 3, headline: '补齐短板' };
  it('cites a Chinese quote the Chinese way, paragraph breaks closed up', () => {
    expect(citation('第一段。\n\u3000\u3000第二段', 'zh', source)).toBe('“第一段。第二段”——《杭州规划》第三 补齐短板');
  });
  it('cites an English quote in English', () => {
    expect(citation('new quality\n productive forces', 'en', { ...source, planTitle: 'Hangzhou plan', headline: 'Fill the gaps' })).toBe(
      '“new quality productive forces” — Hangzhou plan, initiative 3: Fill the gaps',
    );
  });
});
