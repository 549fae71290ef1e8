// A bare SQLite file for migration tests: the pragmas the app uses, no migrations applied, so
// a test can walk the schema up one version at a time with migrate(db, MIGRATIONS, target).
import { join } from 'node:path';
import Database from 'better-sqlite3';

export function openBareDatabase(dir: string): Database.Database {
  const db = new Database(join(dir, 'migrations.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Names of the tables, indexes, triggers and views in the schema, as `type:name`. */
export function schemaObjects(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type || ':' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
      .pluck()
      .all() as string[]
  );
}

export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
}
