import { z } from 'zod';
import { maxUnits } from '../common-schemas';
import { SETTING_KEYS } from './methods';

export const settingArgSchemas = {
  'settings.get': z.object({ key: z.enum(SETTING_KEYS) }).strict(),
  'settings.set': z.object({ key: z.enum(SETTING_KEYS), value: z.string().refine(...maxUnits(4096)).nullable() }).strict(),
};
