import { z } from 'zod';
import { FIELD_LIMITS } from '../../text';
import { baseRevision, maxUnits, planId, tagList } from '../common-schemas';

const title = z
  .string()
  .trim()
  .min(1, 'must not be empty (use null to go back to the plan’s own title)')
  .refine(...maxUnits(FIELD_LIMITS.planTitle));

export const libraryArgSchemas = {
  'library.list': z.object({ trash: z.boolean().optional() }).strict(),
  'library.update': z
    .object({
      planId,
      baseRevision,
      patch: z
        .object({ title: title.nullable().optional(), tags: tagList.optional() })
        .strict()
        .refine((p) => Object.keys(p).length > 0, 'must change at least one field'),
    })
    .strict(),
  'library.trash': z.object({ planId, baseRevision, confirm: z.boolean().optional() }).strict(),
  'library.restore': z.object({ planId, baseRevision }).strict(),
  'library.purge': z.object({ planId, baseRevision }).strict(),
};
