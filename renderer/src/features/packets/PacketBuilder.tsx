// The packet builder: the cover, the sources, the items they include (reordered by drag or
// keyboard), the layout options, and beside them the live preview — the very document that
// prints and becomes the PDF. Saving names the revision the packet was opened on; a stale save
// opens the conflict dialog. Unsaved changes are kept while the reader visits other views and
// asked about before they are dropped.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { Packet, PacketDefinition } from '../../../../shared/api/packets/methods';
import type { ApiClient } from '../../api/client';
import { PRINT_EVENT } from '../../shell/default-commands';
import { printWhenReady } from '../../shell/print';
import { ConflictDialog, ConflictValue } from '../conflicts/ConflictDialog';
import { isDirty, type Draft } from './draft';
import { CoverFields, LayoutOptions } from './LayoutOptions';
import { ItemOrder } from './ItemOrder';
import { PacketPreview } from './PacketPreview';
import { PdfProgress } from './PdfProgress';
import { SourcesEditor } from './SourcesEditor';
import { staleWriteOf, usePacketWrites, useResolvedItems } from './packet-api';
import { usePdfExport } from './use-pdf-export';
import { useDebounced } from './use-debounced';

interface Props {
  client: ApiClient;
  draft: Draft;
  /** Start a PDF as soon as the builder is shown ("Run again" in the list). */
  runOnOpen: boolean;
  onChange(definition: PacketDefinition): void;
  onSaved(packet: Packet): void;
  onClose(): void;
}

type Conflict = { current: Packet | null };

export function PacketBuilder({ client, draft, runOnOpen, onChange, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation('packets');
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const definition = draft.definition;
  const dirty = isDirty(draft);
  const writes = usePacketWrites(client);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [leaving, setLeaving] = useState(false);
  const resolved = useResolvedItems(client, definition);
  const preview = useDebounced(definition, 400);
  const frame = useRef<HTMLIFrameElement>(null);
  const pdf = usePdfExport(client);
  const title = definition.cover.title || t('untitled');
  const set = (patch: Partial<PacketDefinition>) => onChange({ ...definition, ...patch });

  useUnsavedGuard(dirty);

  // The app's Print (Ctrl+P, the File menu) prints the packet, as the Print button does, not the
  // builder around its preview (the shell asks the view first: default-commands.ts).
  const hasContent = definition.sources.length > 0;
  useEffect(() => {
    const onPrint = (event: Event) => {
      event.preventDefault();
      const win = frame.current?.contentWindow;
      if (win && hasContent) void printWhenReady(win);
    };
    window.addEventListener(PRINT_EVENT, onPrint);
    return () => window.removeEventListener(PRINT_EVENT, onPrint);
  }, [hasContent]);

  const started = useRef(false);
  useEffect(() => {
    if (runOnOpen && !started.current) {
      started.current = true;
      pdf.start(definition, language);
    }
  }, [runOnOpen, pdf, definition, language]);

  const save = (over?: Conflict) => {
    setSaveError(null);
    const base = over ? over.current : draft.saved;
    writes.save.mutate(
      base ? { id: base.id, baseRevision: base.revision, definition } : { baseRevision: 0, definition },
      {
        onSuccess: (packet) => {
          setConflict(null);
          onSaved(packet);
        },
        onError: (err) => {
          const stale = staleWriteOf(err, 'packet.save');
          if (stale) setConflict(stale);
          else setSaveError(t('builder.saveFailed', { message: (err as Error).message }));
        },
      },
    );
  };

  const summary = (packet: Packet | null, of: PacketDefinition) =>
    packet === null && of !== definition
      ? null
      : t('builder.conflictSummary', {
          title: of.cover.title || t('untitled'),
          sources: of.sources.length,
          date: packet ? new Date(packet.updatedAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB') : '—',
        });

  const status = dirty ? t('builder.unsaved') : draft.saved ? t('builder.saved') : t('builder.newUnsaved');

  return (
    <div className="pk-builder">
      <header className="pk-bar">
        <button type="button" className="pk-button pk-button-quiet pk-back" onClick={() => (dirty ? setLeaving(true) : onClose())}>
          <span aria-hidden="true">←</span> {t('builder.back')}
        </button>
        <div className="pk-bar-title">
          <h1>{title}</h1>
          <span className={dirty ? 'pk-status pk-status-dirty' : 'pk-status'} role="status">
            {status}
          </span>
        </div>
        <div className="pk-bar-actions">
          <button type="button" className="pk-button" disabled={!hasContent} onClick={() => {
              const win = frame.current?.contentWindow;
              if (win) void printWhenReady(win);
            }}>
            {t('builder.print')}
          </button>
          <button type="button" className="pk-button" disabled={!hasContent || pdf.running} onClick={() => pdf.start(definition, language)}>
            {t('builder.pdf')}
          </button>
          <button type="button" className="pk-button pk-button-primary" disabled={writes.save.isPending || (!dirty && draft.saved !== null)} onClick={() => save()}>
            {writes.save.isPending ? t('builder.saving') : t('builder.save')}
          </button>
        </div>
      </header>
      {leaving && (
        <div className="pk-leave" role="alertdialog" aria-label={t('builder.leaveAsk')}>
          <span>{t('builder.leaveAsk')}</span>
          <button type="button" className="pk-button" onClick={onClose}>
            {t('builder.leaveDiscard')}
          </button>
          <button type="button" className="pk-button pk-button-primary" autoFocus onClick={() => setLeaving(false)}>
            {t('builder.leaveStay')}
          </button>
        </div>
      )}
      {saveError && (
        <p className="pk-notice" role="alert">
          {saveError}
        </p>
      )}
      <PdfProgress state={pdf.state} onCancel={pdf.cancel} />
      <div className="pk-body">
        <div className="pk-form">
          <CoverFields cover={definition.cover} onChange={(cover) => set({ cover })} />
          <SourcesEditor client={client} sources={definition.sources} missing={resolved.data?.missing ?? []} onChange={(sources) => set({ sources })} />
          <ItemOrder resolved={resolved} definition={definition} onChange={onChange} />
          <LayoutOptions options={definition.options} onChange={(options) => set({ options })} />
        </div>
        <PacketPreview client={client} ref={frame} definition={hasContent ? preview : null} language={language} />
      </div>
      {conflict && (
        <ConflictDialog
          what={t('builder.conflictWhat', { title })}
          theirs={<ConflictValue text={conflict.current ? summary(conflict.current, conflict.current.definition) : t('builder.conflictDeleted')} />}
          mine={<ConflictValue text={summary(draft.saved, definition)} />}
          busy={writes.save.isPending}
          onEdit={() => setConflict(null)}
          onKeepTheirs={() => {
            const theirs = conflict.current;
            setConflict(null);
            if (theirs) onSaved(theirs);
            else onClose();
          }}
          onOverwrite={() => save(conflict)}
        />
      )}
    </div>
  );
}

/** While the packet has unsaved changes, leaving the page (reload, close) asks first. */
function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
