// Briefing packets: the reader's packet definitions (cover, sources, order, options), kept as
// one JSON document each with a revision, like the saved views. User data: no foreign key into
// plan content (a packet naming a plan that is gone still opens; resolving it reports the
// source as missing).
import type { Migration } from '../migrate';

export const packets: Migration = {
  version: 9,
  name: 'packets',
  up(db) {
    db.exec(`
      CREATE TABLE user_packets (
        id              INTEGER PRIMARY KEY,
        definition_json TEXT NOT NULL,
        revision        INTEGER NOT NULL CHECK (revision >= 1),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
    `);
  },
};
