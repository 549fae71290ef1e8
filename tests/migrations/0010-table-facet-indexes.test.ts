// Migration 10 puts the initiative id into the reader's status and priority indexes (same
// names), so the table's status filter and facets read the index alone.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { migrateOneUp, useDatabaseAtVersion } from '../helpers/migration-db';

const atVersion = useDatabaseAtVersion();
const VERSION = MIGRATIONS.find((m) => m.name === 'table-facet-indexes')!.version;

const indexColumns = (db: ReturnType<typeof atVersion>, index: string) =>
  (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index) as { name: string }[]).map((r) => r.name);

describe('migration 0010 table-facet-indexes', () => {
  it('rebuilds the status and priority indexes with the initiative id, keeps every row and sets user_version', () => {
    const db = atVersion(VERSION - 1);
    db.exec(`INSERT INTO user_initiative_state (initiative_id, status, priority, touched_at) VALUES
      ('hz-2024/T1/I1', 'done', 'high', 't'), ('hz-2024/T1/I2', NULL, 'low', 't'), ('gone/x', 'in_progress', NULL, 't')`);
    expect(indexColumns(db, 'user_initiative_state_by_status')).toEqual(['status']);
    const { added, before } = migrateOneUp(db, VERSION);
    expect(added).toEqual([]);
    expect(dumpTables(db)).toEqual(before);
    expect(indexColumns(db, 'user_initiative_state_by_status')).toEqual(['status', 'initiative_id']);
    expect(indexColumns(db, 'user_initiative_state_by_priority')).toEqual(['priority', 'initiative_id']);
    // A status count joined to the initiatives reads the index alone.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT s.initiative_id FROM user_initiative_state s WHERE s.status = 'done'`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH s USING COVERING INDEX user_initiative_state_by_status (status=?)']);
  });
});
