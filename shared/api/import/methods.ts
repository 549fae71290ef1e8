// Importing a plan from a file: the file is read and its outline detected first (a preview,
// nothing written), the reader adjusts levels and headings, then one all-or-nothing commit.
// The same methods serve the desktop app (File → Import plan…, drag and drop) and browser mode
// (an upload through the guarded HTTP API); the file travels as base64 in both.
import type { ImportedDocument, LevelKind } from '../../domain/document';
import type { VersionChanges, VersionImportResult } from '../versions/methods';

/** The largest file a plan may be imported from (the core's import limits use this; browser
 *  mode sizes the request body of import.preview from it). A plan is text: the largest real
 *  ones (five-year plan outlines with all their 专栏) are a few MB as .docx or .pdf. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** A reader's correction to the detected outline, applied in order. */
export interface OutlineEdit {
  /** promote: one level up (becomes a sibling of its parent); demote: becomes a child of its
   *  previous sibling; merge: its heading and text join the previous section (at any level). */
  op: 'promote' | 'demote' | 'merge';
  sectionId: string;
}

export interface ImportChoices {
  /** Which level the reader sees as themes and which as the table's rows. */
  levels: { theme: LevelKind | null; item: LevelKind | null };
  edits: OutlineEdit[];
}

export interface ImportPreview {
  previewId: string;
  document: ImportedDocument;
  /** The same file (by content hash) is already in the library. */
  duplicateOf: { planId: string; title: string; trashed: boolean } | null;
  /** With `versionOf`: what the file changes against that plan (with the detected levels). */
  changes?: VersionChanges;
}

export interface ImportResult {
  planId: string;
  /** true: the file was already in the library and nothing was written. */
  duplicate: boolean;
  themeCount: number;
  itemCount: number;
  /** With `versionOf`: the version stored and where the reader's values went. */
  version?: VersionImportResult;
}

export interface ImportMethods {
  /** Reads and detects, in a worker with time and memory limits; writes nothing. `previewId`
   *  is chosen by the caller (a fresh random id per file) so that import.cancel can stop a file
   *  still being read. A bad file: BAD_REQUEST naming the file and the problem; cancelled while
   *  read: CANCELLED. The preview is kept (a few at a time, 30 minutes) for import.commit. */
  'import.preview': {
    args: { previewId: string; fileName: string; dataBase64: string; versionOf?: string };
    result: ImportPreview;
  };
  /** Stops reading (when still running) and forgets the preview. */
  'import.cancel': { args: { previewId: string }; result: null };
  /** Writes the previewed plan with the reader's choices (shared/domain/outline-edits.ts, the
   *  function the dialog shows them with), all or nothing. A refused edit or level: BAD_REQUEST
   *  naming the section; an expired or unknown preview: NOT_FOUND; a preview already imported:
   *  CONFLICT. With `versionOf` (a plan id, the newest version of its lineage): stored as the
   *  plan's next version, the reader's values following their items, in the same transaction. */
  'import.commit': { args: { previewId: string; choices: ImportChoices; versionOf?: string }; result: ImportResult };
}

export const IMPORT_METHODS = ['import.preview', 'import.cancel', 'import.commit'] as const satisfies readonly (keyof ImportMethods)[];
