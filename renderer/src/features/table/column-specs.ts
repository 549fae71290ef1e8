// What the table knows about each column besides how to render it: its default width, whether
// it sorts, which filter it offers (faceted with counts, or a text filter), how it prints.
import type { FacetCount, TableColumnId, TablePage, TextFilterColumn } from '../../../../shared/domain/table';

export type FacetName = keyof TablePage['facets'];

export interface ColumnSpec {
  size: number;
  minSize: number;
  sortable: boolean;
  /** Numbers and times sort newest/largest first on the first click. */
  descFirst?: boolean;
  facet?: FacetName;
  text?: TextFilterColumn;
  numeric?: boolean;
  /** On paper: as wide as its (short) values, not a share of the page width (TableGrid). */
  printFit?: boolean;
}

export const COLUMN_SPECS: Record<TableColumnId, ColumnSpec> = {
  shortId: { size: 84, minSize: 64, sortable: true, printFit: true },
  plan: { size: 180, minSize: 90, sortable: true, facet: 'plan' },
  theme: { size: 190, minSize: 90, sortable: true, facet: 'theme' },
  headline: { size: 320, minSize: 140, sortable: true, text: 'headline' },
  status: { size: 124, minSize: 96, sortable: true, facet: 'status', printFit: true },
  priority: { size: 96, minSize: 80, sortable: true, facet: 'priority', printFit: true },
  leadUnit: { size: 140, minSize: 80, sortable: true, text: 'leadUnit' },
  responsibleUnits: { size: 170, minSize: 80, sortable: true, text: 'responsibleUnits' },
  deadline: { size: 136, minSize: 120, sortable: true, printFit: true },
  progressNote: { size: 220, minSize: 100, sortable: true, text: 'progressNote' },
  tags: { size: 210, minSize: 110, sortable: false, facet: 'tags' },
  highlightCount: { size: 76, minSize: 60, sortable: true, descFirst: true, numeric: true, printFit: true },
  noteCount: { size: 76, minSize: 60, sortable: true, descFirst: true, numeric: true, printFit: true },
  touchedAt: { size: 148, minSize: 110, sortable: true, descFirst: true, printFit: true },
  industries: { size: 220, minSize: 100, sortable: false, text: 'industries' },
};

export const SELECT_COLUMN_SIZE = 40;
export const MAX_COLUMN_SIZE = 800;

/** The filter key a facet writes in TableFilters. */
export const FACET_FILTER_KEY = {
  plan: 'planIds',
  theme: 'themeIds',
  status: 'statuses',
  priority: 'priorities',
  tags: 'tags',
} as const satisfies Record<FacetName, string>;

export type FacetValue = FacetCount['value'];

/**
 * Default widths when the table's text is English (reading mode en or both): an English headline
 * is about twice as long as the Chinese one, so the headline and theme columns start wider, as
 * wide as leaves the scrolling columns room in a narrow window. The full text is on hover.
 */
export function textColumnSizes(english: boolean, windowWidth: number): Partial<Record<TableColumnId, number>> {
  if (!english) return {};
  return {
    headline: Math.round(Math.min(560, Math.max(COLUMN_SPECS.headline.size, windowWidth * 0.38))),
    theme: Math.round(Math.min(320, Math.max(COLUMN_SPECS.theme.size, windowWidth * 0.2))),
  };
}
