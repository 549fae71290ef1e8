// Reading size, theme and the view: changed from the header, saved through settings.set, and
// back on the next start.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dashboard } from '../../renderer/src/features/dashboard/locales';
import { table } from '../../renderer/src/features/table/locales';
import { createFakeBridge } from './fake-bridge';
import { atAddress, renderApp, resetApp } from './render-app';

// The view is loaded on demand (a chunk of its own); importing it first spares the test a cold
// compile while it waits for the view on a loaded machine.
beforeAll(() => Promise.all([import('../../renderer/src/features/preferences/PreferencesDialog')]));

beforeEach(() => atAddress());
afterEach(resetApp);

const ready = () => screen.findByRole('navigation', { name: '计划大纲' });
const main = () => screen.getByRole('main');

describe('reading size', () => {
  it('steps up and down between 1 and 5 with A+ / A−, saving each step', async () => {
    const { fake } = renderApp();
    await ready();
    const group = screen.getByRole('group', { name: '字号' });
    const larger = within(group).getByRole('button', { name: '放大字号' });
    const smaller = within(group).getByRole('button', { name: '缩小字号' });
    expect(larger.textContent).toBe('A+');
    expect(smaller.textContent).toBe('A−');
    expect(main().dataset.readingSize).toBe('3');

    fireEvent.click(larger);
    expect(main().dataset.readingSize).toBe('4');
    await waitFor(() => expect(fake.settings.get('ui.readingSize')).toBe('4'));
    fireEvent.click(larger);
    fireEvent.click(larger);
    expect(main().dataset.readingSize).toBe('5');
    expect(larger.getAttribute('aria-disabled')).toBe('true');
    expect(group.getAttribute('title')).toBe('字号 5/5');

    for (let i = 0; i < 6; i++) fireEvent.click(smaller);
    expect(main().dataset.readingSize).toBe('1');
    expect(smaller.getAttribute('aria-disabled')).toBe('true');
    expect(larger.getAttribute('aria-disabled')).toBe('false');
    await waitFor(() => expect(fake.settings.get('ui.readingSize')).toBe('1'));
  });

  it('starts at the saved size, and at the default for a value it cannot use', async () => {
    renderApp({ fake: createFakeBridge({}, { 'ui.readingSize': '5' }) });
    await ready();
    expect(main().dataset.readingSize).toBe('5');
    resetApp();
    renderApp({ fake: createFakeBridge({}, { 'ui.readingSize': 'huge' }) });
    await ready();
    expect(main().dataset.readingSize).toBe('3');
  });
});

describe('theme', () => {
  it('follows the system until the reader picks light or dark, on <html data-theme>, saved', async () => {
    const { fake } = renderApp();
    await ready();
    expect(document.documentElement.dataset.theme).toBe('system');
    const select = screen.getByRole('combobox', { name: '外观' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['跟随系统', '浅色', '深色']);

    fireEvent.change(select, { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    await waitFor(() => expect(fake.settings.get('ui.theme')).toBe('dark'));
    fireEvent.change(select, { target: { value: 'light' } });
    expect(document.documentElement.dataset.theme).toBe('light');
    await waitFor(() => expect(fake.settings.get('ui.theme')).toBe('light'));
  });

  it('starts in the saved theme', async () => {
    renderApp({ fake: createFakeBridge({}, { 'ui.theme': 'dark' }) });
    await ready();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect((screen.getByRole('combobox', { name: '外观' }) as HTMLSelectElement).value).toBe('dark');
  });
});

describe('views and where the reader was', () => {
  it('moves between 阅读, 举措表 and 仪表盘 in the app bar, saving the view', async () => {
    const { fake } = renderApp();
    await ready();
    const views = screen.getByRole('navigation', { name: '视图' });
    const tab = (name: string) => within(views).getByRole('link', { name });
    expect(tab('阅读').getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(fake.settings.get('ui.view')).toBe('read'));

    fireEvent.click(tab('举措表'));
    await waitFor(() => expect(tab('举措表').getAttribute('aria-current')).toBe('page'));
    expect(window.location.hash).toBe('#/table');
    // The table view has no outline; the plan strip stays.
    expect(screen.queryByRole('navigation', { name: '计划大纲' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
    expect(document.title).toBe(`${table.zh.title} · 简报本`);
    await waitFor(() => expect(fake.settings.get('ui.view')).toBe('table'));

    fireEvent.click(tab('仪表盘'));
    await waitFor(() => expect(window.location.hash).toBe('#/dashboard'));
    await waitFor(() => expect(fake.settings.get('ui.view')).toBe('dashboard'));
    expect(document.title).toBe(`${dashboard.zh.title} · 简报本`);
  });

  it('returns the reading tab to the initiative being read', async () => {
    atAddress('#/initiative/hz-2024/T2/I2');
    renderApp();
    await ready();
    const views = screen.getByRole('navigation', { name: '视图' });
    fireEvent.click(within(views).getByRole('link', { name: '举措表' }));
    await waitFor(() => expect(window.location.hash).toBe('#/table'));
    expect(within(views).getByRole('link', { name: '阅读' }).getAttribute('href')).toBe('#/initiative/hz-2024/T2/I2');
  });

  it('reopens the saved view on a fresh start', async () => {
    renderApp({ fake: createFakeBridge({}, { 'ui.view': 'dashboard', 'ui.lastInitiative': 'hz-2024/T3/I3' }) });
    await waitFor(() => expect(window.location.hash).toBe('#/dashboard'));
    const views = await screen.findByRole('navigation', { name: '视图' });
    expect(within(views).getByRole('link', { name: '仪表盘' }).getAttribute('aria-current')).toBe('page');
  });

  it('writes nothing for a page opened on search, which a launch does not reopen: the view before it stays the saved one', async () => {
    atAddress('#/search');
    const { fake } = renderApp({ fake: createFakeBridge({}, { 'ui.view': 'dashboard' }) });
    await screen.findByRole('combobox', { name: '搜索全部计划、译文和笔记' });
    // Then to a view a launch reopens, which is written: by then the search page's own write,
    // had it made one, would have come first.
    const views = screen.getByRole('navigation', { name: '视图' });
    fireEvent.click(within(views).getByRole('link', { name: '举措表' }));
    await waitFor(() => expect(fake.settings.get('ui.view')).toBe('table'));
    expect(fake.calls.filter((c) => c.method === 'settings.set').map((c) => c.args)).toEqual([{ key: 'ui.view', value: 'table' }]);
  });

  it('reopens the reading mode and the last initiative when the saved view is reading', async () => {
    renderApp({ fake: createFakeBridge({}, { 'ui.view': 'read', 'ui.lastInitiative': 'hz-2024/T3/I3', 'ui.readingMode': 'both' }) });
    const view = await screen.findByRole('article');
    expect(window.location.hash).toBe('#/initiative/hz-2024/T3/I3');
    await waitFor(() => expect(view.querySelectorAll('.reading .parallel-row')).toHaveLength(1));
    const group = screen.getByRole('group', { name: '正文语言' });
    expect(within(group).getByRole('button', { name: '中英对照' }).getAttribute('aria-pressed')).toBe('true');
  });
});
