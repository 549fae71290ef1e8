// The table's rows counted by theme, status and priority, kept instead of recounted. A status
// filter's total or a facet menu at a million rows was a count over every row in scope (about
// a second); with these counts it is a sum over the themes in scope (a few hundred thousand
// small rows at most, usually far fewer). The counts are kept by triggers, so every write that
// moves a row or a value — a save, an import, a version update moving the reader's values, a
// purge (its rows go by cascade), a rollback of any of them — changes them in its own
// transaction: no code path can forget them, and none can leave them out of date.
//
// One row per (plan, theme, status, priority) with at least one initiative: `n` initiatives of
// the table (initiative_sort_keys) whose reader's state has that status and priority. An unset
// value (no state row, or NULL) is kept as '' (status keys start with a letter, and priority is
// one of three words), so it can be part of the key and summed like any other.
import type { Migration } from '../migrate';

/** The key of a row's count: the theme (and plan) of an initiative, and a status and priority. */
interface Key {
  initiative: string;
  status: string;
  priority: string;
}

const themeOf = (initiative: string) => `SELECT plan_id, theme_id FROM initiative_sort_keys WHERE initiative_id = ${initiative}`;

/** One initiative counted under (status, priority): nothing when it is not in the table. */
function add(k: Key & { at?: string }): string {
  return `INSERT INTO initiative_counts (plan_id, theme_id, status, priority, n)
      SELECT plan_id, theme_id, ${k.status}, ${k.priority}, 1 FROM (${k.at ?? themeOf(k.initiative)}) WHERE true
      ON CONFLICT (plan_id, theme_id, status, priority) DO UPDATE SET n = n + 1;`;
}

/** One initiative no longer counted under (status, priority); a count that reaches 0 goes. */
function remove(k: Key): string {
  const where = `plan_id = (SELECT plan_id FROM (${themeOf(k.initiative)})) AND theme_id = (SELECT theme_id FROM (${themeOf(k.initiative)}))
      AND status = ${k.status} AND priority = ${k.priority}`;
  return `UPDATE initiative_counts SET n = n - 1 WHERE ${where};
    DELETE FROM initiative_counts WHERE ${where} AND n = 0;`;
}

const stateOf = (initiative: string, column: 'status' | 'priority') =>
  `ifnull((SELECT ${column} FROM user_initiative_state WHERE initiative_id = ${initiative}), '')`;

/** The same counts for each tag (initiative_tag_counts): the tags of `initiative`, or one tag,
 *  counted under (status, priority) at the initiative's theme. */
interface TagKey extends Key {
  /** One tag (an expression), or every tag the initiative has now. */
  tag?: string;
  /** Where its plan and theme come from, when not from its row (a row just deleted). */
  at?: string;
}

const placeOf = (k: TagKey) => k.at ?? themeOf(k.initiative);

function tagSource(k: TagKey): string {
  return k.tag
    ? `(${placeOf(k)}) JOIN (SELECT ${k.tag} AS tag)`
    : `(${placeOf(k)}) JOIN (SELECT tag FROM user_initiative_tags WHERE initiative_id = ${k.initiative})`;
}

function addTags(k: TagKey): string {
  return `INSERT INTO initiative_tag_counts (plan_id, theme_id, status, priority, tag, n)
      SELECT plan_id, theme_id, ${k.status}, ${k.priority}, tag, 1 FROM ${tagSource(k)} WHERE true
      ON CONFLICT (plan_id, theme_id, status, priority, tag) DO UPDATE SET n = n + 1;`;
}

function removeTags(k: TagKey): string {
  // Every tag of the initiative counted once each (a tag given twice is two rows, as counted).
  return `INSERT INTO initiative_tag_counts (plan_id, theme_id, status, priority, tag, n)
      SELECT plan_id, theme_id, ${k.status}, ${k.priority}, tag, -1 FROM ${tagSource(k)} WHERE true
      ON CONFLICT (plan_id, theme_id, status, priority, tag) DO UPDATE SET n = n - 1;
    DELETE FROM initiative_tag_counts WHERE n = 0 AND plan_id = (SELECT plan_id FROM (${placeOf(k)}))
      AND theme_id = (SELECT theme_id FROM (${placeOf(k)})) AND status = ${k.status} AND priority = ${k.priority};`;
}

/** The counts as a plain GROUP BY gives them: the migration's build, and the tests' oracle. */
export const INITIATIVE_TAG_COUNTS_SQL = `
  SELECT k.plan_id AS plan_id, k.theme_id AS theme_id, ifnull(s.status, '') AS status, ifnull(s.priority, '') AS priority, g.tag AS tag, count(*) AS n
  FROM user_initiative_tags g JOIN initiative_sort_keys k ON k.initiative_id = g.initiative_id
  LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id
  GROUP BY k.plan_id, k.theme_id, ifnull(s.status, ''), ifnull(s.priority, ''), g.tag`;

export const INITIATIVE_COUNTS_SQL = `
  SELECT k.plan_id AS plan_id, k.theme_id AS theme_id, ifnull(s.status, '') AS status, ifnull(s.priority, '') AS priority, count(*) AS n
  FROM initiative_sort_keys k LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id
  GROUP BY k.plan_id, k.theme_id, ifnull(s.status, ''), ifnull(s.priority, '')`;

export const initiativeCounts: Migration = {
  version: 12,
  name: 'initiative-counts',
  up(db) {
    const row = (initiative: string) => ({
      initiative,
      status: stateOf(initiative, 'status'),
      priority: stateOf(initiative, 'priority'),
    });
    const unset = (initiative: string) => ({ initiative, status: "''", priority: "''" });
    const gone = { at: 'SELECT OLD.plan_id AS plan_id, OLD.theme_id AS theme_id' };
    const placed = { at: 'SELECT NEW.plan_id AS plan_id, NEW.theme_id AS theme_id' };
    const values = (rec: 'OLD' | 'NEW') => ({
      initiative: `${rec}.initiative_id`,
      status: `ifnull(${rec}.status, '')`,
      priority: `ifnull(${rec}.priority, '')`,
    });
    db.exec(`
      CREATE TABLE initiative_counts (
        plan_id  TEXT NOT NULL,
        theme_id TEXT NOT NULL,
        status   TEXT NOT NULL,
        priority TEXT NOT NULL,
        n        INTEGER NOT NULL,
        PRIMARY KEY (plan_id, theme_id, status, priority)
      ) STRICT, WITHOUT ROWID;
      -- A status filter's total: the counts of that status alone.
      CREATE INDEX initiative_counts_by_status ON initiative_counts (status, priority, plan_id, theme_id, n);
      INSERT INTO initiative_counts (plan_id, theme_id, status, priority, n) ${INITIATIVE_COUNTS_SQL};
      -- The same for each tag: the tags menu, and a filter on one tag.
      CREATE TABLE initiative_tag_counts (
        plan_id  TEXT NOT NULL,
        theme_id TEXT NOT NULL,
        status   TEXT NOT NULL,
        priority TEXT NOT NULL,
        tag      TEXT NOT NULL,
        n        INTEGER NOT NULL,
        PRIMARY KEY (plan_id, theme_id, status, priority, tag)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO initiative_tag_counts (plan_id, theme_id, status, priority, tag, n) ${INITIATIVE_TAG_COUNTS_SQL};

      -- A row enters or leaves the table (import, purge by cascade) under its reader's values.
      -- An import's rows have no values yet (the common case, one upsert); an item whose
      -- plan was purged and imported again finds the values it kept.
      CREATE TRIGGER initiative_counts_row_in AFTER INSERT ON initiative_sort_keys
      WHEN NOT EXISTS (SELECT 1 FROM user_initiative_state WHERE initiative_id = NEW.initiative_id)
        AND NOT EXISTS (SELECT 1 FROM user_initiative_tags WHERE initiative_id = NEW.initiative_id) BEGIN
        INSERT INTO initiative_counts (plan_id, theme_id, status, priority, n) VALUES (NEW.plan_id, NEW.theme_id, '', '', 1)
          ON CONFLICT (plan_id, theme_id, status, priority) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER initiative_counts_row_in_valued AFTER INSERT ON initiative_sort_keys
      WHEN EXISTS (SELECT 1 FROM user_initiative_state WHERE initiative_id = NEW.initiative_id)
        OR EXISTS (SELECT 1 FROM user_initiative_tags WHERE initiative_id = NEW.initiative_id) BEGIN
        ${add({ ...row('NEW.initiative_id'), ...placed })}
        ${addTags({ ...row('NEW.initiative_id'), ...placed })}
      END;
      CREATE TRIGGER initiative_counts_row_out AFTER DELETE ON initiative_sort_keys BEGIN
        INSERT INTO initiative_counts (plan_id, theme_id, status, priority, n)
          VALUES (OLD.plan_id, OLD.theme_id, ${stateOf('OLD.initiative_id', 'status')}, ${stateOf('OLD.initiative_id', 'priority')}, -1)
          ON CONFLICT (plan_id, theme_id, status, priority) DO UPDATE SET n = n - 1;
        DELETE FROM initiative_counts WHERE plan_id = OLD.plan_id AND theme_id = OLD.theme_id AND n = 0;
        ${removeTags({ ...row('OLD.initiative_id'), ...gone })}
      END;
      CREATE TRIGGER initiative_counts_row_moved AFTER UPDATE OF plan_id, theme_id ON initiative_sort_keys
      WHEN OLD.plan_id IS NOT NEW.plan_id OR OLD.theme_id IS NOT NEW.theme_id BEGIN
        INSERT INTO initiative_counts (plan_id, theme_id, status, priority, n)
          VALUES (OLD.plan_id, OLD.theme_id, ${stateOf('OLD.initiative_id', 'status')}, ${stateOf('OLD.initiative_id', 'priority')}, -1)
          ON CONFLICT (plan_id, theme_id, status, priority) DO UPDATE SET n = n - 1;
        DELETE FROM initiative_counts WHERE plan_id = OLD.plan_id AND theme_id = OLD.theme_id AND n = 0;
        ${removeTags({ ...row('OLD.initiative_id'), ...gone })}
        ${add(row('NEW.initiative_id'))}
        ${addTags(row('NEW.initiative_id'))}
      END;

      -- The reader's values of a row change: it moves from one count to another.
      CREATE TRIGGER initiative_counts_state_in AFTER INSERT ON user_initiative_state
      WHEN NEW.status IS NOT NULL OR NEW.priority IS NOT NULL BEGIN
        ${remove(unset('NEW.initiative_id'))}
        ${removeTags(unset('NEW.initiative_id'))}
        ${add(values('NEW'))}
        ${addTags(values('NEW'))}
      END;
      CREATE TRIGGER initiative_counts_state_out AFTER DELETE ON user_initiative_state
      WHEN OLD.status IS NOT NULL OR OLD.priority IS NOT NULL BEGIN
        ${remove(values('OLD'))}
        ${removeTags(values('OLD'))}
        ${add(unset('OLD.initiative_id'))}
        ${addTags(unset('OLD.initiative_id'))}
      END;
      CREATE TRIGGER initiative_counts_state_changed AFTER UPDATE OF initiative_id, status, priority ON user_initiative_state
      WHEN OLD.initiative_id IS NEW.initiative_id AND (OLD.status IS NOT NEW.status OR OLD.priority IS NOT NEW.priority) BEGIN
        ${remove(values('OLD'))}
        ${removeTags(values('OLD'))}
        ${add(values('NEW'))}
        ${addTags(values('NEW'))}
      END;
      -- The values moved to another initiative (whose row had none: the id is the key).
      CREATE TRIGGER initiative_counts_state_moved AFTER UPDATE OF initiative_id ON user_initiative_state
      WHEN OLD.initiative_id IS NOT NEW.initiative_id BEGIN
        ${remove(values('OLD'))}
        ${removeTags(values('OLD'))}
        ${add(unset('OLD.initiative_id'))}
        ${addTags(unset('OLD.initiative_id'))}
        ${remove(unset('NEW.initiative_id'))}
        ${removeTags(unset('NEW.initiative_id'))}
        ${add(values('NEW'))}
        ${addTags(values('NEW'))}
      END;

      -- A tag given or taken: counted under the initiative's place and values.
      CREATE TRIGGER initiative_counts_tag_in AFTER INSERT ON user_initiative_tags BEGIN
        ${addTags({ ...row('NEW.initiative_id'), tag: 'NEW.tag' })}
      END;
      CREATE TRIGGER initiative_counts_tag_out AFTER DELETE ON user_initiative_tags BEGIN
        ${removeTags({ ...row('OLD.initiative_id'), tag: 'OLD.tag' })}
      END;
      CREATE TRIGGER initiative_counts_tag_changed AFTER UPDATE OF initiative_id, tag ON user_initiative_tags
      WHEN OLD.initiative_id IS NOT NEW.initiative_id OR OLD.tag IS NOT NEW.tag BEGIN
        ${removeTags({ ...row('OLD.initiative_id'), tag: 'OLD.tag' })}
        ${addTags({ ...row('NEW.initiative_id'), tag: 'NEW.tag' })}
      END;
    `);
  },
};
