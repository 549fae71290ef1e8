// One editing rule for every editable cell, as in a spreadsheet. The cell shows its value in a
// light button (cheap to lay out while rows come and go on every scroll frame); a click or Tab
// selects it. Enter, a double-click or typing a character starts the edit: the real control
// mounts and takes the focus (a typed character becomes the start of the new text). In the
// control, Escape cancels and gives the focus back to the cell, Enter saves (the cell says how)
// and gives it back, Tab saves and moves on to the next cell (Shift+Tab back). The control stays
// while it holds an unsaved edit or a refused save. Up and Down move to the same column's cell in
// the next row, as in a spreadsheet.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { moveFocusVertically } from '../grid-focus';

/** What a cell's control gets from the editor. */
export interface EditorControl {
  /** Focus the control when it mounts (the edit was started here, not restored). */
  autoFocus: boolean;
  /** The character typed on the cell that started the edit, if that is how it started. */
  typed: string | null;
  /** Started by a double-click (a choice cell shows its list at once). */
  pointer: boolean;
  /** Ends the edit; `refocus`: back to the cell's button (Enter, Escape), not on blur. */
  finish(refocus: boolean): void;
}

export interface LazyEditorProps {
  /** The control's accessible name; the button says it too, with the value. */
  label: string;
  /** The value as the button shows it. */
  display: ReactNode;
  /** Keep the control (the reader typed something not saved yet, or its save failed). */
  keep: boolean;
  className?: string;
  /** A character typed on the cell starts the edit with it (text cells); null: ignore typing. */
  onTyped?: (char: string) => void;
  children: (control: EditorControl) => ReactNode;
  wrapperProps?: Record<string, unknown>;
}

type Editing = null | { typed: string | null; pointer: boolean };

/** A printable character that starts an edit (not a shortcut, not a dead or IME key). */
export function startsEdit(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey;
}

export function LazyEditor({ label, display, keep, className, onTyped, children, wrapperProps }: LazyEditorProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Each Enter or Escape that ends an edit asks once for the focus back on the cell.
  const [refocus, setRefocus] = useState(0);
  const refocused = useRef(0);
  const open = keep || editing !== null;

  // Back on the cell after Enter or Escape, so the keyboard carries on from where it was.
  useEffect(() => {
    if (!open && refocus !== refocused.current) {
      refocused.current = refocus;
      buttonRef.current?.focus();
    }
  }, [open, refocus]);

  const start = (typed: string | null, pointer = false) => {
    if (typed !== null) onTyped?.(typed);
    setEditing({ typed, pointer });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      start(null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (moveFocusVertically(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1)) e.preventDefault();
    } else if (onTyped && startsEdit(e)) {
      e.preventDefault();
      start(e.key);
    }
  };
  const control: EditorControl = {
    autoFocus: editing !== null,
    typed: editing?.typed ?? null,
    pointer: editing?.pointer ?? false,
    finish: (back) => {
      if (back) setRefocus((n) => n + 1);
      setEditing(null);
    },
  };
  return (
    <span
      className={`itable-edit ${className ?? ''}`}
      {...wrapperProps}
      onBlur={(e) => {
        // Focus left the cell (Tab, a click elsewhere): the edit is over; the control saved on blur.
        if (editing && !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setEditing(null);
      }}
    >
      {open ? (
        children(control)
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="itable-display"
          aria-keyshortcuts="Enter"
          onKeyDown={onKeyDown}
          onDoubleClick={() => start(null, true)}
        >
          <span className="itable-sr">{label} </span>
          {display}
        </button>
      )}
    </span>
  );
}
