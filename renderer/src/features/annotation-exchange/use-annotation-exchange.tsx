// Exporting and importing the reader's annotations from the File menu (and the library's
// Annotations menu in browser mode, which has no native menu): the export dialog, the file
// chooser for an import, and the dialog that shows the import running, its result or the
// core's message for a file it refused. The shell owns one of these and passes its openers to
// its commands; the library reaches them through AnnotationExchangeContext.
import { createContext, lazy, Suspense, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_ANNOTATION_FILE_CHARS, type AnnotationImportReport } from '../../../../shared/api/annotation-exchange/methods';
import type { ApiClient } from '../../api/client';

// The dialogs (and their stylesheet) come when one first opens: the first screen shows neither.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportResultDialog = lazy(() => import('./ImportResultDialog').then((m) => ({ default: m.ImportResultDialog })));

export type ImportStage =
  | { kind: 'importing'; fileName: string }
  | { kind: 'done'; fileName: string; report: AnnotationImportReport }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'tooLarge'; fileName: string; size: number };

export interface AnnotationExchange {
  openExport(): void;
  openImport(): void;
  /** The dialogs and the hidden file chooser, to render once. */
  dialogs: ReactNode;
}

export const AnnotationExchangeContext = createContext<AnnotationExchange | null>(null);
export const useAnnotationExchangeMenu = () => useContext(AnnotationExchangeContext);

// A file larger than this cannot hold MAX_ANNOTATION_FILE_CHARS characters of text the core
// would read (UTF-8 is at most 3 bytes for each UTF-16 unit): refused before it is read.
const MAX_FILE_BYTES = MAX_ANNOTATION_FILE_CHARS * 3;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useAnnotationExchange(client: ApiClient, plan: { id: string; title: string } | null): AnnotationExchange {
  const queryClient = useQueryClient();
  const [exportOpen, setExportOpen] = useState(false);
  const [stage, setStage] = useState<ImportStage | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const openExport = useCallback(() => setExportOpen(true), []);
  const openImport = useCallback(() => picker.current?.click(), []);

  const importFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setStage({ kind: 'tooLarge', fileName: file.name, size: file.size });
      return;
    }
    setStage({ kind: 'importing', fileName: file.name });
    try {
      const text = await file.text();
      const report = await client.call('annotation.import', { fileName: file.name, text });
      setStage({ kind: 'done', fileName: file.name, report });
      // Annotations, their counts in the table and the dashboard: everything may have changed.
      await queryClient.invalidateQueries();
    } catch (err) {
      setStage({ kind: 'failed', fileName: file.name, message: messageOf(err) });
    }
  };

  const dialogs = (
    <>
      <input
        ref={picker}
        type="file"
        hidden
        accept=".json,.jsonld,application/json,application/ld+json"
        data-testid="annotation-import-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so that choosing the same file again fires a change.
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      <Suspense fallback={null}>
        {exportOpen && <ExportDialog client={client} plan={plan} onClose={() => setExportOpen(false)} />}
        {stage && (
          <ImportResultDialog
            stage={stage}
            maxBytes={MAX_FILE_BYTES}
            onChooseAnother={openImport}
            onClose={() => setStage((s) => (s?.kind === 'importing' ? s : null))}
          />
        )}
      </Suspense>
    </>
  );
  return { openExport, openImport, dialogs };
}
