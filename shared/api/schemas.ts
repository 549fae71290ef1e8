// Argument schemas for every contract method. Used by the core router only: the sandboxed
// preload must not import this file (it would pull zod into the preload bundle).
import { z } from 'zod';
import { SETTING_KEYS, type ApiArgs, type ApiMethod } from './contract';

const noArgs = z.object({}).strict();
// Stable ids look like `hz-2024`, `hz-2024/T3`, `hz-2024/T3/I3`.
const planId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a plan id such as hz-2024');
const initiativeId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\/T\d{1,4}\/I\d{1,4}$/, 'must be an initiative id such as hz-2024/T3/I3');

export const argSchemas = {
  'app.info': noArgs,
  'plan.list': noArgs,
  'plan.get': z.object({ planId }).strict(),
  'initiative.get': z.object({ initiativeId }).strict(),
  'settings.get': z.object({ key: z.enum(SETTING_KEYS) }).strict(),
  'settings.set': z
    .object({ key: z.enum(SETTING_KEYS), value: z.string().max(4096).nullable() })
    .strict(),
} satisfies { [M in ApiMethod]: z.ZodType<ApiArgs<M>> };
