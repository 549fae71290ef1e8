// The migration runner and the migration list: pending steps run in one transaction, the list
// is checked before anything runs, and every migration has its own test file here.
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import {
  checkMigrationList,
  latestVersion,
  migrate,
  readSchemaVersion,
  type Migration,
} from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpSchema } from '../helpers/db-dump';
import { openBareDatabase, schemaObjects } from '../helpers/migration-db';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let db: Database.Database;
afterEach(() => db?.close());

const createTable = (version: number, table: string): Migration => ({
  version,
  name: `create-${table}`,
  up: (d) => d.exec(`CREATE TABLE ${table} (x TEXT)`),
});
const failing = (version: number): Migration => ({
  version,
  name: 'fails',
  up: (d) => {
    d.exec('CREATE TABLE half_done (x TEXT)');
    throw new Error('migration step failed');
  },
});

describe('migrate', () => {
  it('applies all pending steps and records the last version', () => {
    db = openBareDatabase(temp.make());
    expect(migrate(db, [createTable(1, 'a'), createTable(2, 'b'), createTable(3, 'c')])).toBe(3);
    expect(readSchemaVersion(db)).toBe(3);
    expect(schemaObjects(db)).toEqual(['table:a', 'table:b', 'table:c']);
  });

  it('stops at the target version and continues from there later', () => {
    db = openBareDatabase(temp.make());
    const list = [createTable(1, 'a'), createTable(2, 'b')];
    expect(migrate(db, list, 1)).toBe(1);
    expect(schemaObjects(db)).toEqual(['table:a']);
    expect(migrate(db, list)).toBe(2);
    expect(schemaObjects(db)).toEqual(['table:a', 'table:b']);
  });

  it('runs pending steps in one transaction: a failing step leaves no trace of earlier ones', () => {
    db = openBareDatabase(temp.make());
    expect(() => migrate(db, [createTable(1, 'a'), failing(2)])).toThrow('migration step failed');
    expect(readSchemaVersion(db)).toBe(0);
    expect(schemaObjects(db)).toEqual([]);
  });

  it('leaves a migrated database exactly as it was when a later step fails', () => {
    db = openBareDatabase(temp.make());
    migrate(db, MIGRATIONS, 1);
    const schema = dumpSchema(db);
    const list = [...MIGRATIONS, failing(MIGRATIONS.length + 1)];
    expect(() => migrate(db, list)).toThrow('migration step failed');
    expect(readSchemaVersion(db)).toBe(1);
    expect(dumpSchema(db)).toEqual(schema);
  });

  it('refuses a database newer than the list, without changing it', () => {
    db = openBareDatabase(temp.make());
    migrate(db, [createTable(1, 'a'), createTable(2, 'b')]);
    expect(() => migrate(db, [createTable(1, 'a')])).toThrow(/newer/);
    expect(readSchemaVersion(db)).toBe(2);
  });

  it('checks the list before running anything', () => {
    db = openBareDatabase(temp.make());
    expect(() => migrate(db, [createTable(2, 'b'), createTable(1, 'a')])).toThrow(/out of order/);
    expect(readSchemaVersion(db)).toBe(0);
    expect(schemaObjects(db)).toEqual([]);
  });
});

describe('checkMigrationList', () => {
  it.each([
    ['swapped', [createTable(2, 'b'), createTable(1, 'a')]],
    ['with a gap', [createTable(1, 'a'), createTable(3, 'c')]],
    ['with a duplicate', [createTable(1, 'a'), createTable(1, 'b')]],
    ['not starting at 1', [createTable(2, 'b')]],
  ])('rejects a list %s', (_how, list) => {
    expect(() => checkMigrationList(list)).toThrow(/out of order/);
  });

  it('accepts 1, 2, 3 and the empty list', () => {
    expect(() => checkMigrationList([createTable(1, 'a'), createTable(2, 'b'), createTable(3, 'c')])).not.toThrow();
    expect(() => checkMigrationList([])).not.toThrow();
  });
});

describe('MIGRATIONS', () => {
  it('runs 1..N in order with unique kebab-case names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    expect(latestVersion(MIGRATIONS)).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('has one test file per migration, named NNNN-name.test.ts', () => {
    const testFiles = readdirSync(new URL('.', import.meta.url))
      .filter((f) => /^\d{4}-.*\.test\.ts$/.test(f))
      .sort();
    const expected = MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.test.ts`);
    expect(testFiles).toEqual(expected);
  });

  it('has one module per migration, named like its test', () => {
    const modules = readdirSync(new URL('../../electron/core/db/migrations/', import.meta.url))
      .filter((f) => /^\d{4}-.*\.ts$/.test(f))
      .sort();
    expect(modules).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
  });
});
