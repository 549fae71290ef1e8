// The reader's status and priority indexes carry the initiative id too. A status filter, its
// row count and the status and priority facets join each state row to its initiative (a row
// whose plan was removed or put in the trash is not in the table); with the id in the index
// that join reads the index alone instead of also looking up each state row in its table.
// Same names, so nothing that names them changes.
import type { Migration } from '../migrate';

export const tableFacetIndexes: Migration = {
  version: 10,
  name: 'table-facet-indexes',
  up(db) {
    db.exec(`
      DROP INDEX user_initiative_state_by_status;
      CREATE INDEX user_initiative_state_by_status ON user_initiative_state (status, initiative_id);
      DROP INDEX user_initiative_state_by_priority;
      CREATE INDEX user_initiative_state_by_priority ON user_initiative_state (priority, initiative_id);
    `);
  },
};
