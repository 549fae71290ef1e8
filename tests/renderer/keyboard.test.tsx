// Keyboard: ↑/↓ move through the outline (one Tab stop, on what is open), Alt+↑/Alt+↓ open the
// previous/next initiative from anywhere in the reading view, and the outline keeps what is
// open highlighted and in sight.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atAddress, renderApp, resetApp } from './render-app';

const scrolled: Element[] = [];

beforeEach(() => {
  atAddress();
  scrolled.length = 0;
  // jsdom has no layout; record what the app asks to bring into sight.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => {
  resetApp();
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

const outline = () => screen.findByRole('navigation', { name: '计划大纲' });
const heading = (name: string) => screen.findByRole('heading', { level: 2, name });

describe('outline keys', () => {
  it('moves focus with ↓ / ↑ / Home / End, with one Tab stop on the open item', async () => {
    atAddress('#/initiative/hz-2024/T1/I2');
    renderApp();
    const nav = await outline();
    await heading('第二 营造市场化、法治化、国际化一流营商环境');
    const links = within(nav).getAllByRole('link');
    expect(links).toHaveLength(16);
    expect(links.filter((a) => a.tabIndex === 0)).toEqual([links[2]]);

    links[2]!.focus();
    fireEvent.keyDown(links[2]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[3]);
    fireEvent.keyDown(links[3]!, { key: 'ArrowUp' });
    fireEvent.keyDown(links[2]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(links[1]!, { key: 'End' });
    expect(document.activeElement).toBe(links[15]);
    fireEvent.keyDown(links[15]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[15]);
    fireEvent.keyDown(links[15]!, { key: 'Home' });
    expect(document.activeElement).toBe(links[0]);
  });

  it('tells how in the outline', async () => {
    const nav = await (renderApp(), outline());
    expect(within(nav).getByText('↑ ↓ 移动，Enter 打开，Alt+↑ ↓ 上一条或下一条举措')).toBeTruthy();
  });
});

describe('previous and next initiative', () => {
  it('opens the next and previous initiative with Alt+↓ / Alt+↑, across themes, and the outline follows', async () => {
    atAddress('#/initiative/hz-2024/T1/I3');
    renderApp();
    const nav = await outline();
    await heading('第三 优化惠民生保稳定政策服务体系');

    fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true });
    await heading('第一 补齐制造业比重偏低的短板');
    expect(window.location.hash).toBe('#/initiative/hz-2024/T2/I1');
    const current = within(nav).getByRole('link', { name: '第一 补齐制造业比重偏低的短板' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(current.tabIndex).toBe(0);
    await waitFor(() => expect(scrolled.at(-1)).toBe(current));

    fireEvent.keyDown(document.body, { key: 'ArrowUp', altKey: true });
    await heading('第三 优化惠民生保稳定政策服务体系');
    fireEvent.keyDown(document.body, { key: 'ArrowUp', altKey: true });
    await heading('第二 营造市场化、法治化、国际化一流营商环境');
  });

  it('goes from the overview to the first initiative, and not past the last', async () => {
    renderApp();
    await outline();
    fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true });
    await heading('第一 建立解难题促发展政策机制');
    act(() => {
      window.location.hash = '#/initiative/hz-2024/T5/I3';
    });
    await heading('第三 以奋进“两个先行”展现头雁风采');
    fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true });
    expect(window.location.hash).toBe('#/initiative/hz-2024/T5/I3');
  });

  it('leaves Alt+arrows to form fields and plain arrows to the page', async () => {
    atAddress('#/initiative/hz-2024/T1/I1');
    renderApp();
    await outline();
    await heading('第一 建立解难题促发展政策机制');
    fireEvent.keyDown(screen.getByRole('combobox', { name: '外观' }), { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'ArrowDown', altKey: true, ctrlKey: true });
    expect(window.location.hash).toBe('#/initiative/hz-2024/T1/I1');
  });

  it('names the shortcut on the pager links', async () => {
    atAddress('#/initiative/hz-2024/T1/I2');
    renderApp();
    await heading('第二 营造市场化、法治化、国际化一流营商环境');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: /下一条/ }).getAttribute('title')).toBe('下一条举措（Alt+↓）');
    expect(within(main).getByRole('link', { name: /上一条/ }).getAttribute('title')).toBe('上一条举措（Alt+↑）');
  });
});
