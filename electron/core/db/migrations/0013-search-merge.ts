// The search index's merging moves out of the writes (search/merge.ts holds the policy).
//
// With FTS5's automerge (2 since schema 11) a write that flushes a segment also merges, 64 × the
// levels pages for every 64 pages written, whichever levels have two segments: levels count
// merges, not pages, so a few hundred single-note saves carry into the level of a large segment
// and the saves rewrite it, a step at a time, inside their own transactions.
//   automerge 0 — a write merges nothing; the app merges in idle time (search/merge.ts).
//   usermerge 4 — the idle-time merge takes a level once it holds 4 segments (FTS5's default,
//     written here as the policy relies on it): a written page is merged about once per level,
//     log4 of the writes, and the large segment a full merge leaves is reached after 4^levels.
//   crisismerge stays 16: a level of 16 segments is merged in the write (a backstop, should the
//     app never be idle; the segments of the lowest level are small).
import type { Migration } from '../migrate';

export const searchMerge: Migration = {
  version: 13,
  name: 'search-merge',
  up(db) {
    db.exec(`
      INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0);
      INSERT INTO search_fts (search_fts, rank) VALUES ('usermerge', 4);
    `);
  },
};
