// The choice cells (status, priority) under the table's editing rule. Started by a double-click,
// the list opens at once and a click on a choice saves it and ends the edit. Started from the
// keyboard (Enter), the list stays closed so ↑/↓ can step through the choices: Enter saves the
// one showing, Escape drops it, Tab or a click elsewhere saves it.
import type { KeyboardEvent } from 'react';
import type { FieldEdit } from './use-field-edit';
import type { EditorControl } from './LazyEditor';

/** A ref callback: after a double-click, show the options (where the browser can). */
export function openPicker(control: EditorControl) {
  return (select: HTMLSelectElement | null) => {
    if (!select || !control.autoFocus || !control.pointer || select.dataset.opened) return;
    select.dataset.opened = 'yes';
    try {
      select.showPicker();
    } catch {
      // No picker here: the focused list still opens on Alt+↓ or Space.
    }
  };
}

export function selectKeys(e: KeyboardEvent<HTMLSelectElement>, control: EditorControl, edit: FieldEdit<'status' | 'priority'>): void {
  if (e.key === 'Enter') {
    e.preventDefault();
    edit.commit(undefined, true);
    control.finish(true);
  } else if (e.key === 'Escape') {
    e.preventDefault();
    edit.cancel();
    control.finish(true);
  }
}

/** A choice made: from the opened list it is final; stepping with the keyboard it is a draft. */
export function choose<V extends string | null>(
  select: HTMLSelectElement,
  value: V,
  control: EditorControl,
  edit: { change(v: V): void; commit(v: V, retry?: boolean): void },
): void {
  if (select.dataset.opened) {
    edit.commit(value, true);
    control.finish(true);
  } else {
    edit.change(value);
  }
}
