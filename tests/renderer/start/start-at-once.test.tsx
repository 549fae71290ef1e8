// When the first screen's data and the storage status are in before the first render (main.tsx
// waits a moment for them), the gate and the App start on them: the first commit is the first
// screen, with no empty gate and no loading screen committed (and painted) before it, and no
// second app.start. Start data that come after the storage status still get the loading
// screen, as before.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/src/api/client';
import { App } from '../../../renderer/src/App';
import { askStorageStatusEarly, earlyStorageStatusSettled, takeEarlyStorageStatus } from '../../../renderer/src/features/storage/early-status';
import { StorageGate } from '../../../renderer/src/features/storage/StorageGate';
import type { Language } from '../../../renderer/src/i18n/catalogue';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { earlyStartSettled, loadStartEarly, takeStart } from '../../../renderer/src/load-start';
import { createFakeBridge, installBridge, ok, type FakeBridge } from '../fake-bridge';
import { LISTS_INITIATIVE_ID, SUMMARY } from '../plan-fixture';
import { atAddress, resetApp } from '../render-app';

/** Every element class the page ever had attached, as a MutationObserver saw them. */
let seen: string[] = [];
let observer: MutationObserver | null = null;

beforeEach(() => {
  atAddress();
  seen = [];
  observer = new MutationObserver((records) => {
    for (const r of records) for (const n of Array.from(r.addedNodes)) if (n instanceof Element) seen.push(n.className);
  });
  observer.observe(document.body, { childList: true, subtree: true });
});
afterEach(async () => {
  observer?.disconnect();
  resetApp();
  cleanup();
  // Leave no early load behind for the next test.
  takeEarlyStorageStatus();
  await takeStart(createApiClient()).catch(() => undefined);
});

const classesSeen = () => [...seen, ...(observer?.takeRecords() ?? []).flatMap((r) => Array.from(r.addedNodes).map((n) => (n instanceof Element ? n.className : '')))];

/** The page as main.tsx starts it: the early asks, then (once they are in) the first render. */
async function startPage(fake: FakeBridge, language: Language, waitForData: boolean) {
  installBridge(fake);
  const client = createApiClient();
  askStorageStatusEarly(client);
  loadStartEarly(client);
  if (waitForData) await act(() => Promise.all([earlyStartSettled(), earlyStorageStatusSettled()]));
  // render() commits synchronously (inside act): what it shows is the first commit's screen.
  render(
    <I18nProvider i18n={createI18n(language)}>
      <StorageGate client={client}>
        <App client={client} />
      </StorageGate>
    </I18nProvider>,
  );
  return fake;
}

describe('a start whose data are in before the first render', { timeout: 20_000 }, () => {
  it('commits the overview first: no empty gate, no loading screen, one app.start', async () => {
    const fake = await startPage(createFakeBridge(), 'zh', true);
    expect(document.querySelectorAll('.theme-card')).toHaveLength(5);
    expect(classesSeen()).not.toContain('loading-screen');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(document.querySelectorAll('.theme-card')).toHaveLength(5);
    expect(fake.calls.filter((c) => c.method === 'app.start')).toHaveLength(1);
  });

  it('opens the remembered initiative in that first commit, with the address pointing at it', async () => {
    await startPage(createFakeBridge({}, { 'ui.lastInitiative': LISTS_INITIATIVE_ID }), 'zh', true);
    expect(window.location.hash).toBe(`#/initiative/${LISTS_INITIATIVE_ID}`);
    expect(classesSeen()).not.toContain('loading-screen');
    await screen.findByRole('heading', { level: 2, name: /^第三/ });
  });

  it('in a saved language other than the page’s, still switches to it (through the loading screen)', async () => {
    await startPage(createFakeBridge({}, { 'ui.language': 'en' }), 'zh', true);
    await waitFor(() => expect(document.querySelectorAll('.theme-card')).toHaveLength(5), { timeout: 5000 });
    expect(screen.getByRole('heading', { level: 2, name: 'Plan overview' })).toBeTruthy();
  });

  it('with the start data not in when the gate opens, shows the loading screen and then the overview, as before', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fake = await startPage(createFakeBridge({ 'plan.list': async () => (await held, ok([SUMMARY])) }), 'zh', false);
    await waitFor(() => expect(document.querySelector('.loading-screen')).not.toBeNull(), { timeout: 5000 });
    release();
    await waitFor(() => expect(document.querySelectorAll('.theme-card')).toHaveLength(5), { timeout: 5000 });
    expect(fake.calls.filter((c) => c.method === 'app.start')).toHaveLength(1);
  });
});
