import { z } from 'zod';
import { baseRevision, initiativeId, planId } from '../common-schemas';

export const versionArgSchemas = {
  'version.list': z.object({ planId }).strict(),
  'version.unmatched': z.object({ planId }).strict(),
  'version.assign': z.object({ fromItemId: initiativeId, toItemId: initiativeId.nullable(), baseRevision }).strict(),
};
