import { z } from 'zod';
import { FIELD_LIMITS } from '../../text';
import { baseRevision, maxUnits, noArgs } from '../common-schemas';
import { tableViewState } from '../table/schemas';

export const viewArgSchemas = {
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
};
