import { z } from 'zod';
import { baseRevision, calendarDate, initiativeId, maxUnits, noArgs, planId, statusKey, tag, themeId, unique } from '../common-schemas';

const line = (max: number) => z.string().trim().refine(...maxUnits(max));
const id = z.number().int().min(1);
const jobId = z.uuid('must be a UUID such as 1b4e28ba-2fa1-41d2-883f-0016d3cca427');
const ITEMS_LIMIT = 20_000;

const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), planId }).strict(),
  z.object({ kind: z.literal('themes'), themeIds: z.array(themeId).min(1).max(1000).refine(unique, 'must not name a theme twice') }).strict(),
  z.object({ kind: z.literal('items'), itemIds: z.array(initiativeId).min(1).max(ITEMS_LIMIT).refine(unique, 'must not name an item twice') }).strict(),
  z.object({ kind: z.literal('view'), viewId: id }).strict(),
  z
    .object({
      kind: z.literal('filter'),
      planId: planId.optional(),
      statuses: z.array(statusKey.nullable()).max(100).optional(),
      tags: z.array(tag).max(50).optional(),
      priorities: z.array(z.enum(['high', 'medium', 'low']).nullable()).max(4).optional(),
      deadlineBy: calendarDate.optional(),
    })
    .strict(),
]);

export const packetDefinition = z
  .object({
    cover: z
      .object({
        title: line(200),
        subtitle: line(300),
        preparedFor: line(200),
        preparedBy: line(200),
        date: calendarDate.nullable(),
        marking: line(40),
      })
      .strict(),
    sources: z.array(source).max(200),
    order: z.array(initiativeId).max(ITEMS_LIMIT).refine(unique, 'must not name an item twice'),
    // Definitions saved before items could be left out have no such list: none left out.
    excluded: z.array(initiativeId).max(ITEMS_LIMIT).refine(unique, 'must not name an item twice').default([]),
    options: z
      .object({
        language: z.enum(['zh', 'en', 'both']),
        highlights: z.boolean(),
        notes: z.enum(['margin', 'endnotes', 'none']),
        fields: z.boolean(),
        summary: z.boolean(),
        ruledSpace: z.enum(['none', 'short', 'half']),
        paper: z.enum(['A4', 'Letter']),
        orientation: z.enum(['portrait', 'landscape']),
      })
      .strict(),
  })
  .strict();

const uiLanguage = z.enum(['zh', 'en']);

export const packetArgSchemas = {
  'packet.list': noArgs,
  'packet.get': z.object({ id }).strict(),
  'packet.save': z.object({ id: id.optional(), baseRevision, definition: packetDefinition }).strict(),
  'packet.delete': z.object({ id, baseRevision }).strict(),
  'packet.duplicate': z.object({ id }).strict(),
  'packet.resolve': z.object({ definition: packetDefinition }).strict(),
  'packet.html': z
    .object({
      definition: packetDefinition,
      language: uiLanguage,
      pages: z.record(z.string().max(200), z.number().int().min(1).max(100_000)).optional(),
    })
    .strict(),
  'packet.pdf': z.object({ jobId, definition: packetDefinition, language: uiLanguage }).strict(),
  'packet.progress': z.object({ jobId }).strict(),
  'packet.cancel': z.object({ jobId }).strict(),
};
