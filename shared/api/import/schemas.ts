import { z } from 'zod';
import type { LevelKind } from '../../domain/document';
import { maxUnits, planId } from '../common-schemas';
import { MAX_IMPORT_FILE_BYTES } from './methods';

const LEVEL_KINDS = [
  'notice', 'attachment', 'part', 'chapter', 'section', 'article', 'headline', 'cn-comma',
  'decimal-1', 'decimal-2', 'decimal-3', 'decimal-4', 'di-comma', 'cn-paren', 'arabic',
  'arabic-paren', 'circled', 'task',
] as const satisfies readonly LevelKind[];

const previewId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be an id of 8-64 letters, digits or -');
// A file name only, never a path: nothing here opens a file by it.
const fileName = z
  .string()
  .min(1, 'must not be empty')
  .refine(...maxUnits(255))
  .refine((n) => !/[\\/]/.test(n) && !n.includes('\u0000'), 'must be a file name without folders');
const level = z.enum(LEVEL_KINDS).nullable();
// Base64 of a file at the size limit, with room to spare: the service checks the decoded size
// and names the file and the limit, which a length error here could not.
const MAX_BASE64 = 2 * Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const importArgSchemas = {
  'import.preview': z
    .object({
      previewId,
      fileName,
      dataBase64: z
        .string()
        .refine(...maxUnits(MAX_BASE64))
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      versionOf: planId.optional(),
    })
    .strict(),
  'import.cancel': z.object({ previewId }).strict(),
  'import.commit': z
    .object({
      previewId,
      choices: z
        .object({
          levels: z.object({ theme: level, item: level }).strict(),
          edits: z
            .array(z.object({ op: z.enum(['promote', 'demote', 'merge']), sectionId: z.string().max(80) }).strict())
            .max(10_000),
        })
        .strict(),
      versionOf: planId.optional(),
    })
    .strict(),
};
