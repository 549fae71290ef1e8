// The initiative table: a page of rows with its total and facets, rows by id, CSV export.
import type { FacetList, FacetName, InitiativeRow, TableColumnId, TablePage, TableQuery } from '../../domain/table';
import type { UiLanguage } from '../common';

export interface TableMethods {
  'table.query': { args: TableQuery; result: TablePage };
  /** One facet's counts under a query, as TablePage.facets[facet] (asked when its menu opens).
   *  The theme and plan facets list at most `limit` values (those with the most rows, plus the
   *  chosen ones), only those whose label holds `match` when given (a theme's headline or its
   *  plan's title; a plan's title); `more` says how many were left out. Other facets are listed
   *  whole. */
  'table.facets': {
    args: { query: Omit<TableQuery, 'offset' | 'limit' | 'facets'>; facet: FacetName; limit?: number; match?: string };
    result: FacetList;
  };
  /** Rows by id, in the order given (for selection: copy, packets). */
  'table.rows': { args: { ids: string[] }; result: InitiativeRow[] };
  'table.exportCsv': {
    args: { query: Omit<TableQuery, 'offset' | 'limit'>; columns: TableColumnId[]; language: UiLanguage; ids?: string[] };
    result: { fileName: string; csv: string };
  };
}

export const TABLE_METHODS = ['table.query', 'table.facets', 'table.rows', 'table.exportCsv'] as const satisfies readonly (keyof TableMethods)[];
