// The Electron-free backend as one object: opens the data folder's database, migrates it,
// seeds the embedded plan on first run, brings derived data (search index, sort ranks) up to
// date, and exposes the router the hosts mount. When the database is refused (damaged,
// foreign, read-only, newer), openCore still gives a router, in recovery mode: only app.info
// and the storage methods answer, so the reader can restore a backup or start anew; the
// router then switches to the full set of handlers without the host doing anything.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_METHODS, type AppInfo, type HostKind } from '../../shared/api/contract';
import { openDatabase, type Db } from './db/open';
import { latestVersion } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { seedEmbeddedPlan } from './plan/embedded';
import { readTranslation } from './plan/translation';
import { refreshDerivedData } from './refresh-derived';
import { createRouter, type Handlers, type Router } from './api/router';
import { AppError } from '../../shared/api/result';
import { STORAGE_METHODS } from '../../shared/api/storage/methods';
import { DamagedDatabaseError, problemFromSqliteError } from './db/errors';
import { createStorage, type Storage } from './services/storage/storage';
import { startSearchMerge, type SearchMerge } from './search/merge';
import { getInitiative, getPlanOutline, listPlans } from './services/plans';
import { getAllSettings, getSetting, setSetting } from './services/settings';
import { appStart } from './services/start';
import { getDashboard } from './services/dashboard';
import { updateInitiative } from './services/initiative-update';
import { readStatusRecord, setStatusOptions } from './services/status-options';
import { listTags, renameTag } from './services/tags';
import {
  annotationHistory,
  colorNames,
  createAnnotation,
  emptyTrash,
  getAnnotation,
  listAnnotations,
  restoreRevision,
  setColorNames,
  trashAnnotation,
  updateAnnotation,
} from './services/annotations/annotations';
import { exportAnnotations, importAnnotations } from './services/annotation-exchange/exchange';
import { listLibrary, purgePlan, restorePlan, trashPlan, updateLibraryPlan } from './services/library/library';
import { assignItem, unmatchedItems } from './services/versions/assign';
import { comparePlans } from './services/compare/compare';
import { exportComparison } from './services/compare/export';
import { listVersions } from './services/versions/lineage';
import { deleteView, listViews, saveView } from './services/views';
import { searchQuery } from './services/search/query';
import { recentSearches, rememberSearch } from './services/search/recent';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './services/search/saved';
import { exportCsv } from './services/table/export';
import { queryFacetList, queryTable, tableRows } from './services/table/query';
import { createImportService, type ImportService } from './services/import/import-service';
import { defaultImportWorker } from './services/import/worker-location';
import { workerEntry } from './worker-entry';
import type { SandboxOptions } from './import/sandbox';
import { attachTranslation, translationTemplate } from './services/translations/translations';
import { deletePacket, duplicatePacket, getPacket, listPackets, savePacket } from './services/packets/store';
import { packetItems, resolvePacket } from './services/packets/resolve';
import { composePacketHtml } from './services/packets/compose';
import { createPacketPdfService, type PacketPdfService, type PdfRenderer } from './services/packets/pdf';

export const DATABASE_FILE = 'briefbook.sqlite3';

export interface CoreOptions {
  dataDir: string;
  resourcesDir: string;
  host: HostKind;
  version: string;
  nativeBinding?: string;
  /** Receives errors a handler did not expect (the caller only sees INTERNAL); default console.error. */
  onInternalError?: (err: unknown) => void;
  /** Backups at start (when the newest is a day old) and daily; default on. Tests turn it off. */
  scheduleBackups?: boolean;
  /** The search index's idle-time maintenance (search/merge.ts); default on. The command-line
   *  tools turn it off: they run once, and a dry run writes nothing. */
  indexMaintenance?: boolean;
  /** Migrations of a library behind this code run in a worker thread while the host serves the
   *  opening screen (storage/opening.ts), rather than inside openCore; the hosts with a page set
   *  it, the command-line tools and createCore do not (they wait for the open anyway). */
  migrateInWorker?: boolean;
  /** The import worker (default: the bundled one beside the build, or the sources via tsx). */
  importWorker?: SandboxOptions;
  /** The host's HTML-to-PDF renderer (its Chromium) for packet.pdf; without one packet.pdf is
   *  UNAVAILABLE and the packet is printed from its HTML. */
  pdfRenderer?: PdfRenderer;
}

export interface Core {
  /** The open connection; throws in recovery mode (see storage.problem). */
  readonly db: Db;
  router: Router;
  storage: Storage;
  close(): void;
  /** close() for a host that can wait: background workers first, so the database is closed as
   *  its last connection (checkpointed, no -wal left) before the process exits. */
  shutdown(): Promise<void>;
}

/** The core on a database that opened; a refused database throws its DatabaseProblemError. */
export function createCore(options: CoreOptions): Core {
  const core = openCore({ ...options, migrateInWorker: false });
  const problem = core.storage.problem;
  if (problem) {
    core.close();
    throw problem;
  }
  return core;
}

/** The core, in recovery mode when the database was refused (core.storage.problem says why). */
export function openCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DATABASE_FILE);
  let handlers: Handlers;
  let router: Router;
  let imports: ImportService | null = null;
  let packetPdf: PacketPdfService | null = null;
  // The search index's segment merging, in idle time (search/merge.ts): per connection.
  let searchMerge: SearchMerge | null = null;
  const storage: Storage = createStorage({
    dataDir: options.dataDir,
    file,
    latestSchema: latestVersion(MIGRATIONS),
    nativeBinding: options.nativeBinding,
    scheduleBackups: options.scheduleBackups,
    openWorker: options.migrateInWorker ? workerEntry('open-worker.js', 'electron/core/services/storage/open-worker.ts') : undefined,
    onBackgroundError: (err) => (options.onInternalError ?? console.error)(err),
    open: (beforeMigrate) => openReady(file, options, beforeMigrate),
    onConnection: (db) => {
      imports?.close();
      packetPdf?.close();
      searchMerge?.stop();
      // Looked at soon after the open: a rebuild of the index, or a file written by an older
      // build, may have left many segments.
      searchMerge = db && options.indexMaintenance !== false ? startSearchMerge(db, { onError: options.onInternalError ?? console.error }) : null;
      searchMerge?.kick();
      imports = db ? importService(db, options) : null;
      packetPdf = db ? createPacketPdfService(db, options.pdfRenderer) : null;
      handlers = {
        ...(db && imports && packetPdf ? serviceHandlers(db, options, imports, packetPdf) : unavailableHandlers(() => storage, options)),
        ...storageHandlers(() => storage),
      };
      router = createRouter(handlers, options.onInternalError);
    },
  });
  return {
    get db() {
      const db = storage.db;
      if (!db) throw new AppError('UNAVAILABLE', storage.problem?.message ?? 'The database is not open.');
      return db;
    },
    // Dispatches to the handlers of the connection open right now (they change on a restore).
    // A call also tells the merge maintenance the app is busy: no step runs until it is idle.
    router: {
      dispatch: (method, args) => {
        searchMerge?.touch();
        return router.dispatch(method, args);
      },
    },
    storage,
    close: () => {
      searchMerge?.stop();
      imports?.close();
      packetPdf?.close();
      storage.close();
    },
    shutdown: async () => {
      searchMerge?.stop();
      imports?.close();
      packetPdf?.close();
      await storage.shutdown();
    },
  };
}

/** Opens, migrates, seeds and refreshes; SQLite's own "corrupt"/"not a database" become refusals. */
function openReady(file: string, options: CoreOptions, beforeMigrate: (db: Db) => void): Db {
  const db = openDatabase(file, { nativeBinding: options.nativeBinding, beforeMigrate });
  try {
    seedEmbeddedPlan(db, options.resourcesDir);
    refreshDerivedData(db);
  } catch (err) {
    db.close();
    const problem = problemFromSqliteError(file, err);
    throw problem?.kind === 'damaged' || problem?.kind === 'not-sqlite'
      ? new DamagedDatabaseError(file, (err as Error).message, { cause: err })
      : (problem ?? err);
  }
  return db;
}

type StorageMethod = (typeof STORAGE_METHODS)[number];
type ServiceHandlers = Omit<Handlers, StorageMethod>;

function storageHandlers(storage: () => Storage): Pick<Handlers, StorageMethod> {
  return {
    'storage.status': () => storage().status(),
    'storage.check': () => storage().fullCheck(),
    'storage.backups': () => storage().backups(),
    'storage.backupNow': () => storage().backupNow(),
    'storage.restore': ({ name }) => storage().restore(name),
    'storage.quarantineAndStartNew': () => storage().quarantineAndStartNew(),
    'storage.cancelOpening': () => storage().cancelOpening(),
    'storage.openLibrary': () => storage().openLibrary(),
  };
}

/** Recovery mode: every method but app.info and storage.* says why the database is closed. */
function unavailableHandlers(storage: () => Storage, options: CoreOptions): ServiceHandlers {
  const refuse = (): never => {
    throw new AppError('UNAVAILABLE', storage().problem?.message ?? 'The database is not open.');
  };
  const methods = API_METHODS.filter((m) => !(STORAGE_METHODS as readonly string[]).includes(m));
  return Object.fromEntries(
    methods.map((method) => [method, method === 'app.info' ? () => appInfo(options) : refuse]),
  ) as unknown as ServiceHandlers;
}

function appInfo(options: CoreOptions): AppInfo {
  return {
    name: 'Briefbook',
    version: options.version,
    dataDir: options.dataDir,
    schemaVersion: latestVersion(MIGRATIONS),
    host: options.host,
  };
}

function serviceHandlers(db: Db, options: CoreOptions, imports: ImportService, packetPdf: PacketPdfService): ServiceHandlers {
  return {
    'app.info': () => appInfo(options),
    'app.start': () => appStart(db),
    'plan.list': () => listPlans(db),
    'plan.get': ({ planId }) => getPlanOutline(db, planId),
    'initiative.get': ({ initiativeId }) => getInitiative(db, initiativeId),
    'settings.get': ({ key }) => getSetting(db, key),
    'settings.getAll': () => getAllSettings(db),
    'settings.set': ({ key, value }) => {
      setSetting(db, key, value);
      return null;
    },
    'plan.translation': ({ planId, language }) => readTranslation(db, planId, language),
    'table.query': (query) => queryTable(db, query),
    'table.facets': ({ query, facet, limit, match }) => queryFacetList(db, query, facet, { limit, match }),
    'table.rows': ({ ids }) => tableRows(db, ids),
    'table.exportCsv': (args) => exportCsv(db, args),
    'initiative.update': ({ initiativeId, baseRevision, patch }) => updateInitiative(db, initiativeId, baseRevision, patch),
    'status.options': () => readStatusRecord(db),
    'status.setOptions': ({ options: statuses, baseRevision }) => setStatusOptions(db, statuses, baseRevision),
    'tags.list': () => listTags(db),
    'view.list': () => listViews(db),
    'view.save': (view) => saveView(db, view),
    'view.delete': ({ id, baseRevision }) => {
      deleteView(db, id, baseRevision);
      return null;
    },
    'dashboard.get': ({ planId, today }) => getDashboard(db, planId, today),
    'library.list': ({ trash }) => listLibrary(db, { trash }),
    'library.update': ({ planId, baseRevision, patch }) => updateLibraryPlan(db, planId, baseRevision, patch),
    'library.trash': ({ planId, baseRevision, confirm }) => trashPlan(db, planId, baseRevision, confirm),
    'library.restore': ({ planId, baseRevision }) => restorePlan(db, planId, baseRevision),
    'library.purge': ({ planId, baseRevision }) => {
      purgePlan(db, planId, baseRevision);
      return null;
    },
    'import.preview': (args) => imports.preview(args),
    'import.cancel': ({ previewId }) => imports.cancel(previewId),
    'import.commit': ({ previewId, choices, versionOf }) => imports.commit(previewId, choices, versionOf),
    'version.list': ({ planId }) => listVersions(db, planId),
    'version.unmatched': ({ planId }) => unmatchedItems(db, planId),
    'version.assign': ({ fromItemId, toItemId, baseRevision }) => assignItem(db, fromItemId, toItemId, baseRevision),
    'compare.plans': ({ leftPlanId, rightPlanId }) => comparePlans(db, leftPlanId, rightPlanId),
    'compare.export': (args) => exportComparison(db, args),
    'translation.template': ({ planId, language }) => translationTemplate(db, planId, language),
    'translation.attach': ({ planId, fileName, text }) => attachTranslation(db, planId, fileName, text),
    'annotation.list': (query) => listAnnotations(db, query),
    'annotation.get': ({ id }) => getAnnotation(db, id),
    'annotation.create': (annotation) => createAnnotation(db, annotation),
    'annotation.update': ({ id, baseRevision, patch }) => updateAnnotation(db, id, baseRevision, patch),
    'annotation.delete': ({ id, baseRevision }) => trashAnnotation(db, id, baseRevision, true),
    'annotation.restore': ({ id, baseRevision }) => trashAnnotation(db, id, baseRevision, false),
    'annotation.emptyTrash': () => emptyTrash(db),
    'annotation.history': ({ id }) => annotationHistory(db, id),
    'annotation.restoreRevision': ({ id, baseRevision, revision }) => restoreRevision(db, id, baseRevision, revision),
    'annotation.colorNames': () => colorNames(db),
    'annotation.setColorNames': ({ names }) => setColorNames(db, names),
    'tags.rename': ({ from, to }) => renameTag(db, from, to),
    'annotation.export': (args) => exportAnnotations(db, args),
    'annotation.import': ({ fileName, text }) => importAnnotations(db, fileName, text),
    'search.query': (query) => searchQuery(db, query),
    'search.recent': () => recentSearches(db),
    'search.remember': ({ text }) => rememberSearch(db, text),
    'search.saved.list': () => listSavedSearches(db),
    'search.saved.save': (saved) => saveSearch(db, saved),
    'search.saved.delete': ({ id, baseRevision }) => {
      deleteSavedSearch(db, id, baseRevision);
      return null;
    },
    'packet.list': () => listPackets(db),
    'packet.get': ({ id }) => getPacket(db, id),
    'packet.save': (args) => savePacket(db, args),
    'packet.delete': ({ id, baseRevision }) => {
      deletePacket(db, id, baseRevision);
      return null;
    },
    'packet.duplicate': ({ id }) => duplicatePacket(db, id),
    'packet.resolve': ({ definition }) => packetItems(resolvePacket(db, definition)),
    'packet.html': ({ definition, language, pages }) => {
      const { html, itemIds } = composePacketHtml(db, { definition, language, pages });
      return { html, items: itemIds.length };
    },
    'packet.pdf': (args) => packetPdf.pdf(args),
    'packet.progress': ({ jobId }) => packetPdf.progress(jobId),
    'packet.cancel': ({ jobId }) => packetPdf.cancel(jobId),
  };
}

// One import service per connection: a restore or a fresh database drops the previews (they
// were read for the library that was open) and stops their workers.
function importService(db: Db, options: CoreOptions): ImportService {
  return createImportService(db, { worker: options.importWorker ?? defaultImportWorker() });
}
