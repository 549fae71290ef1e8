// The statuses a reader can give an initiative: configurable, kept as JSON under an internal
// setting, DEFAULT_STATUS_OPTIONS until the reader changes them. The list is one record with
// the setting's revision (0 while it is the defaults); a save names the revision it was made
// on. A status still in use cannot be removed (the initiatives would show a status nobody can
// pick or filter by).
import { AppError, StaleWriteError } from '../../../shared/api/result';
import { statusOptions as statusOptionsSchema } from '../../../shared/api/schemas';
import { DEFAULT_STATUS_OPTIONS, type StatusOption, type StatusOptionsRecord } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { placeholders } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { readSetting, setSetting } from './settings';

/** The internal setting that holds the list. */
export const STATUS_OPTIONS_KEY = 'table.statusOptions';
const KEY = STATUS_OPTIONS_KEY;

export function readStatusOptions(db: Db): StatusOption[] {
  return readStatusRecord(db).options;
}

export function readStatusRecord(db: Db): StatusOptionsRecord {
  const stored = readSetting(db, KEY);
  if (stored !== null) {
    try {
      const parsed = statusOptionsSchema.safeParse(JSON.parse(stored.value));
      if (parsed.success) return { options: parsed.data, revision: stored.revision };
    } catch {
      // Unreadable JSON: fall back to the defaults below rather than break the table.
    }
  }
  return {
    options: DEFAULT_STATUS_OPTIONS.map((o) => ({ key: o.key, label: { ...o.label } })),
    revision: stored?.revision ?? 0,
  };
}

export function setStatusOptions(db: Db, options: StatusOption[], baseRevision: number, now = new Date()): StatusOptionsRecord {
  return writeTransaction(db, () => {
    const current = readStatusRecord(db);
    if (current.revision !== baseRevision) {
      throw new StaleWriteError(
        `status.setOptions: the status list was changed elsewhere (it is at revision ${current.revision}, this ` +
          `edit was made on revision ${baseRevision}); nothing was saved.`,
        current,
      );
    }
    const kept = new Set(options.map((o) => o.key));
    const removed = current.options.map((o) => o.key).filter((k) => !kept.has(k));
    if (removed.length) {
      const used = db
        .prepare(
          `SELECT status, count(*) AS n FROM user_initiative_state WHERE status IN (${placeholders(removed.length)})
           GROUP BY status ORDER BY status`,
        )
        .all(...removed) as { status: string; n: number }[];
      if (used.length) {
        const what = used.map((u) => `“${u.status}” is used by ${u.n} initiative${u.n === 1 ? '' : 's'}`).join(', ');
        throw new AppError('CONFLICT', `Cannot remove a status still in use: ${what}. Give them another status first.`);
      }
    }
    setSetting(db, KEY, JSON.stringify(options), now);
    return readStatusRecord(db);
  });
}
