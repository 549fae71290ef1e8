// A button's popup list, as the plan picker (a menu of plans) and search's filters (a panel of
// checkboxes) both work it: a click on the button opens or closes it, a click elsewhere closes
// it; on opening (or once its items come) focus goes to the chosen item, else the first; ↑ ↓
// move between the items (round from the last to the first), Home and End to the ends; Escape
// closes it and gives focus back to the button. Each keeps its own markup and roles.
import { useEffect, useRef, type KeyboardEvent } from 'react';

interface Options {
  /** The open state, the caller's (what the panel shows may depend on it). */
  open: boolean;
  setOpen(open: boolean): void;
  /** The panel's items that ↑ ↓ move between, as a CSS selector. */
  items: string;
  /** The chosen item, focused first on opening. */
  chosen: string;
  /** Whether the panel's items are there (focus goes into it once they are). */
  ready: boolean;
}

export function usePopup({ open, setOpen, items, chosen, ready }: Options) {
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open, setOpen]);

  useEffect(() => {
    const panel = panelRef.current;
    if (!open || !ready || !panel || panel.contains(document.activeElement)) return;
    (panel.querySelector<HTMLElement>(chosen) ?? panel.querySelector<HTMLElement>(items))?.focus();
  }, [open, ready, items, chosen]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const list = [...(panelRef.current?.querySelectorAll<HTMLElement>(items) ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at < 0 ? list.length - 1 : at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return { rootRef, buttonRef, panelRef, close, onPanelKeyDown };
}
