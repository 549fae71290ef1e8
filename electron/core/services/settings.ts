// Reader preferences and UI state (user data). Internal keys hold settings the core manages
// through their own methods (e.g. the status options); the API's settings.get/set cannot name
// them, because its schema only admits SETTING_KEYS.
//
// Every row carries a revision (one more with each write). The ui.* keys are the state of
// whichever window wrote last (language, theme, last initiative open): settings.set does not
// name a revision for them, by design. Settings that are the reader's work (the status list)
// are written through their own methods, which check the revision.
import { SETTING_KEYS, type SettingKey } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';

// window.bounds: the desktop window's size and position, kept by electron/main/window-state.ts.
export const INTERNAL_SETTING_KEYS = ['table.statusOptions', 'window.bounds'] as const;
export type InternalSettingKey = (typeof INTERNAL_SETTING_KEYS)[number];

export interface StoredSetting {
  value: string;
  revision: number;
}

export function getSetting(db: Db, key: SettingKey | InternalSettingKey): string | null {
  return readSetting(db, key)?.value ?? null;
}

/** Every reader setting (SETTING_KEYS), null for those never set: one read for a start. */
export function getAllSettings(db: Db): Record<SettingKey, string | null> {
  const all = Object.fromEntries(SETTING_KEYS.map((k) => [k, null])) as Record<SettingKey, string | null>;
  const rows = prepared(db, 'SELECT key, value FROM user_settings WHERE key IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(SETTING_KEYS),
  ) as { key: SettingKey; value: string }[];
  for (const r of rows) all[r.key] = r.value;
  return all;
}

/** The value and its revision, or null when the key was never set (revision 0). */
export function readSetting(db: Db, key: SettingKey | InternalSettingKey): StoredSetting | null {
  const row = prepared(db, 'SELECT value, revision FROM user_settings WHERE key = ?').get(key) as StoredSetting | undefined;
  return row ?? null;
}

/** Stores a setting (null removes it). Returns once the write is committed. */
export function setSetting(db: Db, key: SettingKey | InternalSettingKey, value: string | null, now = new Date()): void {
  writeTransaction(db, () => {
    if (value === null) {
      prepared(db, 'DELETE FROM user_settings WHERE key = ?').run(key);
      return;
    }
    prepared(
      db,
      `INSERT INTO user_settings (key, value, updated_at, revision) VALUES (?, ?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         revision = revision + 1`,
    ).run(key, value, now.toISOString());
  });
}
