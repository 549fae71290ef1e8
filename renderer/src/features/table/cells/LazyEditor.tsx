// One editing rule for every editable cell, as in a spreadsheet. The cell shows its value in a
// light button (cheap to lay out while rows come and go on every scroll frame); a click or Tab
// selects it. Enter, a double-click or typing a character starts the edit: the real control
// mounts and takes the focus (a typed character becomes the start of the new text). In the
// control, Escape cancels and gives the focus back to the cell, Enter saves (the cell says how)
// and gives it back, Tab saves and moves on to the next cell (Shift+Tab back). The control stays
// while it holds an unsaved edit or a refused save. Up and Down move to the same column's cell in
// the next row, as in a spreadsheet.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
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
  /** The value in words, for the button's name (after the label). */
  text: string;
  /** The value as the button shows it: one element (the button's only child). */
  display: ReactNode;
  /** Keep the control (the reader typed something not saved yet, or its save failed). */
  keep: boolean;
  /** On the button and on the control's wrapper. */
  className?: string;
  /** A character typed on the cell starts the edit with it (text cells); null: ignore typing. */
  onTyped?: (char: string) => void;
  children: (control: EditorControl) => ReactNode;
  /** The save phase's attributes (use-field-edit's phaseProps): on the button, or on the
   *  control's wrapper while it is open. */
  wrapperProps?: Record<string, unknown>;
}

type Editing = null | { typed: string | null; pointer: boolean };

/** A printable character that starts an edit (not a shortcut, not a dead or IME key). */
export function startsEdit(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/**
 * At rest (most cells, always) the cell is its button and the value's one element: rows mount by
 * the dozen on every scroll and on the table's first paint, and each editable cell was a wrapper,
 * the button, a hidden label and the value. The button is named by aria-label (the label and the
 * value, as the hidden text said it); the save phase's attributes go on it. The wrapper, with the
 * blur that ends the edit, exists only while the control is open.
 */
export function LazyEditor({ label, text, display, keep, className, onTyped, children, wrapperProps }: LazyEditorProps) {
  const [editing, setEditing] = useState<Editing>(null);
  // An Enter or Escape that ended the edit asks for the focus back on the cell's button, which
  // mounts when the control goes: its ref takes it (not an effect: no effect for each cell at rest).
  const [refocus, setRefocus] = useState(false);
  const open = keep || editing !== null;

  const start = (typed: string | null, pointer = false) => {
    if (typed !== null) onTyped?.(typed);
    setEditing({ typed, pointer });
  };
  if (!open) {
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
    return (
      <button
        ref={
          refocus
            ? (button: HTMLButtonElement | null) => {
                if (!button) return;
                button.focus();
                setRefocus(false);
              }
            : undefined
        }
        type="button"
        className={className ? `itable-edit itable-display ${className}` : 'itable-edit itable-display'}
        aria-label={text ? `${label} ${text}` : label}
        aria-keyshortcuts="Enter"
        {...wrapperProps}
        onKeyDown={onKeyDown}
        onDoubleClick={() => start(null, true)}
      >
        {display}
      </button>
    );
  }
  const control: EditorControl = {
    autoFocus: editing !== null,
    typed: editing?.typed ?? null,
    pointer: editing?.pointer ?? false,
    finish: (back) => {
      if (back) setRefocus(true);
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
      {children(control)}
    </span>
  );
}
