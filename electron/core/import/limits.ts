import { MAX_IMPORT_FILE_BYTES } from '../../../shared/api/import/methods';

// Limits every import runs under. A plan is text: the largest real ones (five-year plan
// outlines with all their 专栏) are a few MB as .docx or .pdf, so these leave ample room while a
// crafted file cannot make the parser hold gigabytes.
export const IMPORT_LIMITS = {
  /** Bytes of the file as given. */
  maxFileBytes: MAX_IMPORT_FILE_BYTES,
  /** Bytes a .docx may expand to, summed over its zip entries (checked before inflating). */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** A single entry may not claim a compression ratio above this (zip bombs claim ~1000:1). */
  maxCompressionRatio: 200,
  /** Entries in a .docx zip. */
  maxZipEntries: 5000,
  /** PDF pages read. */
  maxPdfPages: 2000,
  /** Wall-clock time for one file in the worker, ms. */
  timeoutMs: 60_000,
  /** V8 old-generation heap of the worker, MB. */
  maxHeapMb: 512,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };
