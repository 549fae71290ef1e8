// The first screen first (renderer/src/shell/first-screen.ts): what the overview's first screen
// (or, on a page opened on the table, its first rows) does not show waits until it is up and
// the page has been idle once — the plan notes below the
// theme cards (and their calls), the English of a reader who reads the Chinese only — and the
// view stored for the next launch is not written again when it is the one shown. The page's
// idle moments are held back here (requestIdleCallback is the test's), so "before" and "after"
// are told apart by what the test lets happen, not by timing.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { Profiler } from 'react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/src/api/client';
import { App } from '../../../renderer/src/App';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { createFakeBridge, installBridge, ok } from '../fake-bridge';
import { TRANSLATION } from '../plan-fixture';
import { atAddress, renderApp, resetApp } from '../render-app';
import { createFakeTable, runQuery, type FakeTable } from '../table/fake-table';
import { rowsShown } from '../table/render-table';

/** The page's idle callbacks, run only when the test says so. */
let idle: Array<(deadline: IdleDeadline) => void> = [];
const original = { request: window.requestIdleCallback, cancel: window.cancelIdleCallback };

beforeEach(() => {
  atAddress();
  idle = [];
  window.requestIdleCallback = (fn) => idle.push(fn);
  window.cancelIdleCallback = () => undefined;
});
afterEach(() => {
  resetApp();
  window.requestIdleCallback = original.request;
  window.cancelIdleCallback = original.cancel;
});

/** Lets the frames and timers after the first screen pass (everything but idle callbacks). */
const framesPass = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 30), 0))));

/** Runs the idle callbacks queued so far (a page gone idle). */
function goIdle(): void {
  const due = idle;
  idle = [];
  act(() => due.forEach((fn) => fn({ didTimeout: false, timeRemaining: () => 50 })));
}

const LATER = ['plan.translation', 'annotation.list', 'annotation.colorNames', 'tags.list'];

function fakeWithNotes(saved: Record<string, string> = {}) {
  return createFakeBridge(
    {
      'annotation.list': async () => ok({ entries: [], total: 0 }),
      'annotation.colorNames': async () => ok({}),
      'tags.list': async () => ok([]),
    },
    saved,
  );
}

const asked = (fake: ReturnType<typeof createFakeBridge>) => fake.calls.map((c) => c.method);

describe('the first screen first', { timeout: 20_000 }, () => {
  it('asks for the plan notes and the English of a Chinese reader only once the first screen is up', async () => {
    const fake = fakeWithNotes({ 'ui.view': 'read' });
    renderApp({ fake });
    await waitFor(() => expect(document.querySelectorAll('.theme-card')).toHaveLength(5), { timeout: 5000 });
    await framesPass();
    expect(asked(fake).filter((m) => LATER.includes(m))).toEqual([]);
    // The panel's frame is there (its title), its notes are not yet.
    const panel = screen.getByRole('complementary', { name: '批注' });
    expect(panel.querySelector('.apanel-body')).toBeNull();

    goIdle();
    await waitFor(() => expect(asked(fake).filter((m) => LATER.includes(m)).sort()).toEqual([...LATER].sort()), { timeout: 5000 });
    expect(panel.querySelector('.apanel-body')).not.toBeNull();
    // The stored view is the one shown: not written again.
    expect(fake.calls.filter((c) => c.method === 'settings.set' && (c.args as { key: string }).key === 'ui.view')).toEqual([]);
  });

  it("does not draw anything again when the English a reader of the Chinese alone does not see arrives", async () => {
    // The English is held until the test lets it come.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fake = createFakeBridge({
      'annotation.list': async () => ok({ entries: [], total: 0 }),
      'annotation.colorNames': async () => ok({}),
      'tags.list': async () => ok([]),
      'plan.translation': async () => {
        await held;
        return ok(TRANSLATION);
      },
    });
    installBridge(fake);
    // Every commit of the whole tree, as React's profiler reports them.
    let commits = 0;
    render(
      <Profiler id="app" onRender={() => void (commits += 1)}>
        <I18nProvider i18n={createI18n('zh')}>
          <App client={createApiClient()} />
        </I18nProvider>
      </Profiler>,
    );
    await waitFor(() => expect(document.querySelectorAll('.theme-card')).toHaveLength(5), { timeout: 5000 });
    await framesPass();
    goIdle();
    await waitFor(() => expect(asked(fake).filter((m) => LATER.includes(m)).sort()).toEqual([...LATER].sort()), { timeout: 5000 });
    // Whatever else the page does after its first screen, let it finish (idle work included).
    for (let i = 0; i < 12; i++) {
      await framesPass();
      goIdle();
    }
    const before = commits;
    release();
    await framesPass();
    await framesPass();
    expect(commits - before, 'commits after the English arrived').toBe(0);

    // Read in English next, it is there at once, from what was fetched: not asked again.
    const calls = asked(fake).filter((m) => m === 'plan.translation').length;
    const group = screen.getByRole('group', { name: '正文语言' });
    act(() => within(group).getByRole('button', { name: 'English' }).click());
    await waitFor(() => expect(document.querySelector('.theme-card [lang="en"]')?.textContent).toBe(Object.values(TRANSLATION.themes)[0]), { timeout: 5000 });
    expect(asked(fake).filter((m) => m === 'plan.translation').length).toBe(calls);
  });

  it('asks for the English at once when the reader reads it', async () => {
    const fake = fakeWithNotes({ 'ui.readingMode': 'both' });
    renderApp({ fake });
    await waitFor(() => expect(asked(fake)).toContain('plan.translation'), { timeout: 5000 });
    await framesPass();
    // The page has not been idle: the notes below the cards still wait.
    expect(asked(fake)).not.toContain('annotation.list');
    // A view other than the stored one (none was stored) is written for the next launch.
    await waitFor(() => expect(fake.settings.get('ui.view')).toBe('read'), { timeout: 5000 });
  });

  it('on a page opened on the table, waits for its first rows: the English, the tags and the saved views after them', async () => {
    atAddress('#/table');
    // The first rows are held until the test lets them come.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fake: FakeTable = createFakeTable({
      'table.query': async (q) => {
        await held;
        return ok(runQuery(fake.rows, q));
      },
    });
    renderApp({ fake });
    const after = ['plan.translation', 'tags.list', 'view.list'];
    // The table's frame is up, its rows are on their way; the page goes idle meanwhile.
    await waitFor(() => expect(screen.getByRole('grid')).toBeTruthy(), { timeout: 5000 });
    for (let i = 0; i < 3; i++) {
      await framesPass();
      goIdle();
    }
    expect(asked(fake)).toContain('table.query');
    expect(asked(fake).filter((m) => after.includes(m))).toEqual([]);

    release();
    await rowsShown(15);
    for (let i = 0; i < 3; i++) {
      await framesPass();
      goIdle();
    }
    await waitFor(() => expect(asked(fake).filter((m) => after.includes(m)).sort()).toEqual([...after].sort()), { timeout: 5000 });
  });
});
