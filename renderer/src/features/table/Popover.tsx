// A button that opens a small non-modal panel (filters, column menu, saved views). The panel is
// fixed-positioned under its button, so the table's scroll box does not clip it, and follows the
// button in tab order. Escape closes it and returns focus to the button; a click outside closes
// it too.
import { createContext, useCallback, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface PopoverProps {
  /** Accessible name of the panel (and of the button unless buttonLabel is given). */
  label: string;
  buttonLabel?: string;
  buttonContent: ReactNode;
  buttonClassName?: string;
  buttonTitle?: string;
  /** Shown as pressed-looking (e.g. a filter is active). */
  active?: boolean;
  align?: 'start' | 'end';
  panelClassName?: string;
  children: ReactNode;
}

const CloseContext = createContext<() => void>(() => undefined);

/** Closes the popover the calling component sits in (focus returns to its button). */
export function usePopoverClose(): () => void {
  return useContext(CloseContext);
}

interface Place {
  top: number;
  left?: number;
  right?: number;
  maxHeight: number;
}

export function Popover(props: PopoverProps) {
  const { label, buttonLabel, buttonContent, buttonClassName, buttonTitle, active, align = 'start', panelClassName, children } = props;
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<Place | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  const measure = useCallback((): Place => {
    const rect = buttonRef.current?.getBoundingClientRect();
    const top = rect ? rect.bottom + 4 : 0;
    const maxHeight = Math.max(160, window.innerHeight - top - 12);
    return align === 'end'
      ? { top, right: rect ? Math.max(8, window.innerWidth - rect.right) : 8, maxHeight }
      : { top, left: rect ? Math.max(8, Math.min(rect.left, window.innerWidth - 300)) : 8, maxHeight };
  }, [align]);

  const toggle = () => {
    if (open) {
      setOpen(false);
      return;
    }
    setPlace(measure());
    setOpen(true);
  };

  // Focus the first control in the panel when it opens.
  useLayoutEffect(() => {
    if (!open) return;
    const first = panelRef.current?.querySelector<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])');
    first?.focus({ preventScroll: true });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node && (panelRef.current?.contains(target) || buttonRef.current?.contains(target));
    const onPointerDown = (e: PointerEvent) => {
      if (!inside(e.target)) close(false);
    };
    // The panel follows its button when the page or the table scrolls under it.
    const onScroll = (e: Event) => {
      if (!(e.target instanceof Node && panelRef.current?.contains(e.target))) setPlace(measure());
    };
    // Escape also closes it when focus is nowhere in particular (e.g. a button it held was removed).
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && (document.activeElement === document.body || inside(document.activeElement))) {
        close(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open, close, measure]);

  return (
    <span className="itable-popover">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={buttonLabel}
        title={buttonTitle}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-active={active || undefined}
        onClick={toggle}
      >
        {buttonContent}
      </button>
      {open && place && (
        <div
          ref={panelRef}
          id={id}
          role="dialog"
          aria-label={label}
          className={`itable-panel ${panelClassName ?? ''}`}
          style={{ top: place.top, left: place.left, right: place.right, maxHeight: place.maxHeight }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
          onBlur={(e) => {
            // Tabbing out of the panel closes it (focus moved on, so do not pull it back).
            if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget) && e.relatedTarget !== buttonRef.current) {
              close(false);
            }
          }}
        >
          <CloseContext.Provider value={close}>{children}</CloseContext.Provider>
        </div>
      )}
    </span>
  );
}
