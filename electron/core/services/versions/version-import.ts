// Importing a revised text as a new version of a plan. The new version is a plan of its own
// (its own ids; the older version stays stored and readable). Its items are matched to the older
// version's by their text (match.ts: identical, same heading, similar above a threshold; an item
// too close to call between two candidates is left unmatched), and in ONE IMMEDIATE transaction:
// the new plan is stored, its place in the lineage recorded, a succession written per matched
// item, the reader's values moved from each matched item to its successor (revision + 1), the
// annotations re-anchored on the moved items, the saved views' plan and theme filters pointed at
// the new version (view-references.ts), and the reader's current plan moved to the new version. A failure anywhere leaves every table as it was.
//
// A value only ever moves along a succession the matching found (or the reader assigned:
// assign.ts); an item with no successor keeps its values where they are, listed as unmatched.
// A successor that already carries values (a purged plan's ids imported again) receives none:
// both stay where they are and the older item is listed as unmatched.
import { AppError } from '../../../../shared/api/result';
import type { VersionChanges, VersionImportResult, VersionItem } from '../../../../shared/api/versions/methods';
import type { ImportedDocument } from '../../../../shared/domain/document';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { projectPlan } from '../../plan/projection';
import { planIdForFile, storeImportedPlan } from '../../plan/store-imported';
import { reanchorAnnotations } from '../annotations/reanchor';
import { isTrashed } from '../library/trash';
import { getSetting, setSetting } from '../settings';
import { planTitle } from '../table/plans';
import { lineageOf, newestVersion } from './lineage';
import { matchItems, type MatchItem, type MatchResult } from './match';
import { annotationCount, hasRecord, moveItemValues, readItemValues, valueCount } from './values';
import { rewriteViewReferences } from './view-references';

interface ItemText extends MatchItem {
  headline: string;
}

/** A plan's items in reading order (theme order, then item order), as matching reads them. */
export function planItems(db: Db, planId: string): ItemText[] {
  return (
    prepared(
      db,
      `SELECT i.id, i.numeral AS numbering, i.headline, i.headline AS heading, i.body
       FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.plan_id = ? ORDER BY t.ordinal, i.ordinal`,
    ).all(planId) as ItemText[]
  );
}

/** The items a document will have once stored (the ids storeImportedPlan gives them). */
function documentItems(doc: ImportedDocument): ItemText[] {
  const planId = planIdForFile(doc.source.sha256);
  const projection = projectPlan(doc, {
    planId,
    section: (hashId) => `${planId}/${hashId}`,
    list: (hashId, k) => `${planId}/${hashId}/L${k}`,
  });
  const themeOrder = new Map(projection.themes.map((t) => [t.id, t.ordinal]));
  return [...projection.initiatives]
    .sort((a, b) => themeOrder.get(a.themeId)! - themeOrder.get(b.themeId)! || a.ordinal - b.ordinal)
    .map((i) => ({ id: i.id, numbering: i.numeral, headline: i.headline, heading: i.headline, body: i.body }));
}

/** Checks that `planId` may get a new version: it exists, is not in the trash, and is the
 *  newest version of its lineage (a newer one would already hold the reader's values). */
function requireRevisable(db: Db, planId: string, fileName: string): { title: string; version: number; lineageId: string } {
  const plan = planTitle(db, planId);
  if (!plan) throw new AppError('NOT_FOUND', `${fileName}: there is no plan ${planId} to import a new version of`);
  if (isTrashed(db, planId)) {
    throw new AppError('BAD_REQUEST', `${fileName}: plan ${planId} is in the trash; restore it before importing a new version of it`);
  }
  const lineage = lineageOf(db, planId);
  const newest = newestVersion(db, lineage.lineageId);
  if (newest && newest.planId !== planId) {
    throw new AppError(
      'BAD_REQUEST',
      `${fileName}: plan ${planId} is version ${lineage.version}; version ${newest.version} (${newest.planId}) is newer, ` +
        'import the new version as a version of that one',
    );
  }
  return { title: plan.title, version: lineage.version, lineageId: lineage.lineageId };
}

function itemOf(i: ItemText): VersionItem {
  return { id: i.id, numeral: i.numbering, headline: i.headline };
}

function summarize(
  db: Db,
  versionOf: { planId: string; title: string; version: number },
  olds: ItemText[],
  news: ItemText[],
  match: MatchResult,
): VersionChanges {
  const oldById = new Map(olds.map((i) => [i.id, i]));
  const newById = new Map(news.map((i) => [i.id, i]));
  const changed = match.pairs
    .filter((p) => p.renumbered || p.moved || p.headingEdited || p.bodyEdited)
    .map((p) => ({
      from: itemOf(oldById.get(p.oldId)!),
      to: itemOf(newById.get(p.newId)!),
      score: p.score,
      how: p.basis,
      renumbered: p.renumbered,
      moved: p.moved,
      headingEdited: p.headingEdited,
      bodyEdited: p.bodyEdited,
    }));
  const removed = match.unmatchedOld.map((id) => ({ ...itemOf(oldById.get(id)!), values: valueCount(readItemValues(db, id)) + annotationCount(db, id) }));
  return {
    versionOf,
    counts: {
      unchanged: match.pairs.length - changed.length,
      edited: match.pairs.filter((p) => p.headingEdited || p.bodyEdited).length,
      moved: match.pairs.filter((p) => p.moved).length,
      renumbered: match.pairs.filter((p) => p.renumbered).length,
      added: match.unmatchedNew.length,
      removed: removed.length,
      ambiguous: match.ambiguous.length,
      unmatchedWithValues: removed.filter((r) => r.values > 0).length,
    },
    changed,
    added: match.unmatchedNew.map((id) => itemOf(newById.get(id)!)),
    removed,
    ambiguous: match.ambiguous.map((a) => ({
      item: itemOf(newById.get(a.newId)!),
      candidates: a.candidates.map((c) => ({ ...itemOf(oldById.get(c.oldId)!), score: c.score })),
    })),
  };
}

/** A new version must be a text the library does not hold yet. */
function requireNewFile(db: Db, doc: ImportedDocument): void {
  const known = prepared(db, 'SELECT plan_id AS planId FROM plan_files WHERE sha256 = ?').get(doc.source.sha256) as
    | { planId: string }
    | undefined;
  if (known) {
    throw new AppError(
      'BAD_REQUEST',
      `${doc.source.fileName}: this file is already in the library as plan ${known.planId}; a new version must be a different text`,
    );
  }
}

/** What importing `doc` as a new version of `planId` would change; writes nothing. */
export function versionChanges(db: Db, planId: string, doc: ImportedDocument): VersionChanges {
  const target = requireRevisable(db, planId, doc.source.fileName);
  requireNewFile(db, doc);
  const olds = planItems(db, planId);
  const news = documentItems(doc);
  return summarize(db, { planId, title: target.title, version: target.version }, olds, news, matchItems(olds, news));
}

export interface VersionImportOptions {
  now?: Date;
}

/** Stores `doc` as the next version of `planId`, all or nothing (see the top of this file). */
export function importVersion(
  db: Db,
  doc: ImportedDocument,
  planId: string,
  options: VersionImportOptions = {},
): { planId: string; items: number; version: VersionImportResult } {
  const nowDate = options.now ?? new Date();
  const now = nowDate.toISOString();
  const fileName = doc.source.fileName;
  return writeTransaction(db, () => {
    const target = requireRevisable(db, planId, fileName);
    requireNewFile(db, doc);
    const stored = storeImportedPlan(db, doc, { now: nowDate });
    const newPlan = stored.planId;

    // The lineage: the older plan becomes version 1 of a lineage named after it, if it was not
    // in one yet.
    if (prepared(db, 'SELECT 1 AS found FROM plan_versions WHERE plan_id = ?').get(planId) === undefined) {
      const importedAt = (prepared(db, 'SELECT imported_at AS at FROM plans WHERE id = ?').get(planId) as { at: string }).at;
      prepared(
        db,
        'INSERT INTO plan_versions (plan_id, lineage_id, version, derived_from, created_at) VALUES (?, ?, 1, NULL, ?)',
      ).run(planId, target.lineageId, importedAt);
    }
    const version = target.version + 1;
    prepared(
      db,
      'INSERT INTO plan_versions (plan_id, lineage_id, version, derived_from, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(newPlan, target.lineageId, version, planId, now);

    const olds = planItems(db, planId);
    const news = planItems(db, newPlan);
    const match = matchItems(olds, news);
    // A plan purged and now imported again as the same version (the same text gives the same
    // ids) finds the successions of its earlier life: purging keeps them, as the record of where
    // the reader's values went. The reader's own decisions stand (their values went where they
    // chose); the matching's are written again, as the same texts match the same way.
    const manual = new Set(
      prepared(db, `SELECT from_item_id AS fromId FROM item_successions WHERE to_plan_id = ? AND how = 'manual'`)
        .pluck()
        .all(newPlan) as string[],
    );
    const succession = prepared(
      db,
      `INSERT INTO item_successions (from_item_id, to_plan_id, to_item_id, score, how, decided_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (from_item_id, to_plan_id) DO UPDATE SET
         to_item_id = excluded.to_item_id, score = excluded.score, how = excluded.how, decided_at = excluded.decided_at`,
    );
    const moves: { from: string; to: string }[] = [];
    let valuesMoved = 0;
    for (const pair of match.pairs) {
      if (manual.has(pair.oldId)) continue;
      // A successor already carrying values: both stay, the older item is listed as unmatched.
      if (hasRecord(db, pair.newId) && hasRecord(db, pair.oldId)) continue;
      succession.run(pair.oldId, newPlan, pair.newId, pair.score, pair.basis, now);
      moves.push({ from: pair.oldId, to: pair.newId });
      if (moveItemValues(db, pair.oldId, pair.newId, now)) valuesMoved++;
    }
    // The annotations of each matched item follow it and are anchored again in its new text.
    const annotations = reanchorAnnotations(db, moves, now);
    // Saved views that filter on this plan or its themes name the new version's ones.
    const views = rewriteViewReferences(db, planId, newPlan, moves, now);

    // The reader was reading this lineage: they now read the new version.
    const current = getSetting(db, 'ui.currentPlan');
    if (current !== null && lineageOf(db, current).lineageId === target.lineageId) setSetting(db, 'ui.currentPlan', newPlan, nowDate);
    const lastItem = getSetting(db, 'ui.lastInitiative');
    const lastMove = lastItem === null ? undefined : moves.find((m) => m.from === lastItem);
    if (lastMove) setSetting(db, 'ui.lastInitiative', lastMove.to, nowDate);

    return {
      planId: newPlan,
      items: stored.items,
      version: {
        lineageId: target.lineageId,
        version,
        matched: moves.length,
        valuesMoved,
        unmatched: olds.length - moves.length,
        annotations,
        views,
      },
    };
  });
}
