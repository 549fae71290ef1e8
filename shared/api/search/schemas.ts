import { z } from 'zod';
import { baseRevision, maxUnits, noArgs, planId, statusKey, tag, themeId, unique } from '../common-schemas';

const SEARCH_TEXT_LIMIT = 500;
const text = z.string().refine(...maxUnits(SEARCH_TEXT_LIMIT));

export const searchFilters = z
  .object({
    planIds: z.array(planId).max(1000).refine(unique, 'must not name a plan twice').optional(),
    allVersions: z.boolean().optional(),
    themeIds: z.array(themeId).max(1000).refine(unique, 'must not name a theme twice').optional(),
    statuses: z.array(statusKey.nullable()).max(100).optional(),
    tags: z.array(tag).max(50).optional(),
    sources: z
      .array(z.enum(['plan', 'translation', 'notes']))
      .max(3)
      .refine(unique, 'must not name a source twice')
      .optional(),
  })
  .strict();

const savedQuery = z.object({ text, filters: searchFilters }).strict();
const savedName = z.string().trim().min(1, 'must not be empty').refine(...maxUnits(200));

export const searchArgSchemas = {
  'search.query': z
    .object({
      text,
      filters: searchFilters,
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(200),
    })
    .strict(),
  'search.recent': noArgs,
  'search.remember': z.object({ text: text.refine((s) => s.trim() !== '', 'must not be empty') }).strict(),
  'search.saved.list': noArgs,
  'search.saved.save': z
    .object({ id: z.number().int().min(1).optional(), baseRevision, name: savedName, query: savedQuery })
    .strict(),
  'search.saved.delete': z.object({ id: z.number().int().min(1), baseRevision }).strict(),
};
