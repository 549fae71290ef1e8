import { z } from 'zod';
import { maxUnits, planId } from '../common-schemas';
import { ANNOTATION_EXPORT_FORMATS, MAX_ANNOTATION_FILE_CHARS } from './methods';

// A file name only, never a path: nothing opens a file by it; it names the file in messages.
const fileName = z
  .string()
  .min(1, 'must not be empty')
  .refine(...maxUnits(255))
  .refine((n) => !/[\\/]/.test(n) && !n.includes('\u0000'), 'must be a file name without folders');

export const annotationExchangeArgSchemas = {
  'annotation.export': z.object({ format: z.enum(ANNOTATION_EXPORT_FORMATS), planId: planId.optional(), language: z.enum(['zh', 'en']).optional() }).strict(),
  'annotation.import': z.object({ fileName, text: z.string().refine(...maxUnits(MAX_ANNOTATION_FILE_CHARS)) }).strict(),
};
