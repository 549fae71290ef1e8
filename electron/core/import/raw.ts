// What a format reader hands to the shared outline step: lines of text (a paragraph, a heading
// the format marked as one, a list entry) and tables, in reading order, each with where it came
// from. Readers never decide what is a section: Chinese numbering is detected once, for all.
import type { Block, DocumentMetadata, ImportWarning, SourceFormat } from '../../../shared/domain/document';

export interface RawLine {
  type: 'line';
  text: string;
  /** 1–6 when the format itself marks the line as a heading (h1…h6, a Heading style, # …). */
  headingLevel?: number;
  /** e.g. `line 12`, `page 3`, `paragraph 40`. */
  at: string;
}

export interface RawTable {
  type: 'table';
  rows: string[][];
  at: string;
}

export type RawBlock = RawLine | RawTable;

export interface RawDocument {
  format: SourceFormat;
  encoding: string | null;
  blocks: RawBlock[];
  /** Metadata the format carries outside the text (HTML meta tags), used when the text lacks it. */
  hints: Partial<Pick<DocumentMetadata, 'title' | 'source' | 'dateText' | 'author'>>;
  warnings: ImportWarning[];
}

/** A block before the outline step gives it an id. */
export type DraftBlock = Block extends infer B ? (B extends Block ? Omit<B, 'id'> : never) : never;
