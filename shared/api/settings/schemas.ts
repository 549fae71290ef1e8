import { z } from 'zod';
import { maxUnits, noArgs } from '../common-schemas';
import { SETTING_KEYS } from './methods';

export const settingArgSchemas = {
  'settings.get': z.object({ key: z.enum(SETTING_KEYS) }).strict(),
  'settings.getAll': noArgs,
  'settings.set': z.object({ key: z.enum(SETTING_KEYS), value: z.string().refine(...maxUnits(4096)).nullable() }).strict(),
};
