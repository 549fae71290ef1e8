// The search index's keys that may not be a row of the plan their id's prefix names, kept by
// triggers in every write's transaction, so a table page deep in a search's hits can count the
// hits plan by plan off the hit set's own key order (services/table/skip.ts hitsByPlan).
//
// An initiative's id starts with its plan's id and a '/' (the importer prefixes it so), and the
// hit set (services/table/hits.ts) is kept in key order: the hits of plan P are then the hit set's
// keys from 'P/' up to 'P0' ('0' follows '/'), counted by stepping through that range, with no
// lookup of each hit's row. Looking each one up cost about 1 µs a hit (at a million initiatives
// 低空's 176,000 hits: 170 ms of CPU, 数's 662,000: 340–520 ms). But the prefix is not always the
// plan: a later version of a plan can carry an earlier version's ids (plan/store-imported.ts
// inheritIds), and the documents of the reader's fields stay when their initiative goes (reader
// data is never dropped with a plan). So every text key with a '/' that has documents here, or a
// reader's record, and no row of initiative_sort_keys in the plan its prefix names is named in
// search_stray_keys; the count looks up only the hits named here (usually none) and moves each
// to its row's plan.
//
// Named here (a superset: a key named that has since become a row of its prefix's plan costs a
// lookup, nothing more), by what writes the keys the documents are written under:
// - a row of initiative_sort_keys leaving, or moving (its key may keep documents: the reader's);
// - a row written whose id is not under its plan's id, with a '/' or without (a plan's own
//   documents are written for its rows, just after them in the same import or rebuild; an id
//   without a '/' is in no plan's range);
// - a reader's record (user_initiative_state, user_initiative_tags: the reader's documents are
//   written from them) written or moved under a key that is not a row of its prefix's plan.
// Un-named: a key when a row of its prefix's plan is written under it, or when its last
// document goes and no reader's record nor row is under it. No trigger writes on a document's insert:
// the first INSERT trigger on search_doc_ids made each insert of an import open a statement
// journal (about 10 ms of CPU more for a plan of 50 initiatives, half its import), even one
// whose WHEN never held; the tables named above have such triggers already. Not INSERT OR
// IGNORE: the conflict clause of the statement firing a trigger overrides the trigger's own (as
// 0018 notes).
import type { Migration } from '../migrate';

/** The part of a key before its first '/' (the empty text without one). */
const prefix = (key: string) => `substr(${key}, 1, instr(${key}, '/') - 1)`;
/** A text key with a '/': the only keys a plan's range can hold. */
const ranged = (key: string) => `typeof(${key}) = 'text' AND instr(${key}, '/') > 0`;
/** The key is a row of the plan its prefix names. */
const placed = (key: string) =>
  `EXISTS (SELECT 1 FROM initiative_sort_keys k WHERE k.initiative_id = ${key} AND k.plan_id = ${prefix(key)})`;
const hasDocs = (key: string) => `EXISTS (SELECT 1 FROM search_doc_ids d WHERE d.key = ${key})`;
const name = (key: string) =>
  `INSERT INTO search_stray_keys (key) SELECT ${key} WHERE NOT EXISTS (SELECT 1 FROM search_stray_keys s WHERE s.key = ${key})`;
const unname = (key: string) => `DELETE FROM search_stray_keys WHERE key = ${key}`;

const hasRecord = (key: string) =>
  `(EXISTS (SELECT 1 FROM user_initiative_state u WHERE u.initiative_id = ${key}) OR EXISTS (SELECT 1 FROM user_initiative_tags g WHERE g.initiative_id = ${key}))`;

/** The keys that must be named (documents or a reader's record, no row of their prefix's plan;
 *  a row not under its plan's id, with a '/' or without, where no plan's range holds it): the
 *  tests' oracle (the table may name more). */
export const STRAY_KEYS_SQL = `
  SELECT v.key AS key FROM (
    SELECT d.key AS key FROM search_doc_ids d WHERE ${ranged('d.key')}
    UNION SELECT initiative_id FROM user_initiative_state WHERE ${ranged('initiative_id')}
    UNION SELECT initiative_id FROM user_initiative_tags WHERE ${ranged('initiative_id')}) v
  WHERE NOT ${placed('v.key')}
  UNION SELECT initiative_id FROM initiative_sort_keys WHERE plan_id IS NOT ${prefix('initiative_id')}`;

/** A reader's record written under a key (its documents follow). */
const recordTriggers = (table: string) => `
      CREATE TRIGGER search_stray_keys_${table}_in AFTER INSERT ON ${table}
      WHEN ${ranged('NEW.initiative_id')} AND NOT ${placed('NEW.initiative_id')} BEGIN
        ${name('NEW.initiative_id')};
      END;
      CREATE TRIGGER search_stray_keys_${table}_moved AFTER UPDATE OF initiative_id ON ${table}
      WHEN ${ranged('NEW.initiative_id')} AND NOT ${placed('NEW.initiative_id')} BEGIN
        ${name('NEW.initiative_id')};
      END;`;

export const straySearchKeys: Migration = {
  version: 19,
  name: 'stray-search-keys',
  up(db) {
    db.exec(`
      CREATE TABLE search_stray_keys (key TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      -- The documents' keys read once each off their (key, field) index, then the records'.
      INSERT INTO search_stray_keys (key)
        SELECT v.key FROM (SELECT DISTINCT d.key AS key FROM search_doc_ids d WHERE ${ranged('d.key')}) v WHERE NOT ${placed('v.key')};
      ${['user_initiative_state', 'user_initiative_tags']
        .map(
          (t) => `INSERT INTO search_stray_keys (key)
        SELECT DISTINCT r.initiative_id FROM ${t} r WHERE ${ranged('r.initiative_id')} AND NOT ${placed('r.initiative_id')}
          AND NOT EXISTS (SELECT 1 FROM search_stray_keys s WHERE s.key = r.initiative_id);`,
        )
        .join('\n      ')}
      INSERT INTO search_stray_keys (key)
        SELECT k.initiative_id FROM initiative_sort_keys k WHERE k.plan_id IS NOT ${prefix('k.initiative_id')}
          AND NOT EXISTS (SELECT 1 FROM search_stray_keys s WHERE s.key = k.initiative_id);

      -- Only a key already named is looked at: one seek of this (small) table per document gone.
      CREATE TRIGGER search_stray_keys_doc_out AFTER DELETE ON search_doc_ids
      WHEN EXISTS (SELECT 1 FROM search_stray_keys s WHERE s.key = OLD.key) AND NOT ${hasDocs('OLD.key')} AND NOT ${hasRecord('OLD.key')}
        AND NOT EXISTS (SELECT 1 FROM initiative_sort_keys k WHERE k.initiative_id = OLD.key) BEGIN
        ${unname('OLD.key')};
      END;
      ${recordTriggers('user_initiative_state')}
      ${recordTriggers('user_initiative_tags')}

      CREATE TRIGGER search_stray_keys_row_placed AFTER INSERT ON initiative_sort_keys
      WHEN NEW.plan_id = ${prefix('NEW.initiative_id')} BEGIN
        ${unname('NEW.initiative_id')};
      END;
      CREATE TRIGGER search_stray_keys_row_astray AFTER INSERT ON initiative_sort_keys
      WHEN NEW.plan_id IS NOT ${prefix('NEW.initiative_id')} BEGIN
        ${name('NEW.initiative_id')};
      END;
      CREATE TRIGGER search_stray_keys_row_out AFTER DELETE ON initiative_sort_keys BEGIN
        ${name('OLD.initiative_id')};
      END;
      -- As the old row gone and the new one written.
      CREATE TRIGGER search_stray_keys_row_moved AFTER UPDATE OF initiative_id, plan_id ON initiative_sort_keys
      WHEN OLD.initiative_id IS NOT NEW.initiative_id OR OLD.plan_id IS NOT NEW.plan_id BEGIN
        ${name('OLD.initiative_id')};
        ${unname('NEW.initiative_id')} AND NEW.plan_id = ${prefix('NEW.initiative_id')};
        ${name('NEW.initiative_id')} AND NEW.plan_id IS NOT ${prefix('NEW.initiative_id')};
      END;
    `);
  },
};
