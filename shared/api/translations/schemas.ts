import { z } from 'zod';
import type { PlanTranslation } from '../../domain/translation';
import { languageTag, maxUnits, planId } from '../common-schemas';

export const translationArgSchemas = {
  'translation.template': z.object({ planId, language: languageTag }).strict(),
  'translation.attach': z
    .object({ planId, fileName: z.string().min(1).refine(...maxUnits(255)), text: z.string().refine(...maxUnits(20_000_000)) })
    .strict(),
};

const nonBlank = z.string().trim().min(1, 'must not be empty');
/** A plan translation file (the embedded plan's ships in resources/plans/*.<lang>.json; a
 *  reader attaches one with translation.attach), before its ids are checked against the plan. */
export const planTranslation: z.ZodType<PlanTranslation> = z
  .object({
    planId: nonBlank,
    language: languageTag,
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

