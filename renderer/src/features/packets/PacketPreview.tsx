// The live preview: the packet's own HTML document (the one that prints and becomes the PDF)
// in a sandboxed frame. The document carries no scripts and a strict CSP; the sandbox allows
// none either (no allow-scripts), only same-origin so the frame's print() can be called and its
// styles put in from here (frame-styles.ts), and modals so that print dialog may open.
import { forwardRef, useMemo, useRef, type MutableRefObject } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { PacketDefinition } from '../../../../shared/api/packets/methods';
import type { ApiClient } from '../../api/client';
import { applyStyles, splitStyles } from './frame-styles';
import { usePacketHtml } from './packet-api';

interface Props {
  client: ApiClient;
  /** null: nothing to preview yet (no sources). */
  definition: PacketDefinition | null;
  language: 'zh' | 'en';
}

/**
 * The app's shortcuts (Ctrl+P above all) while the reader is in the preview: the frame runs no
 * script, so its key presses never reach the app's own window and the browser would print the
 * frame alone, in its own way. Each is passed on to the app's window (shell/use-app-commands.ts
 * listens there); one the app answers is kept from the browser.
 */
function forwardShortcuts(frame: HTMLIFrameElement): void {
  const doc = frame.contentDocument;
  const win = frame.ownerDocument.defaultView;
  if (!doc || !win) return;
  doc.addEventListener('keydown', (event) => {
    if (!event.ctrlKey && !event.metaKey && !event.altKey) return;
    const forwarded = new KeyboardEvent('keydown', {
      key: event.key,
      code: event.code,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      shiftKey: event.shiftKey,
      cancelable: true,
    });
    if (!win.dispatchEvent(forwarded)) event.preventDefault();
  });
}

export const PacketPreview = forwardRef<HTMLIFrameElement, Props>(function PacketPreview({ client, definition, language }, ref) {
  const { t } = useTranslation('packets');
  const html = usePacketHtml(client, definition, language);
  const split = useMemo(() => (html.data ? splitStyles(html.data.html) : null), [html.data]);
  const own = useRef<HTMLIFrameElement | null>(null);
  const setRef = (el: HTMLIFrameElement | null) => {
    own.current = el;
    if (typeof ref === 'function') ref(el);
    else if (ref) (ref as MutableRefObject<HTMLIFrameElement | null>).current = el;
  };
  let overlay: string | null = null;
  if (!definition) overlay = t('preview.empty');
  else if (html.isError) overlay = t('preview.failed', { message: html.error.message });
  else if (!html.data) overlay = t('preview.loading');
  return (
    <section className="pk-preview" aria-label={t('preview.label')} aria-busy={html.isFetching || undefined}>
      <header className="pk-preview-head">
        <h2>{t('preview.label')}</h2>
        <span className="pk-preview-note">{t('preview.note')}</span>
      </header>
      <div className="pk-preview-frame">
        {definition && split && (
          <iframe
            ref={setRef}
            title={t('preview.title')}
            sandbox="allow-same-origin allow-modals"
            srcDoc={split.html}
            onLoad={() => {
              if (!own.current) return;
              applyStyles(own.current, split.css);
              forwardShortcuts(own.current);
            }}
            className={html.isFetching ? 'pk-stale' : undefined}
          />
        )}
        {overlay && (
          <p className={html.isError ? 'pk-preview-message pk-preview-error' : 'pk-preview-message'} role={html.isError ? 'alert' : 'status'}>
            {overlay}
          </p>
        )}
      </div>
    </section>
  );
});
