// The reading screens against a fake desktop bridge (the real api client and components).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBridge, type FakeBridge } from './fake-bridge';
import { EMERGING_INDUSTRIES, FUTURE_INDUSTRIES, LIST_BODY, LISTS_INITIATIVE_ID, META, OUTLINE } from './plan-fixture';
import { atAddress, renderApp as render, resetApp } from './render-app';

const TITLE = '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路';
const LIST_HEADLINE = '大力发展战略性新兴产业,布局未来产业';

/** These tests compare plan text as stored (建章立制,该出台): the full-width display has its own tests. */
function renderApp(fake: FakeBridge = createFakeBridge()) {
  if (!fake.settings.has('ui.cjkPunctuation')) fake.settings.set('ui.cjkPunctuation', 'off');
  return render({ fake }).fake;
}

async function ready() {
  return screen.findByRole('navigation', { name: '计划大纲' });
}

function mainPane() {
  return screen.getByRole('main');
}

beforeEach(() => atAddress());

afterEach(resetApp);

describe('first screen', () => {
  it('names the plan and its theme line in the header, with the rest of its context one click away', async () => {
    renderApp();
    await ready();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('heading', { level: 1 }).textContent).toBe(TITLE);
    expect(within(banner).getByText('深化改革、强基固本').closest('strong')).toBeTruthy();
    expect(screen.queryByRole('region', { name: '计划背景' })).toBeNull();

    const toggle = within(banner).getByRole('button', { name: '计划背景' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: '计划背景' });
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    const details = panel.querySelector('dl')!;
    expect(details.getAttribute('aria-label')).toBe('出处');
    const expected: Array<[string, string]> = [
      ['来源', '杭州日报'],
      ['栏目', '杭州有理'],
      ['发布时间', '2024-05-11 15:55'],
      ['作者', '赵亚东'],
      ['编辑', '程慧雨'],
      ['制图', '王璟'],
    ];
    for (const [term, value] of expected) {
      const dt = within(details).getByText(term);
      expect(dt.nextElementSibling?.textContent, term).toBe(value);
    }
    const lead = panel.querySelector<HTMLElement>('.lead')!;
    expect(lead.querySelector('.lead-text')?.textContent).toBe(META.lead);
    expect(panel.textContent).toContain(META.authorNote);
    fireEvent.click(toggle);
    expect(screen.queryByRole('region', { name: '计划背景' })).toBeNull();
  });

  it('shows a loading state first', async () => {
    renderApp();
    expect(screen.getByRole('status').textContent).toBe('正在加载…');
    await ready();
  });

  it('lists 5 themes with 3 initiatives each in the outline, as links', async () => {
    renderApp();
    const nav = await ready();
    const themes = within(nav).getAllByRole('heading', { level: 2 });
    expect(themes.map((h) => h.textContent)).toEqual(OUTLINE.themes.map((t, i) => `主题${'一二三四五'[i]} ${t.headline}`));
    const groups = nav.querySelectorAll('.outline-initiatives');
    expect(groups).toHaveLength(5);
    groups.forEach((group, ti) => {
      const links = within(group as HTMLElement).getAllByRole('link');
      expect(links.map((a) => a.textContent)).toEqual(
        OUTLINE.themes[ti]!.initiatives.map((i) => `${i.numeral} ${i.headline}`),
      );
    });
    // The overview is the home view and is marked current.
    expect(within(nav).getByRole('link', { name: '概览' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows the overview: 5 theme cards with 3 initiatives each and both stated lists', async () => {
    renderApp();
    await ready();
    const main = mainPane();
    expect(within(main).getByRole('heading', { level: 2, name: '计划概览' })).toBeTruthy();
    const cards = main.querySelectorAll('.theme-card');
    expect(cards).toHaveLength(5);
    cards.forEach((card) => expect(within(card as HTMLElement).getAllByRole('link')).toHaveLength(3));
    const emerging = within(main).getByRole('region', { name: '8大新兴产业' });
    expect(within(emerging).getAllByRole('listitem').map((li) => li.textContent)).toEqual(EMERGING_INDUSTRIES);
    const future = within(main).getByRole('region', { name: '9大未来产业' });
    expect(within(future).getAllByRole('listitem').map((li) => li.textContent)).toEqual(FUTURE_INDUSTRIES);
  });

  it('opens an initiative from the outline: theme context, title, body and its lists as lists', async () => {
    const fake = renderApp();
    const nav = await ready();
    const link = within(nav).getByRole('link', { name: `第三 ${LIST_HEADLINE}` });
    fireEvent.click(link);
    const main = mainPane();
    const title = await within(main).findByRole('heading', { level: 2, name: `第三 ${LIST_HEADLINE}` });
    expect(title).toBeTruthy();
    expect(within(main).getByText('在顺应大势中把握培育发展新质生产力')).toBeTruthy();
    expect(within(main).getByText(LIST_BODY)).toBeTruthy();

    const emerging = within(main).getByRole('heading', { level: 3, name: '8大新兴产业' });
    const emergingList = emerging.parentElement!.querySelector('ol')!;
    expect(within(emergingList).getAllByRole('listitem').map((li) => li.textContent)).toEqual(EMERGING_INDUSTRIES);
    const future = within(main).getByRole('heading', { level: 3, name: '9大未来产业' });
    const futureList = future.parentElement!.querySelector('ol')!;
    expect(within(futureList).getAllByRole('listitem')).toHaveLength(9);
    expect(futureList.textContent).toContain('生成式人工智能');

    // Selected in the outline, and remembered for the next launch.
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: '概览' }).getAttribute('aria-current')).toBeNull();
    expect(within(nav).getAllByRole('link').filter((a) => a.getAttribute('aria-current'))).toHaveLength(1);
    await waitFor(() => expect(fake.settings.get('ui.lastInitiative')).toBe(LISTS_INITIATIVE_ID));
    expect(window.location.hash).toBe('#/initiative/hz-2024/T3/I3');
  });

  it('shows no lists for an initiative that states none', async () => {
    renderApp();
    const nav = await ready();
    fireEvent.click(within(nav).getByRole('link', { name: '第二 营造市场化、法治化、国际化一流营商环境' }));
    const main = mainPane();
    await within(main).findByText('hz-2024/T1/I2 的正文。');
    expect(within(main).queryByText(/大新兴产业/)).toBeNull();
  });

  it('moves with previous and next in reading order across themes', async () => {
    renderApp();
    const nav = await ready();
    fireEvent.click(within(nav).getByRole('link', { name: `第三 ${LIST_HEADLINE}` }));
    const main = mainPane();
    await within(main).findByRole('heading', { level: 2, name: `第三 ${LIST_HEADLINE}` });

    fireEvent.click(within(main).getByRole('link', { name: /下一条/ }));
    await within(main).findByRole('heading', { level: 2, name: '第一 打造“绿色生活”之城' });
    expect(within(main).getByText('在深度推进绿色发展中打造中国式现代化范例城市“美丽样板”')).toBeTruthy();

    fireEvent.click(within(main).getByRole('link', { name: /上一条/ }));
    await within(main).findByRole('heading', { level: 2, name: `第三 ${LIST_HEADLINE}` });
    fireEvent.click(within(main).getByRole('link', { name: /上一条/ }));
    await within(main).findByRole('heading', { level: 2, name: '第二 打造适应新质生产力发展需要的创新人才队伍' });
    expect(within(nav).getByRole('link', { name: '第二 打造适应新质生产力发展需要的创新人才队伍' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers no previous on the first initiative and no next on the last', async () => {
    renderApp();
    await ready();
    act(() => {
      window.location.hash = '#/initiative/hz-2024/T1/I1';
    });
    const main = mainPane();
    await within(main).findByRole('heading', { level: 2, name: '第一 建立解难题促发展政策机制' });
    expect(within(main).queryByRole('link', { name: /上一条/ })).toBeNull();
    expect(within(main).getByRole('link', { name: /下一条/ })).toBeTruthy();
    act(() => {
      window.location.hash = '#/initiative/hz-2024/T5/I3';
    });
    await within(main).findByRole('heading', { level: 2, name: '第三 以奋进“两个先行”展现头雁风采' });
    expect(within(main).queryByRole('link', { name: /下一条/ })).toBeNull();
  });

  it('restores the last opened initiative on a fresh start', async () => {
    const fake = createFakeBridge({}, { 'ui.lastInitiative': LISTS_INITIATIVE_ID });
    renderApp(fake);
    await ready();
    await within(mainPane()).findByRole('heading', { level: 2, name: `第三 ${LIST_HEADLINE}` });
    expect(window.location.hash).toBe('#/initiative/hz-2024/T3/I3');
  });

  it('keeps the view in the address over the remembered one', async () => {
    const fake = createFakeBridge();
    fake.settings.set('ui.lastInitiative', LISTS_INITIATIVE_ID);
    window.history.replaceState(null, '', '/#/initiative/hz-2024/T2/I1');
    renderApp(fake);
    await ready();
    await within(mainPane()).findByRole('heading', { level: 2, name: '第一 补齐制造业比重偏低的短板' });
  });

  it('ignores a remembered initiative that no longer exists', async () => {
    const fake = createFakeBridge();
    fake.settings.set('ui.lastInitiative', 'hz-2024/T9/I9');
    renderApp(fake);
    await ready();
    expect(within(mainPane()).getByRole('heading', { level: 2, name: '计划概览' })).toBeTruthy();
    expect(fake.calls.some((c) => c.method === 'initiative.get')).toBe(false);
  });
});

describe('errors', () => {
  it('names what failed when the plan cannot load, and retries', async () => {
    let failing = true;
    const base = createFakeBridge();
    const fake = createFakeBridge({
      'app.start': async (args) =>
        failing ? { ok: false, error: { code: 'INTERNAL', message: 'app.start failed unexpectedly; nothing was changed.' } } : base.bridge['app.start'](args),
    });
    renderApp(fake);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: '无法加载计划' })).toBeTruthy();
    expect(alert.textContent).toContain('app.start failed unexpectedly; nothing was changed.');
    expect(alert.textContent).toContain('错误代码：INTERNAL（app.start）');
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await ready();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the backend is unreachable when the bridge itself fails', async () => {
    renderApp(createFakeBridge({ 'app.start': () => Promise.reject(new Error('channel closed')) }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法连接到简报本的后台');
    expect(alert.textContent).toContain('channel closed');
  });

  it('shows an unknown initiative in the address as not found, with the way back', async () => {
    window.history.replaceState(null, '', '/#/initiative/hz-2024/T9/I9');
    renderApp();
    await ready();
    const alert = await within(mainPane()).findByRole('alert');
    expect(within(alert).getByRole('heading', { name: '无法加载这条举措' })).toBeTruthy();
    expect(alert.textContent).toContain('No initiative with id hz-2024/T9/I9');
    expect(alert.textContent).toContain('错误代码：NOT_FOUND（initiative.get）');
    fireEvent.click(within(alert).getByRole('link', { name: '返回概览' }));
    await within(mainPane()).findByRole('heading', { level: 2, name: '计划概览' });
  });

  it('shows the access-key screen in both languages on UNAUTHORIZED', async () => {
    renderApp(
      createFakeBridge({
        'app.start': async () => ({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' } }),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Open this page at the address npm run serve shows in the terminal (it carries a one-time key).');
    expect(alert.textContent).toContain('npm run serve');
    expect(within(alert).getByRole('heading', { name: '需要访问密钥' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
