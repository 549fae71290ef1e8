// The first screen first. Work that the first screen does not show waits until that screen
// has been painted and the page has then been idle once: the overview's plan notes (they
// follow the theme cards, below the fold) and their three calls, the English of a reader who
// reads the Chinese only, and the code of the other views. Otherwise that work and its calls
// run between the start data and the first frame, or right after it, holding back the first
// input. Once the app has settled nothing waits any more: a later visit to the overview shows
// its notes at once. One record per App (its context); outside an App (a component on its own)
// nothing waits.
import { createContext, useContext, useSyncExternalStore } from 'react';

/** The longest the page waits for an idle moment (a busy page settles all the same). */
const IDLE_TIMEOUT_MS = 1000;

export interface FirstScreen {
  /** Called once the first screen is committed: settles at the first idle moment after the
   *  frame that shows it (requestAnimationFrame runs before that frame; a task queued from it
   *  runs after). Later calls do nothing. */
  committed(): void;
  isSettled(): boolean;
  /** Runs fn once settled (at once if it is); returns a cancel. */
  after(fn: () => void): () => void;
  /** For useSyncExternalStore: calls back when it settles (never once it has). */
  subscribe(listener: () => void): () => void;
}

export function whenIdle(fn: () => void, timeout = IDLE_TIMEOUT_MS): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, 0);
}

export function createFirstScreen(settledAlready = false): FirstScreen {
  let settled = settledAlready;
  let scheduled = settledAlready;
  const waiting = new Set<() => void>();
  const settle = () => {
    settled = true;
    const due = [...waiting];
    waiting.clear();
    for (const fn of due) fn();
  };
  return {
    committed() {
      if (scheduled) return;
      scheduled = true;
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => whenIdle(settle), 0));
      else whenIdle(settle);
    },
    isSettled: () => settled,
    after(fn) {
      if (settled) {
        fn();
        return () => undefined;
      }
      waiting.add(fn);
      return () => waiting.delete(fn);
    },
    subscribe(listener) {
      if (settled) return () => undefined;
      waiting.add(listener);
      return () => waiting.delete(listener);
    },
  };
}

export const FirstScreenContext = createContext<FirstScreen>(createFirstScreen(true));

/** This App's record of its first screen. */
export function useFirstScreen(): FirstScreen {
  return useContext(FirstScreenContext);
}

/** Whether the first screen has been painted and the page has been idle since. */
export function useFirstScreenSettled(): boolean {
  const first = useFirstScreen();
  return useSyncExternalStore(first.subscribe, first.isSettled, first.isSettled);
}
