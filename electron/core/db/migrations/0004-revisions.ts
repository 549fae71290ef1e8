// Every user record gets a revision: optimistic concurrency for the reader's data. A write
// names the revision it was made on; a write made on an older one is refused with the current
// value (a CONFLICT the reader resolves) instead of silently overwriting what another window,
// tab or process stored meanwhile. Records stored before this step start at revision 1; a
// record that does not exist is revision 0. An initiative's tags are part of its
// user_initiative_state record (the revision there covers them).
import type { Migration } from '../migrate';

export const revisions: Migration = {
  version: 4,
  name: 'revisions',
  up(db) {
    db.exec(`
      ALTER TABLE user_initiative_state ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
      ALTER TABLE user_saved_views ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
      ALTER TABLE user_settings ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
      ALTER TABLE user_annotations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
    `);
  },
};
