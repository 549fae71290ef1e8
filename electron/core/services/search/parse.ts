// The query as search everywhere reads it (shared/search/query.ts), each needle normalized as
// the texts are (normalize.ts), so a hit is a plain substring match.
import { readQuery, type ParsedQuery } from '../../../../shared/search/query';
import { normalizeForSearch } from '../../search/normalize';

export { singular, type ParsedQuery } from '../../../../shared/search/query';

export function parseQuery(typed: string): ParsedQuery {
  return readQuery(typed, normalizeForSearch);
}
