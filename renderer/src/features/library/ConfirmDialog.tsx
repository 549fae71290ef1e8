// A question before a step that is hard to take back (trashing a plan with the reader's work
// on it, deleting one for good). Cancel is first and takes the focus: Enter on an unread
// dialog keeps everything as it was; Escape cancels too.
import { useId } from 'react';
import { useModalDialog } from '../preferences/use-modal-dialog';

interface Props {
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  /** The confirm button in the warning colour (a deletion). */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, body, confirm, cancel, danger, onConfirm, onCancel }: Props) {
  const { ref, onKeyDown, onCancel: onDialogCancel } = useModalDialog(onCancel);
  const titleId = useId();
  const bodyId = useId();
  return (
    <dialog
      ref={ref}
      className="dialog-surface library-confirm"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={onKeyDown}
      onCancel={onDialogCancel}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={bodyId}>{body}</p>
      <footer className="library-confirm-actions">
        <button type="button" onClick={onCancel}>
          {cancel}
        </button>
        <button type="button" className={danger ? 'library-button-danger' : 'library-button-primary'} onClick={onConfirm}>
          {confirm}
        </button>
      </footer>
    </dialog>
  );
}
