// An editor that costs nothing until it is used. Form controls (selects, text and date inputs)
// are the heaviest part of a row to lay out, and rows come and go on every scroll frame; so a
// cell shows its value in a light button and mounts the real control when the pointer enters the
// cell (a click then lands on the control itself) or the button takes keyboard focus (focus moves
// on to the control). The control stays while it has focus or holds an unsaved edit.
import { useState, type FocusEvent, type ReactNode } from 'react';

export interface LazyEditorProps {
  /** The control's accessible name; the button says it too, with the value. */
  label: string;
  /** The value as the button shows it. */
  display: ReactNode;
  /** Keep the control (the reader typed something not saved yet, or its save failed). */
  keep: boolean;
  className?: string;
  /** Renders the control; autoFocus when keyboard focus arrived on the button. */
  children: (autoFocus: boolean) => ReactNode;
  wrapperProps?: Record<string, unknown>;
}

type Active = null | 'pointer' | 'focus';

export function LazyEditor({ label, display, keep, className, children, wrapperProps }: LazyEditorProps) {
  const [active, setActive] = useState<Active>(null);
  const open = keep || active !== null;
  const leave = (el: HTMLElement) => {
    if (!el.contains(document.activeElement)) setActive(null);
  };
  return (
    <span
      className={`itable-edit ${className ?? ''}`}
      {...wrapperProps}
      onPointerEnter={() => setActive((a) => a ?? 'pointer')}
      onPointerLeave={(e) => leave(e.currentTarget)}
      onFocus={() => setActive((a) => (a === 'focus' ? a : 'focus'))}
      onBlur={(e: FocusEvent<HTMLSpanElement>) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setActive(null);
      }}
    >
      {open ? (
        children(active === 'focus')
      ) : (
        <button type="button" className="itable-display">
          <span className="itable-sr">{label} </span>
          {display}
        </button>
      )}
    </span>
  );
}
