// What the writers of every format get: each annotation with where it is in its plan (for the
// Markdown and CSV headings and columns), in reading order. Built by the service from the
// database; pure data here so every writer is tested without one.
import type { Annotation, ColorNames } from '../../../../shared/api/annotations/methods';
import type { UiLanguage } from '../../../../shared/api/common';

export interface AnnotationPlace {
  /** null: the plan is not in this library (its annotations are kept, see README). */
  planTitle: string | null;
  themeId: string | null;
  themeHeadline: string | null;
  /** null for a plan note, or an item this library does not have. */
  itemNumeral: string | null;
  itemHeadline: string | null;
}

export interface ExportEntry {
  annotation: Annotation;
  place: AnnotationPlace;
}

export interface ExportInput {
  entries: ExportEntry[];
  colorNames: ColorNames;
  /** Only this plan's annotations, or all. */
  planId: string | null;
  language: UiLanguage;
  exportedAt: Date;
}
