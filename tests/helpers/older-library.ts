// A library as a version of Briefbook before migration 0014 left it: the schema of migration 13,
// one plan of `initiatives` initiatives in 10 themes, every fifth with the reader's status,
// priority and lead unit. Opening it with this code runs 0014 onwards (and any migration added
// later), with rows enough that their fills work in several chunks (0017's, in-chunks.ts) and the
// update lasts long enough for a page to see it. Derived data (search index, sort ranks) are
// left for the opened app to build, as for a library whose plans were stored by raw SQL.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/core';
import { BRIEFBOOK_APPLICATION_ID } from '../../electron/core/db/inspect';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';

/** The version the library is left at: the last before the table's sort-key migrations. */
export const OLDER_VERSION = 13;

export function makeOlderLibrary(dataDir: string, initiatives: number): string {
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, OLDER_VERSION);
    db.pragma(`application_id = ${BRIEFBOOK_APPLICATION_ID}`);
    db.transaction(() => {
      db.exec(`
        INSERT INTO plans (id, title, lead, language, source_sha256, imported_at)
          VALUES ('big', '大型测试计划', '导语', 'zh', 'abc', '2024-05-11T00:00:00.000Z');
        INSERT INTO themes (id, plan_id, ordinal, headline)
          WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
          SELECT 'big/T' || i, 'big', i, '主题' || i FROM n;
      `);
      db.prepare(
        `INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body)
           WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           SELECT 'big/I' || i, 'big', 'big/T' || (i % 10 + 1), i, '第' || i, '举措' || i, '正文' FROM n`,
      ).run(initiatives);
      db.exec(`
        INSERT INTO initiative_sort_keys (initiative_id, plan_id, theme_id, theme_ordinal, ordinal)
          SELECT id, plan_id, theme_id, CAST(substr(theme_id, 6) AS INTEGER), ordinal FROM initiatives;
        INSERT INTO user_initiative_state (initiative_id, status, priority, lead_unit, responsible_units, progress_note, touched_at)
          SELECT id, '推进中', 'high', '单位' || (ordinal % 7), '责任单位' || (ordinal % 11), '进展' || ordinal, '2024-06-01T00:00:00.000Z'
          FROM initiatives WHERE ordinal % 5 = 0;
      `);
    })();
    // A closed file stands alone, as an older version leaves it on quitting.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return file;
}
