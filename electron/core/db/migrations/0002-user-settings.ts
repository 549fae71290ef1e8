// First user-data table: reader preferences and UI state (last initiative opened, language,
// theme). Later user data (initiative status and fields, annotations, tags, saved views,
// packets) follows the same rule: user_* tables, keyed by stable plan-item ids, no foreign
// keys into plan content.
import type { Migration } from '../migrate';

export const userSettings: Migration = {
  version: 2,
  name: 'user-settings',
  up(db) {
    db.exec(`
      CREATE TABLE user_settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
