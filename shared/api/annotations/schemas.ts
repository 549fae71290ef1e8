import { z } from 'zod';
import { codePointLength } from '../../domain/anchoring';
import { FIELD_LIMITS } from '../../text';
import { baseRevision, initiativeId, maxUnits, noArgs, planId, tag, tagList } from '../common-schemas';
import { HIGHLIGHT_COLORS } from './methods';

/** Annotation ids are UUIDs the renderer makes (stored in lower case). */
export const annotationId = z.uuid('must be a UUID such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427').transform((s) => s.toLowerCase());

const color = z.enum(HIGHLIGHT_COLORS);
const body = z.string().refine(...maxUnits(FIELD_LIMITS.annotationBody));
/** Context and quote limits: generous, but a selector is a pointer, not a copy of the plan. */
const QUOTE_LIMIT = 20_000;
const CONTEXT_LIMIT = 1_000;

const quoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1, 'must not be empty').refine(...maxUnits(QUOTE_LIMIT)),
    prefix: z.string().refine(...maxUnits(CONTEXT_LIMIT)),
    suffix: z.string().refine(...maxUnits(CONTEXT_LIMIT)),
  })
  .strict();
const positionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict();

/** W3C selectors whose position and quote agree: end − start is the quote's length in code points. */
export const textSelectors = z
  .object({ quote: quoteSelector, position: positionSelector })
  .strict()
  .superRefine((s, ctx) => {
    if (s.position.start > s.position.end) {
      ctx.addIssue({ code: 'custom', path: ['position', 'end'], message: 'must not be before start' });
    } else if (s.position.end - s.position.start !== codePointLength(s.quote.exact)) {
      ctx.addIssue({
        code: 'custom',
        path: ['position'],
        message: `must span as many characters (code points) as quote.exact has (${codePointLength(s.quote.exact)})`,
      });
    }
  });

const target = z
  .object({
    itemId: initiativeId,
    part: z.enum(['headline', 'body']),
    language: z.enum(['zh', 'en']),
    selectors: textSelectors,
  })
  .strict();

export const newAnnotation = z
  .object({
    id: annotationId,
    kind: z.enum(['highlight', 'note']),
    planId,
    itemId: initiativeId.nullable(),
    target: target.nullable(),
    color: color.nullable(),
    body,
    tags: tagList,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.kind === 'highlight') {
      if (a.target === null) ctx.addIssue({ code: 'custom', path: ['target'], message: 'a highlight needs its target' });
      if (a.color === null) ctx.addIssue({ code: 'custom', path: ['color'], message: 'a highlight needs a colour' });
      if (a.itemId === null) ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'a highlight is on an item' });
      else if (a.target && a.target.itemId !== a.itemId) {
        ctx.addIssue({ code: 'custom', path: ['target', 'itemId'], message: 'must be the annotation’s itemId' });
      }
    } else {
      if (a.target !== null) ctx.addIssue({ code: 'custom', path: ['target'], message: 'must be null for a note' });
      if (a.color !== null) ctx.addIssue({ code: 'custom', path: ['color'], message: 'must be null for a note' });
    }
  });

export const annotationPatch = z
  .object({ body: body.optional(), color: color.optional(), tags: tagList.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one field');

export const annotationQuery = z
  .object({
    planId: planId.optional(),
    itemId: initiativeId.optional(),
    kind: z.enum(['highlight', 'note']).optional(),
    color: color.optional(),
    tag: tag.optional(),
    anchor: z.enum(['anchored', 'relocated', 'ambiguous', 'orphaned']).optional(),
    trashed: z.boolean().optional(),
    sort: z.enum(['text', 'modified', 'created']).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

const colorName = z.string().trim().refine(...maxUnits(FIELD_LIMITS.colorName));

export const annotationArgSchemas = {
  'annotation.list': annotationQuery,
  'annotation.get': z.object({ id: annotationId }).strict(),
  'annotation.create': newAnnotation,
  'annotation.update': z.object({ id: annotationId, baseRevision, patch: annotationPatch }).strict(),
  'annotation.delete': z.object({ id: annotationId, baseRevision }).strict(),
  'annotation.restore': z.object({ id: annotationId, baseRevision }).strict(),
  'annotation.emptyTrash': noArgs,
  'annotation.history': z.object({ id: annotationId }).strict(),
  'annotation.restoreRevision': z.object({ id: annotationId, baseRevision, revision: z.number().int().min(1) }).strict(),
  'annotation.colorNames': noArgs,
  'annotation.setColorNames': z
    .object({ names: z.object(Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, colorName.optional()])) as Record<(typeof HIGHLIGHT_COLORS)[number], z.ZodOptional<typeof colorName>>).strict() })
    .strict(),
  'tags.rename': z
    .object({ from: tag, to: tag })
    .strict()
    .refine((r) => r.from !== r.to, { message: 'must differ from the tag renamed', path: ['to'] }),
};
