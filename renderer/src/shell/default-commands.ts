// What a command does when the app gives it no handler of its own. Print prints the current
// view with the browser's print (briefing packets have their own view); Find focuses the
// view's search box.
import type { AppCommand } from '../../../shared/api/commands';
import { printWhenReady } from './print';
import type { CommandHandler } from './use-app-commands';

/** Mark the element Find should focus with this attribute; else the first search field is used. */
export const FIND_TARGET_ATTRIBUTE = 'data-find-target';

export function focusFindTarget(doc: Document = document): boolean {
  const target =
    doc.querySelector<HTMLElement>(`[${FIND_TARGET_ATTRIBUTE}]`) ?? doc.querySelector<HTMLElement>('input[type="search"]');
  if (!target) return false;
  target.focus();
  if (target instanceof HTMLInputElement) target.select();
  return true;
}

/**
 * Print asks the view first with this cancelable window event: a view that must prepare its
 * paper (the virtual table draws every row in scope) cancels it and prints when ready.
 */
export const PRINT_EVENT = 'briefbook:print';

export const DEFAULT_COMMAND_HANDLERS: Readonly<Partial<Record<AppCommand, CommandHandler>>> = {
  print: () => {
    if (window.dispatchEvent(new Event(PRINT_EVENT, { cancelable: true }))) void printWhenReady();
  },
  // Without a search box in view, the browser's own find bar is the next best thing.
  find: () => focusFindTarget(),
};
