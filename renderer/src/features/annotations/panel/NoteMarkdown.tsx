// A note's Markdown shown as text (through the one sanitizing path, markdown.ts), with its links
// opened outside the app only after the reader has seen the whole address and said so. On the
// desktop the main process asks (a link's window request goes to it); in a browser this dialog
// asks, with Cancel focused so Enter or Escape opens nothing.
import { useId, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getShellBridge } from '../../../shell/shell-bridge';
import { useModalDialog } from '../../preferences/use-modal-dialog';
import { isSafeLink, renderNoteMarkdown } from '../markdown';
import '../../conflicts/conflicts.css';
import './panel.css';

export function NoteMarkdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderNoteMarkdown(source), [source]);
  const [asking, setAsking] = useState<string | null>(null);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    // The note's links never navigate this window, and a click on one is not a click on its entry.
    event.preventDefault();
    event.stopPropagation();
    const href = link.getAttribute('href');
    if (!href || !isSafeLink(href)) return;
    if (getShellBridge()) window.open(href, '_blank', 'noopener,noreferrer');
    else setAsking(href);
  };
  return (
    <>
      <div className={className ? `note-markdown ${className}` : 'note-markdown'} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      {asking !== null && (
        <LinkConfirm
          url={asking}
          onClose={(open) => {
            setAsking(null);
            if (open) window.open(asking, '_blank', 'noopener,noreferrer');
          }}
        />
      )}
    </>
  );
}

function LinkConfirm({ url, onClose }: { url: string; onClose(open: boolean): void }) {
  const { t } = useTranslation('annotationPanel');
  const { ref, onKeyDown, onCancel } = useModalDialog(() => onClose(false));
  const titleId = useId();
  return (
    <dialog ref={ref} className="conflict-dialog link-confirm" role="alertdialog" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={onCancel}>
      <h2 id={titleId}>{t('linkTitle')}</h2>
      <p>{t('linkLead')}</p>
      <p className="link-confirm-url">
        <code>{url}</code>
      </p>
      <footer className="conflict-actions">
        <button type="button" autoFocus onClick={() => onClose(false)}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onClose(true)}>
          {t('open')}
        </button>
      </footer>
    </dialog>
  );
}
