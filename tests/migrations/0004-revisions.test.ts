// Migration 4 gives every user record a revision. Run on a database that the app at schema 3
// filled (fixtures/v3-filled.sqlite3: made by that version's own services, not by SQL written
// for this test — initiative fields and tags, a changed status list, a saved view, a UI setting
// and a note), it keeps every value where it was and starts each record at revision 1.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { dumpTables } from '../helpers/db-dump';
import { columnsOf, useDatabaseAtVersion } from '../helpers/migration-db';
import { createTestCore } from '../helpers/core';
import { DATABASE_FILE } from '../../electron/core/core';
import { useTempDirs } from '../helpers/temp-dir';
import type { InitiativeRow, SavedView, StatusOptionsRecord } from '../../shared/domain/table';
import { value } from '../helpers/result';

const atVersion = useDatabaseAtVersion();
const temp = useTempDirs();
const FIXTURE = new URL('./fixtures/v3-filled.sqlite3', import.meta.url);
const REVISIONED = ['user_initiative_state', 'user_saved_views', 'user_settings', 'user_annotations'];

function copyFixture(): string {
  const dir = temp.make();
  copyFileSync(FIXTURE, join(dir, DATABASE_FILE));
  return dir;
}


describe('migration 0004 revisions', () => {
  it('keeps every row of a database filled at schema 3 and starts each user record at revision 1', () => {
    const db = new Database(join(copyFixture(), DATABASE_FILE));
    try {
      expect(readSchemaVersion(db)).toBe(3);
      const before = dumpTables(db);
      // The fixture really holds the reader's work (a test on empty tables would prove nothing).
      for (const table of [...REVISIONED, 'user_initiative_tags']) expect(before[table]!.length, table).toBeGreaterThan(0);

      expect(migrate(db, MIGRATIONS, 4)).toBe(4);

      const after = dumpTables(db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const [table, rows] of Object.entries(before)) {
        const expected = REVISIONED.includes(table)
          ? rows.map((r) => JSON.stringify({ ...JSON.parse(r as string), revision: 1 })).sort()
          : rows;
        expect(after[table], table).toEqual(expected);
      }
    } finally {
      db.close();
    }
  });

  it('serves the migrated values through the API at revision 1, and the next write makes 2', async () => {
    const core = createTestCore(copyFixture());
    try {
      const [row] = value<InitiativeRow[]>(await core.router.dispatch('table.rows', { ids: ['hz-2024/T1/I1'] }));
      expect(row).toMatchObject({
        status: 'in_progress',
        priority: 'high',
        leadUnit: '市发改委',
        responsibleUnits: '市经信局、市科技局',
        deadline: '2024-12-31',
        progressNote: '已完成首轮调研\n第二段',
        tags: ['数字', 'AI'],
        touchedAt: '2024-06-01T08:00:00.000Z',
        revision: 1,
      });
      const [untouched] = value<InitiativeRow[]>(await core.router.dispatch('table.rows', { ids: ['hz-2024/T1/I2'] }));
      expect(untouched!.revision).toBe(0);
      const statuses = value<StatusOptionsRecord>(await core.router.dispatch('status.options', {}));
      expect(statuses.revision).toBe(1);
      expect(statuses.options.map((o) => o.key)).toEqual(['not_started', 'in_progress', 'done', 'blocked']);
      const [view] = value<SavedView[]>(await core.router.dispatch('view.list', {}));
      expect(view).toMatchObject({ name: '重点', revision: 1 });
      expect(value<string>(await core.router.dispatch('settings.get', { key: 'ui.language' }))).toBe('en');

      const next = value<InitiativeRow>(
        await core.router.dispatch('initiative.update', { initiativeId: 'hz-2024/T1/I1', baseRevision: 1, patch: { priority: 'low' } }),
      );
      expect(next).toMatchObject({ priority: 'low', tags: ['数字', 'AI'], leadUnit: '市发改委', revision: 2 });
    } finally {
      core.close();
    }
  });

  it('adds a revision column to each user table, and no revision below 1 can be stored', () => {
    const db = atVersion(4);
    for (const table of REVISIONED) expect(columnsOf(db, table).at(-1), table).toBe('revision');
    expect(() =>
      db.prepare("INSERT INTO user_settings (key, value, updated_at, revision) VALUES ('ui.theme', 'dark', 't', 0)").run(),
    ).toThrow(/CHECK/);
  });
});
