// A real core (real SQLite file, real embedded plan) in a given data folder. Without scheduled
// backups: the storage tests check those; elsewhere they would only add background work.
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import { RESOURCES_DIR } from './paths';

export function createTestCore(
  dataDir: string,
  resourcesDir = RESOURCES_DIR,
  extra: Pick<CoreOptions, 'onInternalError'> = {},
): Core {
  return createCore({ dataDir, resourcesDir, host: 'browser', version: '0.0.0-test', scheduleBackups: false, ...extra });
}
