import { z } from 'zod';
import { languageTag, noArgs, planId } from '../common-schemas';

export const planArgSchemas = {
  'plan.list': noArgs,
  'plan.get': z.object({ planId }).strict(),
  'plan.translation': z.object({ planId, language: languageTag }).strict(),
};
