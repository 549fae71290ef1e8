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

export interface Place {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
  maxWidth: number;
  maxHeight: number;
}

/** Space kept between a panel and the window's edges. */
const EDGE = 8;
/** The panels' widest (the CSS max-width, 26rem). */
const PANEL_WIDTH = 416;
/** Below this much room under its button a panel opens upwards, if there is more room above. */
const ROOM_BELOW = 240;

/** Where a panel goes so that it stays inside the window whatever it ends up holding: under its
 *  button, left-aligned with it unless its widest would pass the right edge, then right-aligned
 *  (growing leftwards); above the button when the room below is short and there is more above;
 *  never wider or taller than the room it has (its content scrolls). Decided from the button
 *  alone, so content arriving later (facet counts) cannot push it out. */
export function placePanel(button: Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>, align: 'start' | 'end', viewport: { width: number; height: number }): Place {
  const widest = Math.min(PANEL_WIDTH, viewport.width - 2 * EDGE);
  const startFits = button.left + widest <= viewport.width - EDGE;
  const horizontal =
    align === 'start' && startFits
      ? { left: Math.max(EDGE, button.left), maxWidth: Math.min(widest, viewport.width - EDGE - Math.max(EDGE, button.left)) }
      : (() => {
          const right = Math.min(Math.max(EDGE, viewport.width - button.right), viewport.width - EDGE - Math.min(widest, 224));
          return { right, maxWidth: Math.min(widest, viewport.width - right - EDGE) };
        })();
  const gap = 4;
  const below = viewport.height - button.bottom - gap - EDGE;
  const above = button.top - gap - EDGE;
  const vertical =
    below >= ROOM_BELOW || below >= above
      ? { top: button.bottom + gap, maxHeight: Math.max(0, below) }
      : { bottom: viewport.height - button.top + gap, maxHeight: Math.max(0, above) };
  return { ...horizontal, ...vertical };
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
    const rect = buttonRef.current?.getBoundingClientRect() ?? { left: 0, right: 0, top: 0, bottom: 0 };
    return placePanel(rect, align, { width: window.innerWidth, height: window.innerHeight });
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
          style={{
            top: place.top,
            bottom: place.bottom,
            left: place.left,
            right: place.right,
            maxWidth: place.maxWidth,
            minWidth: Math.min(224, place.maxWidth),
            maxHeight: place.maxHeight,
          }}
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
