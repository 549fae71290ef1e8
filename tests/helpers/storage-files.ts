// Real Briefbook database files for the storage tests: one made by the real core (with the
// reader's data in it), copied into fresh data folders, and a record of a folder's files (name
// and sha256) to prove that a refusal changed and created nothing.
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/core';
import { createTestCore } from './core';

/** Makes a real Briefbook database (seeded plan, a setting, a saved view) in `dir`; returns its path. */
export function makeBriefbookDatabase(dir: string): string {
  const core = createTestCore(dir);
  try {
    core.db.prepare("INSERT INTO user_settings (key, value, updated_at) VALUES ('ui.theme', 'dark', '2024-06-01')").run();
  } finally {
    core.close();
  }
  return join(dir, DATABASE_FILE);
}

export function copyDatabaseInto(template: string, dataDir: string): string {
  const target = join(dataDir, DATABASE_FILE);
  copyFileSync(template, target);
  return target;
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under `dir` (recursively) with its sha256 and mode: what a refusal must leave alone. */
export function folderRecord(dir: string): Record<string, string> {
  const record: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stats = statSync(path);
      const key = relative(dir, path);
      if (stats.isDirectory()) {
        record[`${key}/`] = `dir ${(stats.mode & 0o777).toString(8)}`;
        walk(path);
      } else record[key] = `${sha256(path)} ${(stats.mode & 0o777).toString(8)}`;
    }
  };
  walk(dir);
  return record;
}
