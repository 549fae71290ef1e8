import { noArgs } from '../common-schemas';

export const appArgSchemas = {
  'app.info': noArgs,
  'app.start': noArgs,
};
