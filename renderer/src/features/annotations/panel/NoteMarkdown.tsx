// A note's Markdown shown as text (through the one sanitizing path, markdown.ts), with its links
// opened outside the app only after the reader has seen the whole address and said so. On the
// desktop the main process asks (a link's window request goes to it); in a browser this dialog
// asks, with Cancel focused so Enter or Escape opens nothing.
// The Markdown and sanitizing libraries are a chunk of their own, loaded with the first note
// shown (most first screens have none): until then a note shows as its plain text.
import { useEffect, useId, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import { getShellBridge } from '../../../shell/shell-bridge';
import { useModalDialog } from '../../preferences/use-modal-dialog';
import '../../conflicts/conflicts.css';
import './panel.css';

type Markdown = typeof import('../markdown');
let markdown: Markdown | null = null;
let loading: Promise<Markdown> | null = null;
/** Loads the Markdown code (once; shown notes ask for it themselves). */
export const loadMarkdown = (): Promise<Markdown> =>
  (loading ??= import('../markdown').then((m) => (markdown = m)).catch((error: unknown) => {
    loading = null; // the next note tries again
    throw error;
  }));

function useMarkdown(): Markdown | null {
  const [loaded, setLoaded] = useState(markdown);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadMarkdown().then(
      (m) => live && setLoaded(m),
      () => undefined, // the note stays plain text
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

export function NoteMarkdown({ source, className }: { source: string; className?: string }) {
  const md = useMarkdown();
  const html = useMemo(() => (md ? md.renderNoteMarkdown(source) : null), [md, source]);
  const [asking, setAsking] = useState<string | null>(null);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    // The note's links never navigate this window, and a click on one is not a click on its entry.
    event.preventDefault();
    event.stopPropagation();
    const href = link.getAttribute('href');
    if (!href || !md?.isSafeLink(href)) return;
    if (getShellBridge()) window.open(href, '_blank', 'noopener,noreferrer');
    else setAsking(href);
  };
  return (
    <>
      {html === null ? (
        <div className={className ? `note-markdown note-markdown-plain ${className}` : 'note-markdown note-markdown-plain'}>{source}</div>
      ) : (
        <div className={className ? `note-markdown ${className}` : 'note-markdown'} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      )}
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
    <dialog ref={ref} className="dialog-surface conflict-dialog link-confirm" role="alertdialog" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={onCancel}>
      <h2 id={titleId}>{t('linkTitle')}</h2>
      <p>{t('linkLead')}</p>
      <p className="link-confirm-url">
        <code>{url}</code>
      </p>
      <footer className="conflict-actions">
        <button type="button" autoFocus onClick={() => onClose(false)}>
          {t('cancel')}
        </button>
        <button type="button" className="dialog-primary" onClick={() => onClose(true)}>
          {t('open')}
        </button>
      </footer>
    </dialog>
  );
}
