// What one annotation in an annotation file must be before anything is written: every field of the
// contract's Annotation, checked and consistent (a highlight has a target, a colour and an
// anchor on the item it names; a note has none of them; the quote's length is the span its
// position selector gives, counted in code points). The JSON and the JSON-LD readers both end
// in this check, so the two formats accept exactly the same records.
import { z } from 'zod';
import { HIGHLIGHT_COLORS, type Annotation } from '../annotations/methods';
import { initiativeId, maxUnits, planId, tag } from '../common-schemas';
import { codePointLength } from '../../domain/anchoring';
import { FIELD_LIMITS, loneSurrogateAt } from '../../text';

/** The longest note a file may carry (UTF-16 units); a page of Markdown is a few thousand. */
export const MAX_NOTE_UNITS = 100_000;
/** The longest quote or context kept in a selector. */
const MAX_QUOTE_UNITS = 20_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO 8601 as the core writes it (toISOString), and what other tools write: a zone is required
// so that comparing two records' times means something.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const text = (max: number) =>
  z
    .string()
    .refine(...maxUnits(max))
    .refine((s) => loneSurrogateAt(s) < 0, 'must be valid Unicode (it has a lone UTF-16 surrogate)');
const time = z
  .string()
  .regex(ISO_TIME, 'must be a date and time such as 2026-12-05T10:00:00.000Z')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date and time');
const offset = z.number().int('must be a whole number').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);

const selectors = z
  .object({
    quote: z
      .object({
        type: z.literal('TextQuoteSelector'),
        exact: text(MAX_QUOTE_UNITS).pipe(z.string().min(1, 'must not be empty')),
        prefix: text(MAX_QUOTE_UNITS),
        suffix: text(MAX_QUOTE_UNITS),
      })
      .strict(),
    position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.position.end <= s.position.start) {
      ctx.addIssue({ code: 'custom', path: ['position'], message: `must end after it starts (start ${s.position.start}, end ${s.position.end})` });
    } else if (s.position.end - s.position.start !== codePointLength(s.quote.exact)) {
      ctx.addIssue({
        code: 'custom',
        path: ['position'],
        message: `spans ${s.position.end - s.position.start} characters but the quote has ${codePointLength(s.quote.exact)} (positions count Unicode code points)`,
      });
    }
  });

export const annotationRecord = z
  .object({
    id: z.string().regex(UUID, 'must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e').transform((s) => s.toLowerCase()),
    kind: z.enum(['highlight', 'note']),
    planId,
    itemId: initiativeId.nullable(),
    target: z
      .object({ itemId: initiativeId, part: z.enum(['headline', 'body']), language: z.enum(['zh', 'en']), selectors })
      .strict()
      .nullable(),
    anchor: z
      .object({
        status: z.enum(['anchored', 'relocated', 'ambiguous', 'orphaned']),
        previousQuote: text(MAX_QUOTE_UNITS).optional(),
      })
      .strict()
      .nullable(),
    color: z.enum(HIGHLIGHT_COLORS).nullable(),
    body: text(MAX_NOTE_UNITS),
    tags: z
      .array(tag)
      .max(FIELD_LIMITS.tags, `must have at most ${FIELD_LIMITS.tags} tags`)
      .refine((t) => new Set(t).size === t.length, 'must not name a tag twice'),
    createdAt: time,
    modifiedAt: time,
    revision: z.number().int('must be a whole number').min(1, 'must be at least 1').max(Number.MAX_SAFE_INTEGER),
    deletedAt: time.nullable(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (a.itemId !== null && !a.itemId.startsWith(`${a.planId}/`)) issue('itemId', `must be an item of plan ${a.planId}`);
    if (a.kind === 'highlight') {
      if (a.itemId === null) issue('itemId', 'must name the item a highlight is on');
      if (a.target === null) issue('target', 'must be given for a highlight');
      else if (a.target.itemId !== a.itemId) issue('target', `must be on the annotation's item ${a.itemId}, not ${a.target.itemId}`);
      if (a.color === null) issue('color', `must be one of ${HIGHLIGHT_COLORS.join(', ')} for a highlight`);
      if (a.anchor === null) issue('anchor', 'must be given for a highlight');
    } else {
      if (a.target !== null) issue('target', 'must be null for a note (only highlights have a passage)');
      if (a.color !== null) issue('color', 'must be null for a note');
      if (a.anchor !== null) issue('anchor', 'must be null for a note');
    }
    if (a.modifiedAt < a.createdAt && Date.parse(a.modifiedAt) < Date.parse(a.createdAt)) issue('modifiedAt', 'must not be before createdAt');
  });

/** Field paths as a reader finds them in the file: `annotations[3].target.selectors.quote`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

export type RecordCheck = { ok: true; value: Annotation } | { ok: false; path: string; message: string };

/** Checks one record; the path is relative to the record. */
export function checkRecord(value: unknown): RecordCheck {
  const parsed = annotationRecord.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as Annotation };
  const issue = parsed.error.issues[0]!;
  return { ok: false, path: fieldPath(issue.path), message: issue.message };
}
