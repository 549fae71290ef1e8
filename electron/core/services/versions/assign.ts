// The items a version import left unmatched, and the reader's decision on each: version.assign
// moves an unmatched item's values to an item of a later version (an explicit reader action:
// a 'manual' succession and a new revision of the record), or records that the reader leaves it
// unmatched. Nothing here guesses: the candidates shown are the matching's own (too close to
// call), and the reader picks.
import { AppError, StaleWriteError } from '../../../../shared/api/result';
import type { ItemValues, UnmatchedItem, VersionItem } from '../../../../shared/api/versions/methods';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readTransaction, writeTransaction } from '../../db/transaction';
import { reanchorAnnotations } from '../annotations/reanchor';
import { lineageOf } from './lineage';
import { matchItems } from './match';
import { planItems } from './version-import';
import { annotationCount, hasRecord, moveItemValues, readItemValues } from './values';

interface ItemRow {
  id: string;
  planId: string;
  numeral: string;
  headline: string;
}

function itemRow(db: Db, itemId: string): ItemRow | null {
  return (
    (prepared(db, 'SELECT id, plan_id AS planId, numeral, headline FROM initiatives WHERE id = ?').get(itemId) as
      | ItemRow
      | undefined) ?? null
  );
}

/** The items of the version `planId` was imported as a new version of that have no successor in
 *  it (pending or left by the reader), and the items of `planId` with no predecessor. */
export function unmatchedItems(db: Db, planId: string): { items: UnmatchedItem[]; unclaimed: VersionItem[] } {
  return readTransaction(db, () => {
    if (prepared(db, 'SELECT 1 AS found FROM plans WHERE id = ?').get(planId) === undefined) {
      throw new AppError('NOT_FOUND', `version.unmatched: no plan with id ${planId}`);
    }
    const { derivedFrom } = lineageOf(db, planId);
    if (derivedFrom === null) return { items: [], unclaimed: [] };
    const olds = planItems(db, derivedFrom);
    const news = planItems(db, planId);
    const successions = new Map(
      (
        prepared(db, 'SELECT from_item_id AS fromId, to_item_id AS toId FROM item_successions WHERE to_plan_id = ?').all(
          planId,
        ) as { fromId: string; toId: string | null }[]
      ).map((s) => [s.fromId, s.toId]),
    );
    const claimed = new Set([...successions.values()].filter((id): id is string => id !== null));
    // The candidates the matching found too close to call (the same text gives the same answer).
    const candidates = new Map<string, { id: string; score: number }[]>();
    for (const a of matchItems(olds, news).ambiguous) {
      for (const c of a.candidates) candidates.set(c.oldId, [...(candidates.get(c.oldId) ?? []), { id: a.newId, score: c.score }]);
    }
    const newById = new Map(news.map((i) => [i.id, i]));
    const items = olds
      .filter((o) => !successions.has(o.id) || successions.get(o.id) === null)
      .map((o) => ({
        id: o.id,
        numeral: o.numbering,
        headline: o.headline,
        planId,
        values: readItemValues(db, o.id),
        annotations: annotationCount(db, o.id),
        candidates: (candidates.get(o.id) ?? [])
          .filter((c) => !claimed.has(c.id))
          .map((c) => ({ id: c.id, numeral: newById.get(c.id)!.numbering, headline: newById.get(c.id)!.headline, score: c.score })),
        left: successions.get(o.id) === null,
      }));
    const unclaimed = news.filter((n) => !claimed.has(n.id)).map((n) => ({ id: n.id, numeral: n.numbering, headline: n.headline }));
    return { items, unclaimed };
  });
}

/** version.assign (see the top of this file). */
export function assignItem(
  db: Db,
  fromItemId: string,
  toItemId: string | null,
  baseRevision: number,
  now = new Date(),
): { fromItemId: string; toItemId: string | null; values: ItemValues } {
  return writeTransaction(db, () => {
    const from = itemRow(db, fromItemId);
    if (!from) throw new AppError('NOT_FOUND', `version.assign: no item with id ${fromItemId}`);
    const values = readItemValues(db, fromItemId);
    if (values.revision !== baseRevision) {
      throw new StaleWriteError(
        `version.assign: the values of ${fromItemId} were changed elsewhere (they are at revision ${values.revision}, ` +
          `this was decided on revision ${baseRevision}); nothing was moved.`,
        values,
      );
    }
    // The version whose import left it unmatched: the one derived from its plan.
    const next = prepared(db, 'SELECT plan_id AS planId FROM plan_versions WHERE derived_from = ?').get(from.planId) as
      | { planId: string }
      | undefined;
    if (!next) throw new AppError('BAD_REQUEST', `version.assign: ${fromItemId} belongs to a plan with no newer version`);
    const decided = prepared(db, 'SELECT to_item_id AS toId FROM item_successions WHERE from_item_id = ? AND to_plan_id = ?').get(
      fromItemId,
      next.planId,
    ) as { toId: string | null } | undefined;
    if (decided && decided.toId !== null) {
      throw new AppError('BAD_REQUEST', `version.assign: ${fromItemId} already became ${decided.toId}; nothing was moved`);
    }
    const stamp = now.toISOString();
    if (toItemId === null) {
      prepared(
        db,
        `INSERT INTO item_successions (from_item_id, to_plan_id, to_item_id, score, how, decided_at)
         VALUES (?, ?, NULL, NULL, 'manual', ?)
         ON CONFLICT (from_item_id, to_plan_id) DO UPDATE SET decided_at = excluded.decided_at`,
      ).run(fromItemId, next.planId, stamp);
      return { fromItemId, toItemId: null, values };
    }
    const to = itemRow(db, toItemId);
    if (!to) throw new AppError('NOT_FOUND', `version.assign: no item with id ${toItemId}`);
    if (to.planId !== next.planId) {
      throw new AppError(
        'BAD_REQUEST',
        `version.assign: ${toItemId} is not an item of ${next.planId}, the version ${fromItemId} was left unmatched in`,
      );
    }
    const taken = prepared(db, 'SELECT from_item_id AS fromId FROM item_successions WHERE to_item_id = ?').get(toItemId) as
      | { fromId: string }
      | undefined;
    if (taken) throw new AppError('CONFLICT', `version.assign: ${toItemId} already continues ${taken.fromId}; nothing was moved`);
    if (hasRecord(db, toItemId)) {
      throw new AppError('CONFLICT', `version.assign: ${toItemId} already carries values of its own; nothing was moved`);
    }
    prepared(
      db,
      `INSERT INTO item_successions (from_item_id, to_plan_id, to_item_id, score, how, decided_at)
       VALUES (?, ?, ?, NULL, 'manual', ?)
       ON CONFLICT (from_item_id, to_plan_id) DO UPDATE SET to_item_id = excluded.to_item_id, decided_at = excluded.decided_at`,
    ).run(fromItemId, next.planId, toItemId, stamp);
    moveItemValues(db, fromItemId, toItemId, stamp);
    reanchorAnnotations(db, [{ from: fromItemId, to: toItemId }], stamp);
    return { fromItemId, toItemId, values: readItemValues(db, toItemId) };
  });
}

