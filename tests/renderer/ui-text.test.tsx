// No hard-coded UI text: each screen is rendered under the pseudo-language (every catalogue
// string wrapped in ⟦…⟧) and every text a reader sees or hears must be inside markers or be
// the fixture's plan data. To cover another view, add a screen to SCREENS (or call
// findUncataloguedText on your own rendered container).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from './preferences/dialog-polyfill';
import type { SettingKey } from '../../shared/api/contract';
import type { Language } from '../../renderer/src/i18n/catalogue';
import { createFakeBridge, fail, type FakeBridge } from './fake-bridge';
import { atAddress, renderApp, resetApp } from './render-app';
import { CATALOGUE } from '../../renderer/src/i18n/catalogue';
import { MENU_LABELS } from '../../shared/i18n/menu-labels';
import { collectStrings, createPseudoI18n, findUncataloguedText, fixtureDataStrings, uncataloguedInString } from './ui-text';
import { createFakeLibrary, EMBEDDED, importedDocument, REGULATION, WORK_PLAN } from './library/fake-library';
import { formatDate } from '../../renderer/src/features/library/library-order';

const DATA = fixtureDataStrings();
const PLAN_FAILED = 'plan.get failed unexpectedly; nothing was changed.';
const NOT_FOUND = 'No initiative with id hz-2024/T9/I9';

interface Screen {
  name: string;
  hash?: string;
  saved?: Partial<Record<SettingKey, string>>;
  fake?: () => FakeBridge;
  language?: Language;
  /** Waits until the screen shows what it is about (and opens what should be open). */
  ready(): Promise<void>;
  /** Backend messages the screen shows as they are (data, not UI text). */
  extraData?: string[];
}

const outline = () => screen.findByRole('navigation', { name: /⟦(计划大纲|Plan outline)⟧/ });
const withContext = async () => {
  await outline();
  fireEvent.click(screen.getByRole('button', { name: /⟦(计划背景|About this plan)⟧/ }));
  await screen.findByRole('region', { name: /⟦(计划背景|About this plan)⟧/ });
};
const english = async () => {
  await waitFor(() => expect(document.querySelector('main [lang="en"]')).not.toBeNull());
};
const initiative = async () => {
  await withContext();
  await screen.findByRole('article');
};

const LIBRARY = [EMBEDDED, WORK_PLAN, { ...REGULATION, trashedAt: '2026-12-04T08:00:00Z', tags: ['安全'] }];
/** The library's plan data and the dates Intl writes for it, in both languages. */
const libraryData = () => [
  ...collectStrings(LIBRARY),
  ...LIBRARY.flatMap((e) => [e.date, e.trashedAt].filter((d): d is string => !!d).flatMap((d) => [formatDate(d, 'zh'), formatDate(d, 'en')])),
];
const chooseFile = (name: string) => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"][multiple]')!;
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true });
  fireEvent.change(input);
};
const libraryScreen = (language: Language): Screen => ({
  name: `the library with its trash open (${language})`,
  hash: '#/library',
  language,
  fake: () => createFakeLibrary(LIBRARY, { 'ui.currentPlan': EMBEDDED.id }),
  ready: async () => {
    fireEvent.click(await screen.findByRole('button', { name: /⟦(显示废纸篓|Show Trash)/ }));
    await screen.findByText(REGULATION.title);
  },
  extraData: libraryData(),
});
const previewScreen = (language: Language): Screen => ({
  name: `the import preview (${language})`,
  hash: '#/library',
  language,
  fake: () => createFakeLibrary(LIBRARY, { 'ui.currentPlan': EMBEDDED.id }),
  ready: async () => {
    await screen.findByText(WORK_PLAN.title);
    chooseFile('方案.docx');
    await screen.findByRole('dialog', { name: /⟦(导入预览|Import preview)⟧/ });
  },
  extraData: [...libraryData(), ...collectStrings(importedDocument('方案.docx')), '（一）指导思想', '（二）主要目标'],
});

const SCREENS: Screen[] = [
  libraryScreen('zh'),
  libraryScreen('en'),
  previewScreen('zh'),
  previewScreen('en'),
  {
    name: 'the library when empty',
    hash: '#/library',
    fake: () => createFakeLibrary([]),
    ready: async () => void (await screen.findByRole('heading', { name: /⟦计划库暂无计划⟧/ })),
  },
  {
    name: 'a plan view with no plan',
    hash: '#/table',
    fake: () => createFakeLibrary([]),
    ready: async () => void (await screen.findByRole('heading', { name: /⟦暂无打开的计划⟧/ })),
  },
  { name: 'the loading screen', ready: async () => void (await screen.findByRole('status')) },
  { name: 'the overview with the plan context open', ready: withContext },
  { name: 'the overview in English UI', language: 'en', ready: withContext },
  { name: 'the overview in both languages', saved: { 'ui.readingMode': 'both' }, ready: async () => (await withContext(), english()) },
  { name: 'the overview in English', saved: { 'ui.readingMode': 'en' }, ready: async () => (await withContext(), english()) },
  { name: 'an initiative with lists in Chinese', hash: '#/initiative/hz-2024/T3/I3', ready: initiative },
  {
    name: 'an initiative with lists in English',
    hash: '#/initiative/hz-2024/T3/I3',
    saved: { 'ui.readingMode': 'en' },
    ready: async () => (await initiative(), english()),
  },
  {
    name: 'an initiative side by side',
    hash: '#/initiative/hz-2024/T1/I1',
    saved: { 'ui.readingMode': 'both' },
    ready: async () => (await initiative(), english()),
  },
  {
    name: 'an initiative side by side in English UI',
    hash: '#/initiative/hz-2024/T3/I3',
    language: 'en',
    saved: { 'ui.readingMode': 'both' },
    ready: async () => (await initiative(), english()),
  },
  {
    name: 'English asked for but missing',
    saved: { 'ui.readingMode': 'en' },
    fake: () => createFakeBridge({ 'plan.translation': async () => ({ ok: true, value: null }) }),
    ready: async () => void (await screen.findByText(/⟦这份计划暂无英文译文/)),
  },
  {
    name: 'the error screen',
    fake: () => createFakeBridge({ 'plan.get': async () => fail('INTERNAL', PLAN_FAILED) }),
    ready: async () => void (await screen.findByRole('alert')),
    extraData: [PLAN_FAILED],
  },
  {
    name: 'an unknown initiative',
    hash: '#/initiative/hz-2024/T9/I9',
    ready: async () => void (await screen.findByRole('alert')),
    extraData: [NOT_FOUND],
  },
  {
    name: 'the access-key screen',
    fake: () => createFakeBridge({ 'plan.list': async () => fail('UNAUTHORIZED', 'Missing or wrong access token') }),
    ready: async () => void (await screen.findByRole('alert')),
    extraData: ['Missing or wrong access token'],
  },
];

beforeAll(installDialogPolyfill);
beforeEach(() => atAddress());
afterEach(resetApp);

describe('every UI text comes from the catalogue', () => {
  for (const s of SCREENS) {
    it(s.name, async () => {
      atAddress(s.hash);
      const fake = s.fake?.() ?? createFakeBridge();
      for (const [key, value] of Object.entries(s.saved ?? {})) fake.settings.set(key as SettingKey, value);
      const { container } = renderApp({ fake, i18n: createPseudoI18n(s.language) });
      await s.ready();
      const data = [...DATA, ...(s.extraData ?? [])];
      expect(findUncataloguedText(container, data)).toEqual([]);
      expect(uncataloguedInString(document.title, data, 'document.title')).toEqual([]);
      // The screen really is in the pseudo-language (the check would pass vacuously otherwise).
      expect(container.textContent).toContain('⟦');
    });
  }
});

describe('the check itself', () => {
  it('finds hard-coded text, hard-coded attributes and text split outside markers', () => {
    const { container } = render(
      <div>
        <p>⟦目录⟧</p>
        <p>Hard-coded</p>
        <button aria-label="关闭">⟦x⟧</button>
        <p>
          ⟦一 <code>code</code> 二⟧ after
        </p>
        <p>{DATA[0]}</p>
      </div>,
    );
    expect(findUncataloguedText(container, DATA)).toEqual([
      'text in <p>: "Hard-coded"',
      'text in <p>: "after"',
      'aria-label of <button>: "关闭"',
    ]);
  });

  it('accepts a sentence of plan text but not a short fragment of it', () => {
    expect(uncataloguedInString('着重在夯实基础、产业转型', DATA, 'x')).toEqual([]);
    expect(uncataloguedInString('杭州', DATA, 'x')).toEqual(['x: "杭州"']);
  });
});

/** Every UI string of one language: each catalogue namespace and the native menu. */
function uiStrings(language: Language): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push([path, value]);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  for (const [ns, strings] of Object.entries(CATALOGUE)) walk(strings[language], ns);
  walk(MENU_LABELS[language], 'menu');
  return out;
}

describe('wording', () => {
  it('speaks mainland software Chinese: 加载, 暂无…, 您, 仪表盘, 终端中输出的地址', () => {
    const rules: Array<[RegExp, string]> = [
      [/载入/, 'say 加载, not 载入'],
      [/仪表板/, 'say 仪表盘, not 仪表板'],
      [/你/, 'address the reader as 您'],
      [/还没有|^没有/, 'an empty state says 暂无…'],
      [/打印出/, 'an address is 在终端中输出的, not 打印出的'],
    ];
    const problems = uiStrings('zh').flatMap(([path, text]) =>
      rules.filter(([pattern]) => pattern.test(text)).map(([, rule]) => `${path} "${text}": ${rule}`),
    );
    expect(problems).toEqual([]);
  });

  it('uses one English name per view and mode, and the house words', () => {
    const rules: Array<[RegExp, string]> = [
      [/Initiative [Tt]able|^Initiatives$/, 'the table is called Table'],
      [/^Both$|Side by Side/, '中英对照 is “Side by side”'],
      [/Theme line|theme line/, 'say “Main theme”'],
      [/^Next$/, 'a list of what is due is “Upcoming”'],
      [/printed by/, 'the server shows its address in the terminal'],
    ];
    const problems = uiStrings('en')
      // The tile counting initiatives is a count, not the view's name.
      .filter(([path]) => path !== 'dashboard.tiles.initiatives')
      // “Next” on the reading pager means the next initiative, which it is.
      .filter(([path]) => path !== 'common.next')
      .flatMap(([path, text]) => rules.filter(([pattern]) => pattern.test(text)).map(([, rule]) => `${path} "${text}": ${rule}`));
    expect(problems).toEqual([]);
  });

  it('names the table and the side-by-side mode the same way in the tabs, the menu, the view and the preferences', () => {
    const { common, table, preferences } = CATALOGUE;
    expect(new Set([common.zh.views.table, table.zh.title, MENU_LABELS.zh.viewTable])).toEqual(new Set(['举措表']));
    expect(new Set([common.en.views.table, table.en.title, MENU_LABELS.en.viewTable])).toEqual(new Set(['Table']));
    expect(new Set([common.zh.readingMode.both, preferences.zh.reading.modeBoth, MENU_LABELS.zh.readingBoth])).toEqual(new Set(['中英对照']));
    expect(new Set([common.en.readingMode.both, preferences.en.reading.modeBoth, MENU_LABELS.en.readingBoth])).toEqual(
      new Set(['Side by side']),
    );
    expect(new Set([common.en.views.dashboard, MENU_LABELS.en.viewDashboard])).toEqual(new Set(['Dashboard']));
    expect(new Set([common.zh.views.dashboard, MENU_LABELS.zh.viewDashboard])).toEqual(new Set(['仪表盘']));
    expect(collectStrings(CATALOGUE).length).toBeGreaterThan(100);
  });
});
