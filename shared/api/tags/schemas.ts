import { noArgs } from '../common-schemas';

export const tagArgSchemas = {
  'tags.list': noArgs,
};
