// The statuses a reader can give an initiative: configurable, kept as JSON under an internal
// setting, DEFAULT_STATUS_OPTIONS until the reader changes them. A status still in use cannot
// be removed (the initiatives would show a status nobody can pick or filter by).
import { AppError } from '../../../shared/api/result';
import { statusOptions as statusOptionsSchema } from '../../../shared/api/schemas';
import { DEFAULT_STATUS_OPTIONS, type StatusOption } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { placeholders } from '../db/statements';
import { getSetting, setSetting } from './settings';

const KEY = 'table.statusOptions';

export function readStatusOptions(db: Db): StatusOption[] {
  const raw = getSetting(db, KEY);
  if (raw !== null) {
    try {
      const parsed = statusOptionsSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable JSON: fall back to the defaults below rather than break the table.
    }
  }
  return DEFAULT_STATUS_OPTIONS.map((o) => ({ key: o.key, label: { ...o.label } }));
}

export function setStatusOptions(db: Db, options: StatusOption[], now = new Date()): StatusOption[] {
  db.transaction(() => {
    const kept = new Set(options.map((o) => o.key));
    const removed = readStatusOptions(db)
      .map((o) => o.key)
      .filter((k) => !kept.has(k));
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
  })();
  return readStatusOptions(db);
}
