// Argument schemas of the storage methods (merged into argSchemas; core router only).
import { z } from 'zod';
import { BACKUP_NAME_PATTERN, type StorageMethods } from './methods';

const noArgs = z.object({}).strict();

export const storageArgSchemas = {
  'storage.status': noArgs,
  'storage.check': noArgs,
  'storage.backups': noArgs,
  'storage.backupNow': noArgs,
  // A bare file name as listed by storage.backups: no folder, so no path can reach outside backups/.
  'storage.restore': z
    .object({ name: z.string().max(120).regex(BACKUP_NAME_PATTERN, 'must be the name of a backup listed by storage.backups') })
    .strict(),
  // Moving the reader's file aside happens only when they said so.
  'storage.quarantineAndStartNew': z.object({ confirm: z.literal(true) }).strict(),
  'storage.cancelOpening': noArgs,
  'storage.openLibrary': noArgs,
} satisfies { [M in keyof StorageMethods]: z.ZodType<StorageMethods[M]['args']> };
