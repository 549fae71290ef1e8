// Briefbook's own annotation file: lossless (every field of every annotation, the trash
// included, and the reader's colour names) in a versioned envelope, so a later Briefbook can
// read an older file and refuse a newer one by name.
import type { Annotation, ColorNames } from '../../../../shared/api/annotations/methods';
import type { ExportInput } from './entries';
import { htmlSafeJson } from './jsonld-format';

export const JSON_FORMAT = 'briefbook-annotations';
export const JSON_VERSION = 1;

export interface AnnotationFile {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  /** The plan the export was limited to, or null for the whole library. */
  planId: string | null;
  colorNames: ColorNames;
  annotations: Annotation[];
}

export function writeJson(input: ExportInput): string {
  const file: AnnotationFile = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    planId: input.planId,
    colorNames: input.colorNames,
    annotations: input.entries.map((e) => e.annotation),
  };
  return `${htmlSafeJson(file)}\n`;
}
