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
import { readStatusOptions } from './status-options';
import { tableRows } from './table/query';

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

export function updateInitiative(
  db: Db,
  initiativeId: string,
  baseRevision: number,
  patch: Partial<InitiativeFields>,
  now = new Date(),
): InitiativeRow {
  writeTransaction(db, () => {
    if (prepared(db, 'SELECT 1 AS found FROM initiatives WHERE id = ?').get(initiativeId) === undefined) {
      throw new AppError('NOT_FOUND', `No initiative with id ${initiativeId}`);
    }
    const current = prepared(
      db,
      `SELECT revision, status, priority, lead_unit AS leadUnit, responsible_units AS responsibleUnits, deadline,
         progress_note AS progressNote FROM user_initiative_state WHERE initiative_id = ?`,
    ).get(initiativeId) as (StateFields & { revision: number }) | undefined;
    const revision = current?.revision ?? 0;
    if (revision !== baseRevision) {
      throw new StaleWriteError(
        `initiative.update: ${initiativeId} was changed elsewhere (it is at revision ${revision}, this edit was ` +
          `made on revision ${baseRevision}); nothing was saved.`,
        tableRows(db, [initiativeId])[0]!,
      );
    }
    if (patch.status != null) {
      const keys = readStatusOptions(db).map((o) => o.key);
      if (!keys.includes(patch.status)) {
        throw new AppError(
          'BAD_REQUEST',
          `initiative.update: status “${patch.status}” is not one of the configured statuses (${keys.join(', ')})`,
        );
      }
    }
    const changed = STATE_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== (current?.[f] ?? null));
    writeState(db, initiativeId, current !== undefined, changed, patch, now.toISOString());
    const reindex: ReaderTextFields = {};
    for (const f of TEXT_FIELDS) if (changed.includes(f)) reindex[f] = patch[f];
    if (patch.tags !== undefined && writeTags(db, initiativeId, patch.tags)) reindex.tags = patch.tags;
    indexReaderFields(db, initiativeId, reindex);
    ensureTextSortKeys(db, TEXT_FIELDS.filter((f) => changed.includes(f)).map((f) => patch[f]));
  });
  return tableRows(db, [initiativeId])[0]!;
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
