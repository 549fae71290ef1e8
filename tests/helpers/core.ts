// A real core (real SQLite file, real embedded plan) in a given data folder. Without scheduled
// backups: the storage tests check those; elsewhere they would only add background work.
import { createCore, type Core, type CoreOptions } from '../../electron/core/core';
import type { Db } from '../../electron/core/db/open';
import { updateInitiative } from '../../electron/core/services/initiative-update';
import type { InitiativeFields, InitiativeRow } from '../../shared/domain/table';
import { RESOURCES_DIR } from './paths';
import { createChromiumPdf, type ChromiumPdf } from '../../electron/server/chromium-pdf';
import type { PdfRenderer } from '../../electron/core/services/packets/pdf';
import { localBrowserPath } from './local-browser';

let chromiumPdf: ChromiumPdf | null = null;

/** Browser mode's packet PDF renderer on the machine's Chromium (started on first use, closed
 *  when idle), shared by the test cores of a file. */
export function testPdfRenderer(): PdfRenderer {
  chromiumPdf ??= createChromiumPdf(localBrowserPath());
  return chromiumPdf.render;
}

export function createTestCore(
  dataDir: string,
  resourcesDir = RESOURCES_DIR,
  extra: Pick<CoreOptions, 'onInternalError' | 'pdfRenderer'> = {},
): Core {
  return createCore({
    dataDir,
    resourcesDir,
    host: 'browser',
    version: '0.0.0-test',
    scheduleBackups: false,
    pdfRenderer: (request) => testPdfRenderer()(request),
    ...extra,
  });
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
