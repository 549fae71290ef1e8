// Version 8 is a placeholder (the search migration of a parallel branch replaces it and this
// test with its own): it changes no schema and keeps every row.
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { schemaObjects, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();

describe('migration 0008 search-placeholder', () => {
  it('changes nothing but user_version', () => {
    const db = atVersion(7);
    const before = schemaObjects(db);
    expect(migrate(db, MIGRATIONS, 8)).toBe(8);
    expect(readSchemaVersion(db)).toBe(8);
    expect(schemaObjects(db)).toEqual(before);
  });
});
