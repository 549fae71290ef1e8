// Reading modes: Chinese, English (labelled unofficial) or both side by side, aligned sentence
// by sentence, with headlines, lists and the lead paired too; the choice is saved.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chineseSentences } from '../../renderer/src/reading/sentences';
import { createFakeBridge, ok } from './fake-bridge';
import {
  EMERGING_INDUSTRIES,
  FUTURE_INDUSTRIES,
  LIST_BODY,
  LISTS_INITIATIVE_ID,
  META,
  OUTLINE,
  TRANSLATION,
  TWO_SENTENCE_BODY,
  TWO_SENTENCE_ID,
} from './plan-fixture';
import { atAddress, renderApp, resetApp } from './render-app';

const T1I1 = TRANSLATION.initiatives[TWO_SENTENCE_ID]!;
const T3I3 = TRANSLATION.initiatives[LISTS_INITIATIVE_ID]!;

beforeEach(() => atAddress());
afterEach(resetApp);

function openWithMode(hash: string, mode: string | null, fake = createFakeBridge()) {
  atAddress(hash);
  if (mode) fake.settings.set('ui.readingMode', mode);
  // These tests compare plan text as stored (建章立制,该出台): the full-width display has its own tests.
  fake.settings.set('ui.cjkPunctuation', 'off');
  return renderApp({ fake });
}

const article = () => screen.findByRole('article');

/** A paragraph whose whole text is `text`, even when glossary terms inside it are marked up. */
const wholeText = (text: string) => (_: string, el: Element | null) => el?.tagName === 'P' && el.textContent === text;

/** The English is marked unofficial once per screen, in the plan strip, with the full note on hover. */
function expectOneUnofficialMark(): void {
  const marks = screen.getAllByText('非官方译文');
  expect(marks).toHaveLength(1);
  expect(marks[0]!.closest('.plan-strip')).not.toBeNull();
  expect(marks[0]!.getAttribute('title')).toBe('英文为简报本提供的非官方译文，仅供参考，以中文原文为准。');
}
const rowsOf = (scope: Element) => [...scope.querySelectorAll('.reading .parallel-row')];
const cell = (row: Element, lang: string) => row.querySelector(`[lang="${lang}"]`)?.textContent;

describe('both languages side by side', () => {
  it(`shows ${TWO_SENTENCE_ID} as exactly 2 sentence rows, each Chinese sentence beside its English`, async () => {
    openWithMode('#/initiative/hz-2024/T1/I1', 'both');
    const view = await article();
    await waitFor(() => expect(rowsOf(view)).toHaveLength(2));
    const zh = chineseSentences(TWO_SENTENCE_BODY);
    rowsOf(view).forEach((row, i) => {
      expect(row.children).toHaveLength(2);
      expect(cell(row, 'zh-CN')).toBe(zh[i]);
      expect(cell(row, 'en')).toBe(T1I1.body[i]);
    });
    // The headline is paired too, and the English is marked unofficial once, in the plan strip.
    const title = view.querySelector('.parallel-title .parallel-row')!;
    expect(within(title as HTMLElement).getByRole('heading', { level: 2 }).textContent).toBe('第一 建立解难题促发展政策机制');
    expect(cell(title, 'en')).toBe(T1I1.headline);
    expectOneUnofficialMark();
  });

  it('pairs the industry lists of T3/I3 item by item', async () => {
    openWithMode('#/initiative/hz-2024/T3/I3', 'both');
    const view = await article();
    await waitFor(() => expect(rowsOf(view)).toHaveLength(1));
    expect(cell(rowsOf(view)[0]!, 'zh-CN')).toBe(LIST_BODY);
    expect(cell(rowsOf(view)[0]!, 'en')).toBe(T3I3.body[0]);
    const lists: Array<[string, string[], string[]]> = [
      ['8大新兴产业', EMERGING_INDUSTRIES, TRANSLATION.lists['hz-2024/L1']!.items],
      ['9大未来产业', FUTURE_INDUSTRIES, TRANSLATION.lists['hz-2024/L2']!.items],
    ];
    for (const [title, zh, en] of lists) {
      const region = within(view).getByRole('region', { name: new RegExp(`^${title}`) });
      const items = within(region).getAllByRole('listitem');
      expect(items.map((li) => cell(li, 'zh-CN'))).toEqual(zh);
      expect(items.map((li) => cell(li, 'en'))).toEqual(en);
    }
    expect(within(view).getByRole('heading', { level: 3, name: '8大新兴产业 8 emerging industries' })).toBeTruthy();
  });

  it('pairs the lead sentence by sentence in the plan context', async () => {
    openWithMode('', 'both');
    await screen.findByRole('navigation', { name: '计划大纲' });
    await waitFor(() => expect(document.querySelector('.outline [lang="en"]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '计划背景' }));
    const panel = screen.getByRole('region', { name: '计划背景' });
    const lead = panel.querySelector<HTMLElement>('.lead')!;
    const rows = [...lead.querySelectorAll('.parallel-row')];
    expect(rows.map((r) => cell(r, 'zh-CN'))).toEqual(chineseSentences(META.lead));
    expect(rows.map((r) => cell(r, 'en'))).toEqual(TRANSLATION.meta.lead);
  });

  it('shows theme and initiative headlines in both languages in the outline and overview', async () => {
    openWithMode('', 'both');
    const nav = await screen.findByRole('navigation', { name: '计划大纲' });
    await waitFor(() => expect(nav.querySelector('[lang="en"]')).not.toBeNull());
    const link = within(nav).getByRole('link', { name: /^第三 大力发展战略性新兴产业/ });
    expect(cell(link, 'en')).toBe(T3I3.headline);
    expect(link.querySelector('.plan-zh')?.textContent).toBe('大力发展战略性新兴产业,布局未来产业');
    const main = screen.getByRole('main');
    const card = main.querySelectorAll('.theme-card')[2]!;
    expect(card.querySelector('.theme-card-title [lang="en"]')?.textContent).toBe(TRANSLATION.themes['hz-2024/T3']);
    expectOneUnofficialMark();
  });
});

describe('English only', () => {
  it('shows the English text, headline and lists, labelled as an unofficial translation', async () => {
    openWithMode('#/initiative/hz-2024/T3/I3', 'en');
    const view = await article();
    await within(view).findByText(wholeText(T3I3.body[0]!));
    expect(within(view).getByRole('heading', { level: 2 }).textContent).toBe(`3. ${T3I3.headline}`);
    expect(within(view).queryByText(LIST_BODY)).toBeNull();
    expectOneUnofficialMark();
    const region = within(view).getByRole('region', { name: '8 emerging industries' });
    expect(within(region).getAllByRole('listitem').map((li) => li.textContent)).toEqual(TRANSLATION.lists['hz-2024/L1']!.items);
    // The outline follows: English headlines, no Chinese ones.
    const nav = screen.getByRole('navigation', { name: '计划大纲' });
    expect(within(nav).getByRole('link', { name: `3. ${T3I3.headline}` }).getAttribute('aria-current')).toBe('page');
    expect(nav.querySelector('.outline-initiatives [lang="zh-CN"]')).toBeNull();
  });

  it('keeps Chinese with a note when the plan has no English', async () => {
    const fake = createFakeBridge({ 'plan.translation': async () => ok(null) });
    openWithMode('#/initiative/hz-2024/T3/I3', 'en', fake);
    const view = await article();
    expect(await screen.findByText('这份计划暂无英文译文，下面显示中文原文。')).toBeTruthy();
    expect(within(view).getByText(LIST_BODY)).toBeTruthy();
    expect(document.querySelector('main [lang="en"]')).toBeNull();
  });
});

describe('switching modes', () => {
  it('moves between 中文, English and 中英对照 from the header and saves the choice', async () => {
    const { fake } = openWithMode('#/initiative/hz-2024/T1/I1', null);
    const view = await article();
    await within(view).findByText(TWO_SENTENCE_BODY);
    expect(document.querySelector('main [lang="en"]')).toBeNull();
    const group = screen.getByRole('group', { name: '正文语言' });
    expect(within(group).getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(group).getByRole('button', { name: 'English' }));
    await within(view).findByText(wholeText(T1I1.body.join(' ')));
    expect(within(group).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(fake.settings.get('ui.readingMode')).toBe('en'));

    fireEvent.click(within(group).getByRole('button', { name: '中英对照' }));
    await waitFor(() => expect(rowsOf(view)).toHaveLength(2));
    await waitFor(() => expect(fake.settings.get('ui.readingMode')).toBe('both'));

    fireEvent.click(within(group).getByRole('button', { name: '中文' }));
    await within(view).findByText(TWO_SENTENCE_BODY);
    expect(rowsOf(view)).toHaveLength(0);
    await waitFor(() => expect(fake.settings.get('ui.readingMode')).toBe('zh'));
  });

  it('asks for the English of the plan it shows', async () => {
    const { fake } = openWithMode('', null);
    await screen.findByRole('navigation', { name: '计划大纲' });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'plan.translation').map((c) => c.args)).toEqual([
        { planId: OUTLINE.meta.id, language: 'en' },
      ]),
    );
  });
});
