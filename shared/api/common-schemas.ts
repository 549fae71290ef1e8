// zod pieces the features' argument schemas share (core router only: the sandboxed preload
// must not import zod).
import { z } from 'zod';
import { FIELD_LIMITS, normalizeTag } from '../text';

export const noArgs = z.object({}).strict();

// Plan ids look like `hz-2024` or `p-1a2b3c4d5e`. Theme and item ids are the plan id and one
// or two more parts: the embedded plan's shipped `hz-2024/T3`, `hz-2024/T3/I3`, or an imported
// plan's `p-1a2b3c4d5e/s0123456789` (a content hash fixed at first import, see
// shared/domain/document.ts).
const PLAN_ID = '[a-z0-9][a-z0-9-]{0,63}';
export const planId = z.string().regex(new RegExp(`^${PLAN_ID}$`), 'must be a plan id such as hz-2024');
export const themeId = z
  .string()
  .regex(new RegExp(`^${PLAN_ID}(/[A-Za-z0-9-]{1,40}){1,2}$`), 'must be a theme id such as hz-2024/T3');
export const initiativeId = z
  .string()
  .regex(new RegExp(`^${PLAN_ID}(/[A-Za-z0-9-]{1,40}){1,2}$`), 'must be an item id such as hz-2024/T3/I3');

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
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');

/** The revision a write was made on: 0 for a record that did not exist yet. */
export const baseRevision = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

/** At most `max` UTF-16 code units (shared/text.ts says why this unit). zod's own .max()
 *  counts code points, so it is not used for text. */
export const maxUnits = (max: number) =>
  [(s: string) => s.length <= max, `must be at most ${max} characters (UTF-16 code units; most emoji count 2)`] as const;

/** A free-text field: trimmed; empty means cleared (stored as null). */
export const readerText = (max: number) =>
  z
    .string()
    .trim()
    .refine(...maxUnits(max))
    .transform((s) => (s === '' ? null : s))
    .nullable();

/** A tag, normalized as shared/text.ts decides (NFC, zero-width characters removed, trimmed). */
export const tag = z
  .string()
  .transform(normalizeTag)
  .pipe(z.string().min(1, 'must not be empty').refine(...maxUnits(FIELD_LIMITS.tag)));
export const tagList = z
  .array(tag)
  .max(FIELD_LIMITS.tags, `must have at most ${FIELD_LIMITS.tags} tags`)
  .refine(unique, 'must not name a tag twice');

export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en');
