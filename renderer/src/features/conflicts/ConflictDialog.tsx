// The one dialog for a stale write: what is stored now (theirs) beside what the reader tried to
// save (mine), and three ways on: keep theirs, overwrite with mine (saved again on the current
// revision), or go back to editing mine on top of theirs. Nothing is chosen for the reader:
// Escape means "keep editing", which loses nothing.
import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { useModalDialog } from '../preferences/use-modal-dialog';
import './conflicts.css';

export interface ConflictDialogProps {
  /** What was edited, e.g. "T2·I1 进展". */
  what: string;
  theirs: ReactNode;
  mine: ReactNode;
  /** Conflicts waiting behind this one. */
  more?: number;
  busy?: boolean;
  onKeepTheirs(): void;
  onOverwrite(): void;
  onEdit(): void;
  /** A fourth way some records offer (a note: keep both texts in one). */
  extra?: { label: string; onClick(): void };
}

export function ConflictDialog(props: ConflictDialogProps) {
  const { t } = useTranslation('conflicts');
  const { ref, onKeyDown, onCancel } = useModalDialog(props.onEdit);
  const titleId = useId();
  const leadId = useId();
  return (
    <dialog
      ref={ref}
      className="dialog-surface conflict-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={leadId}
      onKeyDown={(event) => {
        onKeyDown(event);
        // The dialog can open inside another (the preferences): Escape closes only this one.
        event.stopPropagation();
      }}
      onCancel={onCancel}
    >
      <h2 id={titleId}>{t('title')}</h2>
      <p id={leadId} className="conflict-lead">
        {t('lead', { what: props.what })}
      </p>
      <div className="conflict-versions">
        <section className="conflict-version" aria-label={t('theirs')} data-version="theirs">
          <h3>{t('theirs')}</h3>
          <div className="conflict-value">{props.theirs}</div>
        </section>
        <section className="conflict-version" aria-label={t('mine')} data-version="mine">
          <h3>{t('mine')}</h3>
          <div className="conflict-value">{props.mine}</div>
        </section>
      </div>
      <footer className="conflict-actions">
        {props.more ? <span className="conflict-more">{t('more', { count: props.more })}</span> : null}
        <button type="button" onClick={props.onEdit} disabled={props.busy}>
          {t('edit')}
        </button>
        <button type="button" onClick={props.onKeepTheirs} disabled={props.busy}>
          {t('keepTheirs')}
        </button>
        {props.extra && (
          <button type="button" onClick={props.extra.onClick} disabled={props.busy}>
            {props.extra.label}
          </button>
        )}
        <button type="button" className="dialog-primary" onClick={props.onOverwrite} disabled={props.busy}>
          {t('overwrite')}
        </button>
      </footer>
    </dialog>
  );
}

/** A value as the dialog shows it: empty values say so instead of showing nothing. */
export function ConflictValue({ text }: { text: string | null }) {
  const { t } = useTranslation('conflicts');
  if (text === null || text === '') return <span className="conflict-empty">{t('empty')}</span>;
  return <>{text}</>;
}
