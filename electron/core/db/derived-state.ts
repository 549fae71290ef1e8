// Stamps of derived data (which collator ranked it, which format indexed it), so a start can
// tell whether derived tables still match the code and the runtime and rebuild them if not.
import type { Db } from './open';
import { prepared } from './statements';

export function readStamp(db: Db, name: string): string | null {
  const row = prepared(db, 'SELECT value FROM derived_state WHERE name = ?').get(name) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeStamp(db: Db, name: string, value: string): void {
  prepared(
    db,
    'INSERT INTO derived_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  ).run(name, value);
}
