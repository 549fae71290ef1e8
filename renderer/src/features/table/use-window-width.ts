// The window's width in steps of 50 px (so dragging the window's edge re-renders the table a few
// times, not on every pixel): the English text columns size themselves from it.
import { useSyncExternalStore } from 'react';

const STEP = 50;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

const width = () => Math.round(window.innerWidth / STEP) * STEP;

export function useWindowWidth(): number {
  return useSyncExternalStore(subscribe, width, width);
}
