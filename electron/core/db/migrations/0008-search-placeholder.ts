// Placeholder for version 8, the search migration of a parallel branch: it keeps the list
// contiguous until that migration is merged, which replaces this file and its line in index.ts.
import type { Migration } from '../migrate';

export const searchPlaceholder: Migration = { version: 8, name: 'search-placeholder', up() {} };
