// Importing a plan from a file, as the import dialog does it: import.preview reads the file in
// the worker sandbox (never on the thread that serves the app: a hostile file must not hang or
// crash it) and keeps the detected document in memory; import.cancel stops a read or forgets a
// preview; import.commit applies the reader's outline edits and level choice — the same pure
// function the dialog shows them with — and stores the plan in one transaction.
import type { ImportChoices, ImportPreview, ImportResult } from '../../../../shared/api/import/methods';
import { AppError } from '../../../../shared/api/result';
import type { ImportedDocument } from '../../../../shared/domain/document';
import { applyImportChoices, OutlineEditError } from '../../../../shared/domain/outline-edits';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { ImportError } from '../../import/errors';
import { IMPORT_LIMITS } from '../../import/limits';
import { ImportCancelledError, importInWorker, type SandboxOptions } from '../../import/sandbox';
import { storeImportedPlan } from '../../plan/store-imported';
import { PREVIEW_LIMITS, PreviewStore, type PreviewLimits } from './previews';
import { importVersion, versionChanges } from '../versions/version-import';

export interface ImportServiceOptions {
  /** The worker entry and its limits (a test may shorten the time limit). */
  worker: SandboxOptions;
  previews?: Partial<PreviewLimits>;
  now?: () => number;
}

export interface ImportService {
  preview(args: { previewId: string; fileName: string; dataBase64: string; versionOf?: string }): Promise<ImportPreview>;
  cancel(previewId: string): null;
  /** `versionOf`: store the file as the next version of that plan (versions/version-import.ts). */
  commit(previewId: string, choices: ImportChoices, versionOf?: string): ImportResult;
  /** Stops every read still running (the core is closing). */
  close(): void;
}

const MINUTES = (ms: number) => Math.round(ms / 60_000);

export function createImportService(db: Db, options: ImportServiceOptions): ImportService {
  const store = new PreviewStore({ ...PREVIEW_LIMITS, ...options.previews }, options.now ?? Date.now);
  const maxFileBytes = options.worker.limits?.maxFileBytes ?? IMPORT_LIMITS.maxFileBytes;

  const makeRoom = (): void => {
    while (store.size >= store.limits.maxPreviews) {
      const oldest = store.oldestReady();
      if (!oldest) {
        throw new AppError(
          'CONFLICT',
          `Already reading ${store.size} ${store.size === 1 ? 'file' : 'files'}; wait for one to finish or cancel it, then try again.`,
        );
      }
      store.drop(oldest);
    }
  };

  return {
    async preview({ previewId, fileName, dataBase64, versionOf }) {
      store.sweep();
      if (store.get(previewId) || store.committedAs(previewId)) {
        throw new AppError('CONFLICT', `The preview id ${previewId} is already in use; give each file a new id.`);
      }
      // Base64 is 4 characters for 3 bytes: a file over the limit is named before decoding it.
      const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
      const size = Math.floor((dataBase64.length * 3) / 4) - padding;
      if (size > maxFileBytes) {
        throw new AppError(
          'BAD_REQUEST',
          `${fileName}: is ${(size / 1048576).toFixed(1)} MB, over the ${Math.round(maxFileBytes / 1048576)} MB limit for a plan`,
        );
      }
      makeRoom();
      const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
      const controller = new AbortController();
      const entry = { state: 'reading' as const, fileName, since: store.now(), controller };
      store.set(previewId, entry);
      let document: ImportedDocument;
      try {
        document = await importInWorker(bytes, fileName, { ...options.worker, signal: controller.signal });
      } catch (err) {
        if (store.get(previewId) === entry) store.drop(previewId);
        if (err instanceof ImportCancelledError) throw new AppError('CANCELLED', err.message);
        if (err instanceof ImportError) throw new AppError('BAD_REQUEST', err.message);
        throw err;
      }
      // Cancelled (or pushed out) between the worker's reply and now: nothing is kept.
      if (store.get(previewId) !== entry) throw new AppError('CANCELLED', `${fileName}: was not imported: reading it was cancelled`);
      store.set(previewId, { state: 'ready', fileName, since: store.now(), document });
      const duplicateOf = findDuplicate(db, document.source.sha256);
      // What the new version would change, with the levels as detected (the commit matches
      // again with the reader's choices).
      if (versionOf === undefined) return { previewId, document, duplicateOf };
      try {
        return { previewId, document, duplicateOf, changes: versionChanges(db, versionOf, document) };
      } catch (err) {
        // Not a version of that plan (or the same file again): nothing is kept to commit.
        store.drop(previewId);
        throw err;
      }
    },

    cancel(previewId) {
      store.sweep();
      // Cancelling what is gone already (expired, committed, never started) is no error: the
      // dialog may close after the preview expired.
      store.drop(previewId);
      return null;
    },

    commit(previewId, choices, versionOf) {
      store.sweep();
      const planId = store.committedAs(previewId);
      if (planId) {
        throw new AppError('CONFLICT', `This preview was imported already (as plan ${planId}); a preview is imported only once.`);
      }
      const entry = store.get(previewId);
      if (!entry) {
        throw new AppError(
          'NOT_FOUND',
          `There is no preview ${previewId}: it was cancelled, or forgotten after ${MINUTES(store.limits.ttlMs)} minutes; open the file again.`,
        );
      }
      if (entry.state === 'reading') {
        throw new AppError('CONFLICT', `${entry.fileName} is still being read; import it when its preview is shown.`);
      }
      let doc: ImportedDocument;
      try {
        doc = applyImportChoices(entry.document, choices);
      } catch (err) {
        if (err instanceof OutlineEditError) throw new AppError('BAD_REQUEST', `${entry.fileName}: ${err.message}`);
        throw err;
      }
      if (versionOf !== undefined) {
        const stored = importVersion(db, doc, versionOf);
        store.markCommitted(previewId, stored.planId);
        return { planId: stored.planId, duplicate: false, ...countsOf(db, stored.planId), version: stored.version };
      }
      // One IMMEDIATE transaction: the tree, the file's hash and what the app reads of it; the
      // same file twice is recognised by that hash and not written again.
      const stored = storeImportedPlan(db, doc);
      store.markCommitted(previewId, stored.planId);
      return { planId: stored.planId, duplicate: stored.duplicate, ...countsOf(db, stored.planId) };
    },

    close() {
      store.clear();
    },
  };
}

function countsOf(db: Db, planId: string): { themeCount: number; itemCount: number } {
  const count = (table: 'themes' | 'initiatives') =>
    (prepared(db, `SELECT count(*) AS n FROM ${table} WHERE plan_id = ?`).get(planId) as { n: number }).n;
  return { themeCount: count('themes'), itemCount: count('initiatives') };
}

/** The plan already imported from a file with this content hash, if any. */
function findDuplicate(db: Db, sha256: string): ImportPreview['duplicateOf'] {
  const row = prepared(
    db,
    `SELECT p.id AS planId, coalesce(u.title, p.title) AS title, u.trashed_at IS NOT NULL AS trashed
     FROM plan_files f JOIN plans p ON p.id = f.plan_id LEFT JOIN user_plan_state u ON u.plan_id = p.id
     WHERE f.sha256 = ?`,
  ).get(sha256) as { planId: string; title: string; trashed: number } | undefined;
  return row ? { planId: row.planId, title: row.title, trashed: row.trashed === 1 } : null;
}
