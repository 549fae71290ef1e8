// Reader preferences and UI state (user data).
import type { SettingKey } from '../../../shared/api/contract';
import type { Db } from '../db/open';

export function getSetting(db: Db, key: SettingKey): string | null {
  const row = db.prepare('SELECT value FROM user_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Stores a setting (null removes it). Returns once the write is committed. */
export function setSetting(db: Db, key: SettingKey, value: string | null, now = new Date()): void {
  if (value === null) {
    db.prepare('DELETE FROM user_settings WHERE key = ?').run(key);
    return;
  }
  db.prepare(
    `INSERT INTO user_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, now.toISOString());
}
