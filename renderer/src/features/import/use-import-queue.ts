// Importing files one after the other: each is read and previewed (import.preview, nothing
// written), the reader adjusts the outline and the levels and imports (import.commit, all or
// nothing) or cancels, then the next file comes. Cancel while a file is being read stops the
// core's reader (import.cancel) and moves on. A file the core refuses shows its message, naming
// the file; nothing of it was written. When the queue runs out, the app hears which plans came in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { MAX_IMPORT_FILE_BYTES, type ImportChoices, type ImportPreview, type OutlineEdit } from '../../../../shared/api/import/methods';
import type { ImportedDocument } from '../../../../shared/domain/document';
import { applyImportChoices, applyLevels } from '../../../../shared/domain/outline-edits';
import { ApiCallError } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';
// A plan the file is imported as a new version of (import.preview and commit's versionOf).
import type { VersionTarget } from '../versions/VersionTargetChoice';


export type ImportStage =
  | { kind: 'reading'; file: File; previewId: string }
  | {
      kind: 'preview';
      file: File;
      preview: ImportPreview;
      /** null: a plan of its own. */
      target: VersionTarget | null;
      choices: ImportChoices;
      /** The outline as it will be imported: the edits and levels applied. */
      shown: ImportedDocument;
      /** Why the last edit or the level choice cannot apply (the core's wording). */
      editError: string | null;
      /** The level choice does not fit the outline: Import waits for another choice. */
      blocked: boolean;
    }
  | {
      kind: 'committing';
      file: File;
      preview: ImportPreview;
      target: VersionTarget | null;
      choices: ImportChoices;
      shown: ImportedDocument;
      editError: null;
      blocked: false;
    }
  | { kind: 'failed'; file: File; message: string; commitFailed: boolean; back: ImportStage | null };

export interface ImportQueue {
  stage: ImportStage | null;
  /** 1-based position of the current file and how many there are in this run. */
  position: { index: number; total: number };
  /** `target`: import the file(s) as a new version of that plan (the library's Import new version…). */
  enqueue(files: readonly File[], target?: VersionTarget): void;
  /** Reads the current file again as a new version of `target` (null: as a plan of its own). */
  setTarget(target: VersionTarget | null): void;
  /** Cancels the current file (stops reading, forgets the preview) and goes on with the next. */
  cancel(): void;
  commit(): void;
  setLevels(levels: ImportChoices['levels']): void;
  edit(edit: OutlineEdit): void;
  undoEdits(): void;
  /** From a failed commit back to its preview. */
  back(): void;
}

export interface ImportOutcome {
  imported: string[];
}

/** A file size for people: 820 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function newPreviewId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The file's bytes as base64, in chunks (a spread of a multi-MB array overflows the stack). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The preview with the reader's edits and level choice applied, or why they cannot be: an
 *  edit that cannot apply (`editFailed`), or a level choice the edited outline no longer has. */
function shownOf(document: ImportedDocument, choices: ImportChoices): { shown: ImportedDocument; error: string | null; editFailed: boolean } {
  let edited: ImportedDocument;
  try {
    edited = applyImportChoices(document, { levels: { theme: null, item: null }, edits: choices.edits });
  } catch (err) {
    return { shown: document, error: messageOf(err), editFailed: true };
  }
  try {
    return { shown: applyLevels(edited, choices.levels), error: null, editFailed: false };
  } catch (err) {
    return { shown: edited, error: messageOf(err), editFailed: false };
  }
}

export function useImportQueue(client: ApiClient, onDone: (outcome: ImportOutcome) => void): ImportQueue {
  const { t } = useTranslation('importPlan');
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [index, setIndex] = useState(0);
  const imported = useRef<string[]>([]);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  // The file whose preview is wanted: a reply for a file cancelled meanwhile is dropped.
  const reading = useRef<string | null>(null);

  const [runTarget, setRunTarget] = useState<VersionTarget | null>(null);

  const start = useCallback(
    async (file: File, target: VersionTarget | null) => {
      const previewId = newPreviewId();
      reading.current = previewId;
      // Refused before it is sent: the core would refuse it too, after the whole upload.
      if (file.size > MAX_IMPORT_FILE_BYTES) {
        const message = t('failed.tooLarge', { file: file.name, size: formatSize(file.size), limit: formatSize(MAX_IMPORT_FILE_BYTES) });
        setStage({ kind: 'failed', file, message, commitFailed: false, back: null });
        return;
      }
      setStage({ kind: 'reading', file, previewId });
      try {
        const dataBase64 = await fileToBase64(file);
        if (reading.current !== previewId) return;
        const preview = await client.call('import.preview', {
          previewId,
          fileName: file.name,
          dataBase64,
          ...(target ? { versionOf: target.planId } : {}),
        });
        if (reading.current !== previewId) return;
        const choices: ImportChoices = { levels: { ...preview.document.levels }, edits: [] };
        const { shown, error } = shownOf(preview.document, choices);
        setStage({ kind: 'preview', file, preview, target, choices, shown, editError: error, blocked: error !== null });
      } catch (err) {
        if (reading.current !== previewId) return;
        // Stopped by import.cancel: the reader already moved on.
        if (err instanceof ApiCallError && err.code === 'CANCELLED') return;
        setStage({ kind: 'failed', file, message: messageOf(err), commitFailed: false, back: null });
      }
    },
    [client, t],
  );

  // The next file, or the end of the run.
  const advance = useCallback(() => {
    reading.current = null;
    const next = index + 1;
    if (next < files.length) {
      setIndex(next);
      void start(files[next]!, runTarget);
      return;
    }
    setStage(null);
    setRunTarget(null);
    setFiles([]);
    setIndex(0);
    const outcome = { imported: imported.current };
    imported.current = [];
    done.current(outcome);
  }, [files, index, start, runTarget]);

  const enqueue = useCallback(
    (added: readonly File[], target?: VersionTarget) => {
      if (added.length === 0) return;
      if (files.length > 0) {
        // A run is under way: the new files wait their turn.
        setFiles((prev) => [...prev, ...added]);
        return;
      }
      setFiles([...added]);
      setIndex(0);
      setRunTarget(target ?? null);
      void start(added[0]!, target ?? null);
    },
    [files.length, start],
  );

  const cancel = useCallback(() => {
    if (stage?.kind === 'reading') client.call('import.cancel', { previewId: stage.previewId }).catch(() => undefined);
    else if (stage?.kind === 'preview') client.call('import.cancel', { previewId: stage.preview.previewId }).catch(() => undefined);
    advance();
  }, [stage, client, advance]);

  const update = (choices: ImportChoices) => {
    if (stage?.kind !== 'preview') return;
    const { shown, error, editFailed } = shownOf(stage.preview.document, choices);
    setStage({ ...stage, choices, shown: editFailed ? stage.shown : shown, editError: error, blocked: error !== null });
  };

  const commit = useCallback(async () => {
    if (stage?.kind !== 'preview' || stage.blocked) return;
    const committing: ImportStage = { ...stage, kind: 'committing', editError: null, blocked: false };
    setStage(committing);
    try {
      const result = await client.call('import.commit', {
        previewId: stage.preview.previewId,
        choices: stage.choices,
        ...(stage.target ? { versionOf: stage.target.planId } : {}),
      });
      imported.current = [...imported.current, result.planId];
      advance();
    } catch (err) {
      setStage({ kind: 'failed', file: stage.file, message: messageOf(err), commitFailed: true, back: { ...stage } });
    }
  }, [stage, client, advance]);

  return {
    stage,
    position: { index: index + 1, total: files.length },
    enqueue,
    setTarget: (target) => {
      if (stage?.kind !== 'preview' && !(stage?.kind === 'failed' && !stage.commitFailed)) return;
      if (stage.kind === 'preview') client.call('import.cancel', { previewId: stage.preview.previewId }).catch(() => undefined);
      void start(stage.file, target);
    },
    cancel,
    commit: () => void commit(),
    setLevels: (levels) => stage?.kind === 'preview' && update({ ...stage.choices, levels }),
    edit: (edit) => {
      if (stage?.kind !== 'preview') return;
      // An edit that cannot apply is refused here and not recorded.
      const choices = { ...stage.choices, edits: [...stage.choices.edits, edit] };
      const { error, editFailed } = shownOf(stage.preview.document, choices);
      if (editFailed) setStage({ ...stage, editError: error });
      else update(choices);
    },
    undoEdits: () => stage?.kind === 'preview' && update({ ...stage.choices, edits: [] }),
    back: () => {
      if (stage?.kind === 'failed' && stage.back) setStage(stage.back);
    },
  };
}
