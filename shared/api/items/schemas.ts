import { z } from 'zod';
import { PRIORITIES } from '../../domain/table';
import { FIELD_LIMITS } from '../../text';
import { baseRevision, calendarDate, initiativeId, readerText, statusKey, tagList } from '../common-schemas';

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

export const itemArgSchemas = {
  'initiative.get': z.object({ initiativeId }).strict(),
  'initiative.update': z.object({ initiativeId, baseRevision, patch: initiativePatch }).strict(),
};
