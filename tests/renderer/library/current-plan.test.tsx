// The current plan: the remembered one at start (the first when it is gone), switched from the
// library or the plan picker, remembered for the next launch, and followed when it goes to the
// trash. With no plan at all the app starts in the library and the plan views point there.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { atAddress, renderApp, resetApp } from '../render-app';
import { META, PLAN_ID } from '../plan-fixture';
import { callsOf, createFakeLibrary, EMBEDDED, REGULATION, WORK_PLAN } from './fake-library';

beforeAll(installDialogPolyfill);
beforeEach(() => atAddress());
afterEach(resetApp);

const stripTitle = async () => (await screen.findByRole('heading', { level: 1 })).textContent;
/** Waits until the plan strip names this plan. */
const showsPlan = (title: string) => screen.findByRole('heading', { level: 1, name: title });

describe('the current plan', { timeout: 20_000 }, () => {
  it('opens the remembered plan at start', async () => {
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': REGULATION.id });
    renderApp({ fake });
    await showsPlan(REGULATION.title);
    // The start brought its outline (app.start): no other plan was loaded first, nor this one again.
    expect(callsOf(fake, 'app.start')).toHaveLength(1);
    expect(callsOf(fake, 'plan.get')).toEqual([]);
  });

  it('falls back to the first plan when the remembered one is no longer in the library', async () => {
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN], { 'ui.currentPlan': 'p-gone0000' });
    renderApp({ fake });
    await showsPlan(WORK_PLAN.title);
  });

  it('opens a plan from the library: it becomes current, is remembered, and the reading view shows it', async () => {
    atAddress('#/library');
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': PLAN_ID });
    renderApp({ fake });
    fireEvent.click(await screen.findByRole('button', { name: REGULATION.title }));
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    await showsPlan(REGULATION.title);
    expect(fake.settings.get('ui.currentPlan')).toBe(REGULATION.id);
    expect(screen.getByRole('link', { name: '阅读' }).getAttribute('aria-current')).toBe('page');
  });

  it('switches plans from the picker in the plan strip, and offers the library', async () => {
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': PLAN_ID });
    renderApp({ fake });
    await showsPlan(META.title);
    fireEvent.click(screen.getByRole('button', { name: '切换计划' }));
    const menu = await screen.findByRole('menu', { name: '切换计划' });
    const items = await within(menu).findAllByRole('menuitemradio');
    expect(items.map((i) => i.querySelector('.plan-picker-title')!.textContent)).toEqual([WORK_PLAN.title, REGULATION.title, EMBEDDED.title]);
    expect(items.find((i) => i.getAttribute('aria-checked') === 'true')!.textContent).toContain(EMBEDDED.title);
    expect(within(menu).getByRole('menuitem', { name: '管理计划库…' }).getAttribute('href')).toBe('#/library');
    fireEvent.click(items[0]!);
    await showsPlan(WORK_PLAN.title);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(fake.settings.get('ui.currentPlan')).toBe(WORK_PLAN.id);
  });

  it('the picker moves with the arrow keys and closes with Escape, back on its button', async () => {
    renderApp({ fake: createFakeLibrary([EMBEDDED, WORK_PLAN], { 'ui.currentPlan': PLAN_ID }) });
    await stripTitle();
    const button = await screen.findByRole('button', { name: '切换计划' });
    fireEvent.click(button);
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-checked')).toBe('true'));
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('管理计划库…');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('trashing the current plan moves to the next one in the library', async () => {
    atAddress('#/library');
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': REGULATION.id });
    renderApp({ fake });
    fireEvent.click(await screen.findByRole('button', { name: `将“${REGULATION.title}”移到废纸篓` }));
    await waitFor(() => expect(callsOf(fake, 'plan.get').at(-1)).toEqual({ planId: WORK_PLAN.id }));
    await waitFor(() => expect(screen.getByRole('button', { name: WORK_PLAN.title }).closest('li')!.getAttribute('data-current')).toBe('true'));
    expect(fake.settings.get('ui.currentPlan')).toBe(WORK_PLAN.id);
  });

  it('with no plan at all, starts in the library; the plan views say there is no plan and point there', async () => {
    renderApp({ fake: createFakeLibrary([]) });
    expect(await screen.findByRole('heading', { name: '计划库暂无计划' })).toBeTruthy();
    expect(window.location.hash).toBe('#/library');
    fireEvent.click(screen.getByRole('link', { name: '举措表' }));
    expect(await screen.findByRole('heading', { name: '暂无打开的计划' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '前往计划库' }).getAttribute('href')).toBe('#/library');
  });

  it('the View menu’s Library command and Ctrl+4 open the library', async () => {
    renderApp({ fake: createFakeLibrary([EMBEDDED], { 'ui.currentPlan': PLAN_ID }) });
    await stripTitle();
    fireEvent.keyDown(window, { key: '4', code: 'Digit4', ctrlKey: true });
    await waitFor(() => expect(window.location.hash).toBe('#/library'));
    expect(await screen.findByRole('heading', { level: 2, name: '计划库' })).toBeTruthy();
  });
});
