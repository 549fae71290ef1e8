// The real main.tsx started on a page opened on the table, for the tests of its first render's
// wait for the view's code (view-code-first, view-code-late). The test holds the table's code
// back (its module's import waits for the test) and owns the wait's timer, so "in time" and
// "too late" are what the test lets happen, not timings. One start per test file: vitest keeps
// a mocked module once loaded, even across vi.resetModules.
import type { Root } from 'react-dom/client';
import { expect, onTestFinished, vi } from 'vitest';
import { installBridge, removeBridge } from '../fake-bridge';
import { atAddress } from '../render-app';
import { createFakeTable } from '../table/fake-table';

/** main.tsx's FIRST_DATA_WAIT_MS: the one timer of that length its evaluation sets. */
const FIRST_DATA_WAIT_MS = 250;

export interface PageOnTable {
  /** Lets the table's chunk come. */
  tableCodeComes(): void;
  /** Ends the first render's wait, as its timer would. */
  endWait(): void;
  /** Settles when the start data and the storage status are in, as main.tsx took them. */
  answered(): Promise<unknown>;
  /** How many times a view's placeholder was in the page so far. */
  placeholders(): number;
}

export async function startPageOnTable(): Promise<PageOnTable> {
  atAddress('#/table');
  document.body.innerHTML = '<div id="root"></div>';
  installBridge(createFakeTable());

  let tableCodeComes: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (tableCodeComes = resolve));
  vi.doMock('../../../renderer/src/features/table/InitiativeTable', async (importOriginal) => {
    await held;
    return importOriginal();
  });
  // jsdom loads no stylesheet, so the bundled faces' rules would never report in.
  vi.doMock('../../../renderer/src/fonts', async (importOriginal) => ({
    ...(await importOriginal<typeof import('../../../renderer/src/fonts')>()),
    readyCjkFaces: () => Promise.resolve(),
    loadBundledFaces: () => Promise.resolve(),
  }));

  // The root main.tsx renders into, to unmount it after the test (its timers would otherwise
  // outlive the test's document).
  let root: Root | null = null;
  vi.doMock('react-dom/client', async (importOriginal) => {
    const client = await importOriginal<typeof import('react-dom/client')>();
    return { ...client, createRoot: (...args: Parameters<typeof client.createRoot>) => (root = client.createRoot(...args)) };
  });

  let placeholders = 0;
  const observer = new MutationObserver(() => {
    if (document.querySelector('.view-loading')) placeholders += 1;
  });
  observer.observe(document.body, { subtree: true, childList: true });
  onTestFinished(() => {
    observer.disconnect();
    root?.unmount();
    removeBridge();
    document.body.innerHTML = '';
    localStorage.clear();
  });

  const realSetTimeout = globalThis.setTimeout;
  let wait: (() => void) | null = null;
  globalThis.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) => {
    if (ms === FIRST_DATA_WAIT_MS && !wait) {
      wait = fn;
      return 0;
    }
    return realSetTimeout(fn, ms, ...rest);
  }) as typeof setTimeout;
  try {
    await import('../../../renderer/src/main');
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  expect(wait, 'main.tsx set its first-render wait').not.toBeNull();

  const { earlyStartSettled } = await import('../../../renderer/src/load-start');
  const { earlyStorageStatusSettled } = await import('../../../renderer/src/features/storage/early-status');
  return {
    tableCodeComes,
    endWait: () => wait!(),
    answered: () => Promise.all([earlyStartSettled(), earlyStorageStatusSettled()]),
    placeholders: () => placeholders,
  };
}
