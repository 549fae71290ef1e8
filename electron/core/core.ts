// The Electron-free backend as one object: opens the data folder's database, migrates it,
// seeds the embedded plan on first run, brings derived data (search index, sort ranks) up to
// date, and exposes the router the hosts mount.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKind } from '../../shared/api/contract';
import { openDatabase, type Db } from './db/open';
import { latestVersion } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { seedEmbeddedPlan } from './plan/embedded';
import { readTranslation } from './plan/translation';
import { refreshDerivedData } from './refresh-derived';
import { createRouter, type Router } from './api/router';
import { getInitiative, getPlanOutline, listPlans } from './services/plans';
import { getSetting, setSetting } from './services/settings';
import { getDashboard } from './services/dashboard';
import { updateInitiative } from './services/initiative-update';
import { readStatusOptions, setStatusOptions } from './services/status-options';
import { listTags } from './services/tags';
import { deleteView, listViews, saveView } from './services/views';
import { exportCsv } from './services/table/export';
import { queryTable, tableRows } from './services/table/query';

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
    refreshDerivedData(db);
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
    'plan.translation': ({ planId, language }) => readTranslation(db, planId, language),
    'table.query': (query) => queryTable(db, query),
    'table.rows': ({ ids }) => tableRows(db, ids),
    'table.exportCsv': (args) => exportCsv(db, args),
    'initiative.update': ({ initiativeId, patch }) => updateInitiative(db, initiativeId, patch),
    'status.options': () => readStatusOptions(db),
    'status.setOptions': ({ options: statuses }) => setStatusOptions(db, statuses),
    'tags.list': () => listTags(db),
    'view.list': () => listViews(db),
    'view.save': (view) => saveView(db, view),
    'view.delete': ({ id }) => {
      deleteView(db, id);
      return null;
    },
    'dashboard.get': ({ planId, today }) => getDashboard(db, planId, today),
  }, options.onInternalError);
  return { db, router, close: () => db.close() };
}
