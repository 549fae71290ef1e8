// A real core (real SQLite file, real embedded plan) in a given data folder. Without scheduled
// backups: the storage tests check those; elsewhere they would only add background work.
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import type { Db } from '../../electron/core/db/open';
import { updateInitiative } from '../../electron/core/services/initiative-update';
import type { InitiativeFields, InitiativeRow } from '../../shared/domain/table';
import { RESOURCES_DIR } from './paths';

export function createTestCore(
  dataDir: string,
  resourcesDir = RESOURCES_DIR,
  extra: Pick<CoreOptions, 'onInternalError'> = {},
): Core {
  return createCore({ dataDir, resourcesDir, host: 'browser', version: '0.0.0-test', scheduleBackups: false, ...extra });
}

/** The stored revision of an initiative's reader fields (0: never edited). */
export function revisionOf(db: Db, initiativeId: string): number {
  const row = db.prepare('SELECT revision FROM user_initiative_state WHERE initiative_id = ?').get(initiativeId) as
    | { revision: number }
    | undefined;
  return row?.revision ?? 0;
}

/** updateInitiative on the revision stored now, for tests that are not about concurrent edits. */
export function updateLatest(
  db: Db,
  initiativeId: string,
  patch: Partial<InitiativeFields>,
  now?: Date,
): InitiativeRow {
  return updateInitiative(db, initiativeId, revisionOf(db, initiativeId), patch, now);
}
