// Reader preferences and UI state (user data). Internal keys hold settings the core manages
// through their own methods (e.g. the status options); the API's settings.get/set cannot name
// them, because its schema only admits SETTING_KEYS.
import type { SettingKey } from '../../../shared/api/contract';
import type { Db } from '../db/open';

// window.bounds: the desktop window's size and position, kept by electron/main/window-state.ts.
export const INTERNAL_SETTING_KEYS = ['table.statusOptions', 'window.bounds'] as const;
export type InternalSettingKey = (typeof INTERNAL_SETTING_KEYS)[number];

export function getSetting(db: Db, key: SettingKey | InternalSettingKey): string | null {
  const row = db.prepare('SELECT value FROM user_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Stores a setting (null removes it). Returns once the write is committed. */
export function setSetting(db: Db, key: SettingKey | InternalSettingKey, value: string | null, now = new Date()): void {
  if (value === null) {
    db.prepare('DELETE FROM user_settings WHERE key = ?').run(key);
    return;
  }
  db.prepare(
    `INSERT INTO user_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, now.toISOString());
}
