// The Electron-free backend as one object: opens the data folder's database, migrates it,
// seeds the embedded plan on first run, and exposes the router the hosts mount.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from '../../shared/api/contract';
import { openDatabase, type Db } from './db/open';
import { latestVersion } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { seedEmbeddedPlan } from './plan/embedded';
import { createRouter, type Router } from './api/router';
import { getInitiative, getPlanOutline, listPlans } from './services/plans';
import { getSetting, setSetting } from './services/settings';

export const DATABASE_FILE = 'briefbook.sqlite3';

export interface CoreOptions {
  dataDir: string;
  resourcesDir: string;
  host: HostKind;
  version: string;
  nativeBinding?: string;
  /** Receives errors a handler did not expect (the caller only sees INTERNAL); default console.error. */
  onInternalError?: (err: unknown) => void;
}

export interface Core {
  db: Db;
  router: Router;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding });
  try {
    seedEmbeddedPlan(db, options.resourcesDir);
  } catch (err) {
    db.close();
    throw err;
  }
  const router = createRouter({
    'app.info': () => ({
      name: 'Briefbook',
      version: options.version,
      dataDir: options.dataDir,
      schemaVersion: latestVersion(MIGRATIONS),
      host: options.host,
    }),
    'plan.list': () => listPlans(db),
    'plan.get': ({ planId }) => getPlanOutline(db, planId),
    'initiative.get': ({ initiativeId }) => getInitiative(db, initiativeId),
    'settings.get': ({ key }) => getSetting(db, key),
    'settings.set': ({ key, value }) => {
      setSetting(db, key, value);
      return null;
    },
  }, options.onInternalError);
  return { db, router, close: () => db.close() };
}
