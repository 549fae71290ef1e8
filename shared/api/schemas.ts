// Argument schemas for every contract method. Used by the core router only: the sandboxed
// preload must not import this file (it would pull zod into the preload bundle).
import { z } from 'zod';
import { SETTING_KEYS, type ApiArgs, type ApiMethod } from './contract';
import {
  PRIORITIES,
  SORTABLE_COLUMNS,
  TABLE_COLUMNS,
  TEXT_FILTER_COLUMNS,
  type TableColumnId,
  type TableViewState,
  type TextFilterColumn,
} from '../domain/table';
import type { PlanTranslation } from '../domain/translation';
import { storageArgSchemas } from './storage-schemas';
import { FIELD_LIMITS, normalizeTag } from '../text';

export { FIELD_LIMITS };

const noArgs = z.object({}).strict();
// Stable ids look like `hz-2024`, `hz-2024/T3`, `hz-2024/T3/I3`.
const planId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a plan id such as hz-2024');
const themeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}\/T\d{1,4}$/, 'must be a theme id such as hz-2024/T3');
const initiativeId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\/T\d{1,4}\/I\d{1,4}$/, 'must be an initiative id such as hz-2024/T3/I3');

/** Keys of reader statuses; `none` is reserved (the dashboard counts unset statuses under it). */
export const statusKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a status key such as in_progress (a-z, 0-9, _; at most 32)')
  .refine((k) => k !== 'none', 'none is reserved for initiatives without a status');

/** True for a `YYYY-MM-DD` that names a day of the calendar (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');

/** The revision a write was made on: 0 for a record that did not exist yet. */
const baseRevision = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

/** At most `max` UTF-16 code units (shared/text.ts says why this unit). zod's own .max()
 *  counts code points, so it is not used for text. */
const maxUnits = (max: number) => [
  (s: string) => s.length <= max,
  `must be at most ${max} characters (UTF-16 code units; most emoji count 2)`,
] as const;

/** A free-text field: trimmed; empty means cleared (stored as null). */
const readerText = (max: number) =>
  z
    .string()
    .trim()
    .refine(...maxUnits(max))
    .transform((s) => (s === '' ? null : s))
    .nullable();

/** A tag, normalized as shared/text.ts decides (NFC, zero-width characters removed, trimmed). */
const tag = z
  .string()
  .transform(normalizeTag)
  .pipe(z.string().min(1, 'must not be empty').refine(...maxUnits(FIELD_LIMITS.tag)));
const tagList = z
  .array(tag)
  .max(FIELD_LIMITS.tags, `must have at most ${FIELD_LIMITS.tags} tags`)
  .refine(unique, 'must not name a tag twice');

export const initiativePatch = z
  .object({
    status: statusKey.nullable().optional(),
    priority: z.enum(PRIORITIES).nullable().optional(),
    leadUnit: readerText(FIELD_LIMITS.leadUnit).optional(),
    responsibleUnits: readerText(FIELD_LIMITS.responsibleUnits).optional(),
    deadline: calendarDate.nullable().optional(),
    progressNote: readerText(FIELD_LIMITS.progressNote).optional(),
    tags: tagList.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');

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
};

export const tableQuery = z
  .object({
    ...queryFields,
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(500, 'must be at most 500'),
  })
  .strict();

const columnList = z.array(z.enum(TABLE_COLUMNS)).max(TABLE_COLUMNS.length).refine(unique, 'must not name a column twice');

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

const label = z.string().trim().min(1, 'must not be empty').refine(...maxUnits(FIELD_LIMITS.statusLabel));
export const statusOptions = z
  .array(z.object({ key: statusKey, label: z.object({ zh: label, en: label }).strict() }).strict())
  .min(1, 'must keep at least one status')
  .max(12, 'must have at most 12 statuses')
  .refine((options) => unique(options.map((o) => o.key)), 'must not use a status key twice');

const nonBlank = z.string().trim().min(1, 'must not be empty');
/** A plan translation file (resources/plans/*.<lang>.json), before its ids are checked against
 *  the plan (electron/core/plan/translation.ts does that). */
export const planTranslation: z.ZodType<PlanTranslation> = z
  .object({
    planId: nonBlank,
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en'),
    unofficial: z.boolean(),
    translator: nonBlank,
    meta: z
      .object({
        title: nonBlank,
        column: nonBlank.optional(),
        source: nonBlank.optional(),
        author: nonBlank.optional(),
        editor: nonBlank.optional(),
        graphics: nonBlank.optional(),
        tags: z.array(nonBlank).optional(),
        themeLine: nonBlank.optional(),
        lead: z.array(nonBlank),
        authorNote: nonBlank.optional(),
      })
      .strict(),
    themes: z.record(z.string(), nonBlank),
    initiatives: z.record(z.string(), z.object({ headline: nonBlank, body: z.array(nonBlank) }).strict()),
    lists: z.record(z.string(), z.object({ label: nonBlank, items: z.array(nonBlank) }).strict()),
  })
  .strict();

export const argSchemas = {
  'app.info': noArgs,
  'plan.list': noArgs,
  'plan.get': z.object({ planId }).strict(),
  'initiative.get': z.object({ initiativeId }).strict(),
  'settings.get': z.object({ key: z.enum(SETTING_KEYS) }).strict(),
  'settings.set': z
    .object({ key: z.enum(SETTING_KEYS), value: z.string().refine(...maxUnits(4096)).nullable() })
    .strict(),
  'plan.translation': z
    .object({ planId, language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en') })
    .strict(),
  'table.query': tableQuery,
  'table.rows': z.object({ ids: z.array(initiativeId).max(1000, 'must name at most 1000 initiatives') }).strict(),
  'table.exportCsv': z
    .object({
      query: z.object(queryFields).strict(),
      columns: columnList.min(1, 'must name at least one column'),
      language: z.enum(['zh', 'en']),
      ids: z.array(initiativeId).min(1).max(100_000).optional(),
    })
    .strict(),
  'initiative.update': z.object({ initiativeId, baseRevision, patch: initiativePatch }).strict(),
  'status.options': noArgs,
  'status.setOptions': z.object({ options: statusOptions, baseRevision }).strict(),
  'tags.list': noArgs,
  'view.list': noArgs,
  'view.save': z
    .object({
      id: z.number().int().min(1).optional(),
      baseRevision,
      name: z.string().trim().min(1, 'must not be empty').refine(...maxUnits(FIELD_LIMITS.viewName)),
      state: tableViewState,
    })
    .strict()
    .refine((v) => v.id !== undefined || v.baseRevision === 0, {
      message: 'must be 0 for a new view (one without id)',
      path: ['baseRevision'],
    }),
  'view.delete': z.object({ id: z.number().int().min(1), baseRevision }).strict(),
  'dashboard.get': z.object({ planId, today: calendarDate }).strict(),
  ...storageArgSchemas,
} satisfies { [M in ApiMethod]: z.ZodType<ApiArgs<M>> };
