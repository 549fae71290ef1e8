// Importing a plan from a file: the file is read and its outline detected first (a preview,
// nothing written), the reader adjusts levels and headings, then one all-or-nothing commit.
// The same methods serve the desktop app (File → Import plan…, drag and drop) and browser mode
// (an upload through the guarded HTTP API); the file travels as base64 in both.
import type { ImportedDocument, LevelKind } from '../../domain/document';

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
}

export interface ImportResult {
  planId: string;
  /** true: the file was already in the library and nothing was written. */
  duplicate: boolean;
  themeCount: number;
  itemCount: number;
}

export interface ImportMethods {
  /** Reads and detects, in a worker with time and memory limits; writes nothing. `previewId`
   *  is chosen by the caller so that import.cancel can stop a file still being read. */
  'import.preview': { args: { previewId: string; fileName: string; dataBase64: string }; result: ImportPreview };
  /** Stops reading (when still running) and forgets the preview. */
  'import.cancel': { args: { previewId: string }; result: null };
  /** Writes the previewed plan with the reader's choices, all or nothing. */
  'import.commit': { args: { previewId: string; choices: ImportChoices }; result: ImportResult };
}

export const IMPORT_METHODS = ['import.preview', 'import.cancel', 'import.commit'] as const satisfies readonly (keyof ImportMethods)[];
