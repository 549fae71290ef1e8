import { z } from 'zod';
import { planId } from '../common-schemas';

export const compareArgSchemas = {
  'compare.plans': z.object({ leftPlanId: planId, rightPlanId: planId }).strict(),
  'compare.export': z
    .object({ leftPlanId: planId, rightPlanId: planId, format: z.enum(['html', 'csv']), language: z.enum(['zh', 'en']) })
    .strict(),
};
