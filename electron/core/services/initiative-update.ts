// initiative.update: the reader's own fields on an initiative (user data). The fields and tags
// are one record with one revision: an update names the revision it was made on, and one made
// on an older revision is refused with the current row (StaleWriteError) before anything is
// written. One IMMEDIATE transaction checks the revision and writes the fields, the tags, the
// search documents of the reader's text and the sort ranks of any new text value; the fresh row
// is read only after it commits. Nothing here touches plan content: the plan's own text is not
// editable.
//
// A save should cost about what the raw UPDATE and its commit cost, so it writes only what the
// patch changes: the UPDATE names only the changed columns (SQLite rewrites the entries of every
// index on a column named in SET, changed or not, and each is a page of the commit), and only a
// text field whose value changed is indexed again and ranked. The revision and touched_at move
// on every save, changed or not: the reader acted on that revision.
import { AppError, StaleWriteError } from '../../../shared/api/result';
import type { InitiativeFields, InitiativeRow } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { ensureTextSortKeys } from '../collation/text-sort-keys';
import { indexReaderFields, type ReaderTextFields } from '../search/initiative-docs';
import { readStatusOptions, STATUS_OPTIONS_KEY } from './status-options';
import { readSetting } from './settings';
import { tableRows } from './table/query';
import { ROW_COLUMNS, ROW_JOINS, toRows } from './table/rows';

type StateFields = Omit<InitiativeFields, 'tags'>;
const STATE_COLUMNS = {
  status: 'status',
  priority: 'priority',
  leadUnit: 'lead_unit',
  responsibleUnits: 'responsible_units',
  deadline: 'deadline',
  progressNote: 'progress_note',
} as const satisfies Record<keyof StateFields, string>;
const STATE_FIELDS = Object.keys(STATE_COLUMNS) as (keyof StateFields)[];
/** The free-text fields: indexed for search and ranked for sorting. */
const TEXT_FIELDS = ['leadUnit', 'responsibleUnits', 'progressNote'] as const;

/** The initiative (undefined: there is none) and the reader's state on it (revision null: never
 *  edited), in one statement. */
const CURRENT_SQL = `
  SELECT s.revision AS revision, s.status AS status, s.priority AS priority, s.lead_unit AS leadUnit,
    s.responsible_units AS responsibleUnits, s.deadline AS deadline, s.progress_note AS progressNote
  FROM initiatives i LEFT JOIN user_initiative_state s ON s.initiative_id = i.id
  WHERE i.id = ?`;
type Current = { [F in keyof StateFields]: StateFields[F] | null } & { revision: number | null };

/** The fresh row of one initiative: the table's row columns by primary key (tableRows goes
 *  through json_each for any number of ids, which a one-row read of every save would pay). */
const ROW_SQL = `SELECT ${ROW_COLUMNS} FROM initiatives i ${ROW_JOINS} WHERE i.id = ?`;

export function updateInitiative(
  db: Db,
  initiativeId: string,
  baseRevision: number,
  patch: Partial<InitiativeFields>,
  now = new Date(),
): InitiativeRow {
  writeTransaction(db, () => {
    const current = prepared(db, CURRENT_SQL).get(initiativeId) as Current | undefined;
    if (current === undefined) throw new AppError('NOT_FOUND', `No initiative with id ${initiativeId}`);
    const exists = current.revision !== null;
    const revision = current.revision ?? 0;
    if (revision !== baseRevision) {
      throw new StaleWriteError(
        `initiative.update: ${initiativeId} was changed elsewhere (it is at revision ${revision}, this edit was ` +
          `made on revision ${baseRevision}); nothing was saved.`,
        tableRows(db, [initiativeId])[0]!,
      );
    }
    const changed = STATE_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== current[f]);
    // An unchanged status is one already checked when it was stored.
    if (patch.status != null && changed.includes('status')) checkStatus(db, patch.status);
    writeState(db, initiativeId, exists, changed, patch, now.toISOString());
    let reindex: ReaderTextFields | undefined;
    let ranked: string[] | undefined;
    for (const f of TEXT_FIELDS) {
      if (!changed.includes(f)) continue;
      (reindex ??= {})[f] = patch[f];
      if (patch[f] != null) (ranked ??= []).push(patch[f]);
    }
    if (patch.tags !== undefined && writeTags(db, initiativeId, patch.tags)) (reindex ??= {}).tags = patch.tags;
    if (reindex) indexReaderFields(db, initiativeId, reindex);
    if (ranked) ensureTextSortKeys(db, ranked);
  });
  // After the commit: the row as stored, what the reader sees next.
  return toRows([prepared(db, ROW_SQL).get(initiativeId)])[0]!;
}

/** The configured status keys, parsed once per stored value of the setting (a status save
 *  reads the setting's row, not its JSON through the schema). */
const statusKeys = new WeakMap<Db, { value: string | null; keys: readonly string[] }>();

function checkStatus(db: Db, status: string): void {
  const value = readSetting(db, STATUS_OPTIONS_KEY)?.value ?? null;
  let known = statusKeys.get(db);
  if (known?.value !== value) {
    known = { value, keys: readStatusOptions(db).map((o) => o.key) };
    statusKeys.set(db, known);
  }
  if (!known.keys.includes(status)) {
    throw new AppError(
      'BAD_REQUEST',
      `initiative.update: status “${status}” is not one of the configured statuses (${known.keys.join(', ')})`,
    );
  }
}

/** The state row: the changed columns of an existing one (touched_at and the revision always),
 *  or a new row at revision 1. */
function writeState(
  db: Db,
  initiativeId: string,
  exists: boolean,
  changed: readonly (keyof StateFields)[],
  patch: Partial<InitiativeFields>,
  touchedAt: string,
): void {
  if (exists) {
    // One statement per set of changed columns, in a fixed order: a handful of shapes in use.
    const sets = changed.map((f) => `${STATE_COLUMNS[f]} = ?, `).join('');
    prepared(db, `UPDATE user_initiative_state SET ${sets}touched_at = ?, revision = revision + 1 WHERE initiative_id = ?`).run(
      ...changed.map((f) => patch[f]),
      touchedAt,
      initiativeId,
    );
    return;
  }
  prepared(
    db,
    `INSERT INTO user_initiative_state (initiative_id, status, priority, lead_unit, responsible_units, deadline,
       progress_note, touched_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(initiativeId, ...STATE_FIELDS.map((f) => patch[f] ?? null), touchedAt);
}

/** Replaces the initiative's tags when they differ from `tags` (order included). Returns whether
 *  they did. */
function writeTags(db: Db, initiativeId: string, tags: readonly string[]): boolean {
  // Plucked, as every caller of this statement plucks it: statements are shared by SQL text
  // (db/statements.ts) and pluck() changes the statement for every caller.
  const stored = prepared(db, 'SELECT tag FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid').pluck().all(initiativeId) as string[];
  if (stored.length === tags.length && stored.every((t, i) => t === tags[i])) return false;
  prepared(db, 'DELETE FROM user_initiative_tags WHERE initiative_id = ?').run(initiativeId);
  const insert = prepared(db, 'INSERT INTO user_initiative_tags (initiative_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(initiativeId, tag);
  return true;
}
