// Exporting the reader's annotations to a file and importing them back. Export writes one of
// four formats: Markdown (to read: by plan, theme and item, with the quoted passages), CSV (one
// row per annotation, for spreadsheets), JSON (lossless, Briefbook's own envelope) and W3C Web
// Annotation JSON-LD (for other annotation tools; also lossless). Import reads JSON or JSON-LD
// back, all or nothing, merging by annotation id (the rules are in the core service's README).
import type { UiLanguage } from '../common';

export const ANNOTATION_EXPORT_FORMATS = ['md', 'csv', 'json', 'jsonld'] as const;
export type AnnotationExportFormat = (typeof ANNOTATION_EXPORT_FORMATS)[number];

/** The largest annotation file import reads (JSON text, in UTF-16 code units): far above what
 *  a reader writes in years (50 000 annotations of a few hundred characters), and as UTF-8
 *  (at most 3 bytes a unit outside escapes) within the HTTP limit for files. */
export const MAX_ANNOTATION_FILE_CHARS = 20 * 1024 * 1024;

export interface AnnotationExport {
  /** A file name to offer (no folders), e.g. briefbook-annotations-hz-2024-2026-12-05.md. */
  fileName: string;
  mimeType: string;
  text: string;
  /** How many annotations the file holds. */
  count: number;
}

export interface AnnotationImportReport {
  /** Not here before: added as they are in the file. */
  added: number;
  /** Older here than in the file: now the file's state, the previous one kept in the history. */
  updated: number;
  /** The same here and in the file. */
  unchanged: number;
  /** Edited here after the file's state: kept as they are, the file's state in their history. */
  keptLocal: number;
  /** Of those added or updated, how many are on a plan or item this library does not have:
   *  kept on their own item (never moved to another) and shown once that plan is imported. */
  notInLibrary: number;
}

export interface AnnotationExchangeMethods {
  /** Every annotation (or one plan's), trash included in JSON and JSON-LD (they are backups),
   *  left out of Markdown and CSV (they are for reading). `language`: of the Markdown headings
   *  and CSV columns (default en). */
  'annotation.export': { args: { format: AnnotationExportFormat; planId?: string; language?: UiLanguage }; result: AnnotationExport };
  /** JSON or JSON-LD as exported, all or nothing: a bad file is BAD_REQUEST naming the record
   *  and the field, and nothing changes. */
  'annotation.import': { args: { fileName: string; text: string }; result: AnnotationImportReport };
}

export const ANNOTATION_EXCHANGE_METHODS = ['annotation.export', 'annotation.import'] as const satisfies readonly (keyof AnnotationExchangeMethods)[];
