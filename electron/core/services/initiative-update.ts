// initiative.update: the reader's own fields on an initiative (user data). The fields and tags
// are one record with one revision: an update names the revision it was made on, and one made
// on an older revision is refused with the current row (StaleWriteError) before anything is
// written. One IMMEDIATE transaction checks the revision and writes the fields, the tags, the
// search documents of the reader's text and the sort ranks of
// any new text value; the fresh row is read only after it commits. Nothing here touches plan
// content: the plan's own text is not editable.
import { AppError, StaleWriteError } from '../../../shared/api/result';
import type { InitiativeFields, InitiativeRow } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { ensureTextSortKeys } from '../collation/text-sort-keys';
import { indexReaderFields } from '../search/initiative-docs';
import { readStatusOptions } from './status-options';
import { tableRows } from './table/query';

type StateFields = Omit<InitiativeFields, 'tags'>;
const STATE_FIELDS = ['status', 'priority', 'leadUnit', 'responsibleUnits', 'deadline', 'progressNote'] as const;

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
    const stored = prepared(db, 'SELECT revision FROM user_initiative_state WHERE initiative_id = ?').get(initiativeId) as
      | { revision: number }
      | undefined;
    const revision = stored?.revision ?? 0;
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
    const current = prepared(
      db,
      `SELECT status, priority, lead_unit AS leadUnit, responsible_units AS responsibleUnits, deadline,
         progress_note AS progressNote FROM user_initiative_state WHERE initiative_id = ?`,
    ).get(initiativeId) as StateFields | undefined;
    const next: StateFields = {
      status: null,
      priority: null,
      leadUnit: null,
      responsibleUnits: null,
      deadline: null,
      progressNote: null,
      ...current,
    };
    for (const field of STATE_FIELDS) {
      if (patch[field] !== undefined) (next as Record<string, unknown>)[field] = patch[field];
    }
    prepared(
      db,
      `INSERT INTO user_initiative_state (initiative_id, status, priority, lead_unit, responsible_units, deadline,
         progress_note, touched_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (initiative_id) DO UPDATE SET status = excluded.status, priority = excluded.priority,
         lead_unit = excluded.lead_unit, responsible_units = excluded.responsible_units,
         deadline = excluded.deadline, progress_note = excluded.progress_note, touched_at = excluded.touched_at,
         revision = revision + 1`,
    ).run(
      initiativeId,
      next.status,
      next.priority,
      next.leadUnit,
      next.responsibleUnits,
      next.deadline,
      next.progressNote,
      now.toISOString(),
    );
    if (patch.tags !== undefined) {
      prepared(db, 'DELETE FROM user_initiative_tags WHERE initiative_id = ?').run(initiativeId);
      const insert = prepared(db, 'INSERT INTO user_initiative_tags (initiative_id, tag) VALUES (?, ?)');
      for (const tag of patch.tags) insert.run(initiativeId, tag);
    }
    const textChanged = (['leadUnit', 'responsibleUnits', 'progressNote', 'tags'] as const).some((f) => patch[f] !== undefined);
    if (textChanged) {
      const tags = (
        prepared(db, 'SELECT tag FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid').all(initiativeId) as {
          tag: string;
        }[]
      ).map((r) => r.tag);
      indexReaderFields(db, initiativeId, { ...next, tags });
      ensureTextSortKeys(db, [next.leadUnit, next.responsibleUnits, next.progressNote]);
    }
  });
  return tableRows(db, [initiativeId])[0]!;
}
