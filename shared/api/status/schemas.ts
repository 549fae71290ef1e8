import { z } from 'zod';
import { FIELD_LIMITS } from '../../text';
import { baseRevision, maxUnits, noArgs, statusKey, unique } from '../common-schemas';

const label = z.string().trim().min(1, 'must not be empty').refine(...maxUnits(FIELD_LIMITS.statusLabel));
export const statusOptions = z
  .array(z.object({ key: statusKey, label: z.object({ zh: label, en: label }).strict() }).strict())
  .min(1, 'must keep at least one status')
  .max(12, 'must have at most 12 statuses')
  .refine((options) => unique(options.map((o) => o.key)), 'must not use a status key twice');

export const statusArgSchemas = {
  'status.options': noArgs,
  'status.setOptions': z.object({ options: statusOptions, baseRevision }).strict(),
};
