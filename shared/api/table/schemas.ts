import { z } from 'zod';
import {
  FACET_NAMES,
  PRIORITIES,
  SORTABLE_COLUMNS,
  TABLE_COLUMNS,
  TEXT_FILTER_COLUMNS,
  type TableColumnId,
  type TableViewState,
  type TextFilterColumn,
} from '../../domain/table';
import { initiativeId, maxUnits, planId, statusKey, tag, themeId, unique } from '../common-schemas';
import { FIELD_LIMITS } from '../../text';

const sortList = z
  .array(z.object({ column: z.enum(SORTABLE_COLUMNS), desc: z.boolean() }).strict())
  .max(SORTABLE_COLUMNS.length)
  .refine((sort) => unique(sort.map((s) => s.column)), 'must not sort by a column twice');

const textFilters = z
  .object(
    Object.fromEntries(TEXT_FILTER_COLUMNS.map((c) => [c, z.string().refine(...maxUnits(200)).optional()])) as Record<
      TextFilterColumn,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();

const tableFilters = z
  .object({
    planIds: z.array(planId).max(500).optional(),
    themeIds: z.array(themeId).max(500).optional(),
    statuses: z.array(statusKey.nullable()).max(13).optional(),
    priorities: z.array(z.enum(PRIORITIES).nullable()).max(PRIORITIES.length + 1).optional(),
    tags: z.array(tag).max(FIELD_LIMITS.tags).optional(),
    text: textFilters.optional(),
  })
  .strict();

const collation = z.enum(['pinyin', 'stroke']);
const groupBy = z.enum(['theme', 'status']).nullable();
const search = z.string().refine(...maxUnits(200));

const queryFields = {
  planId: planId.optional(),
  sort: sortList,
  collation,
  search,
  filters: tableFilters,
  groupBy,
  facets: z.boolean().optional(),
  exactTotal: z.boolean().optional(),
};

export const tableQuery = z
  .object({
    ...queryFields,
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(500, 'must be at most 500'),
    groupKeys: z.array(z.string().max(200).nullable()).max(1000).optional(),
    groupLayout: z.string().max(64).optional(),
  })
  .strict();

export const columnList = z
  .array(z.enum(TABLE_COLUMNS))
  .max(TABLE_COLUMNS.length)
  .refine(unique, 'must not name a column twice');

/** What a saved view stores (the views feature's schema uses it). */
export const tableViewState: z.ZodType<TableViewState> = z
  .object({
    sort: sortList,
    collation,
    search,
    filters: tableFilters,
    groupBy,
    columns: z
      .object({
        order: columnList,
        hidden: columnList,
        sizes: z.partialRecord(z.enum(TABLE_COLUMNS), z.number().int().min(16).max(4000)) as z.ZodType<
          Partial<Record<TableColumnId, number>>
        >,
      })
      .strict(),
  })
  .strict();

export const tableArgSchemas = {
  'table.query': tableQuery,
  'table.facets': z
    .object({
      query: z.object(queryFields).omit({ facets: true }).strict(),
      facet: z.enum(FACET_NAMES),
      limit: z.number().int().min(1).max(1000).optional(),
      match: z.string().max(200).optional(),
    })
    .strict(),
  'table.rows': z.object({ ids: z.array(initiativeId).max(1000, 'must name at most 1000 initiatives') }).strict(),
  'table.exportCsv': z
    .object({
      query: z.object(queryFields).strict(),
      columns: columnList.min(1, 'must name at least one column'),
      language: z.enum(['zh', 'en']),
      ids: z.array(initiativeId).min(1).max(100_000).optional(),
    })
    .strict(),
};
