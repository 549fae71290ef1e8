// compare.plans: two plans side by side. When the two are versions of one plan, the pairs are
// the successions stored at each version import (and the reader's own assignments), followed
// across the versions between them: the comparison then shows exactly what the reader's values
// followed. Any other two plans (two years' work reports) are paired by matching their texts
// now, with the same matching a version import uses.
import type { CompareItem, CompareSide, Comparison, PairBasis } from '../../../../shared/api/compare/methods';
import { AppError } from '../../../../shared/api/result';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readTransaction } from '../../db/transaction';
import { planTitle } from '../table/plans';
import { lineageOf } from '../versions/lineage';
import { compareRows, countRows, matchPairs, type ItemPair } from './rows';

/** A plan's items in reading order (theme order, then item order), with their theme. */
export function compareItems(db: Db, planId: string): CompareItem[] {
  return prepared(
    db,
    `SELECT i.id, i.numeral, i.headline, i.body, t.headline AS theme
     FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.plan_id = ? ORDER BY t.ordinal, i.ordinal`,
  ).all(planId) as CompareItem[];
}

function side(db: Db, planId: string, which: string): CompareSide {
  const plan = planTitle(db, planId);
  if (!plan) throw new AppError('NOT_FOUND', `${which}: there is no plan ${planId}`);
  const itemCount = (prepared(db, 'SELECT count(*) AS n FROM initiatives WHERE plan_id = ?').get(planId) as { n: number }).n;
  return { planId, title: plan.title, version: lineageOf(db, planId).version, itemCount };
}

interface Succession {
  toItem: string;
  version: number;
  score: number | null;
  how: PairBasis;
}

/**
 * Pairs from the older version's items to the newer's, following successions version by
 * version (an item assigned by hand may skip versions). An item whose chain stops before the
 * newer version has no pair. The score of a chain is its weakest link; its basis 'manual' when
 * the reader decided any link, else the weakest link's.
 */
function lineagePairs(db: Db, lineageId: string, older: CompareSide, newer: CompareSide, olderItems: CompareItem[]): ItemPair[] {
  const rows = prepared(
    db,
    `SELECT s.from_item_id AS fromItem, s.to_item_id AS toItem, v.version, s.score, s.how
     FROM item_successions s JOIN plan_versions v ON v.plan_id = s.to_plan_id
     WHERE v.lineage_id = ? AND s.to_item_id IS NOT NULL AND v.version > ? AND v.version <= ?
     ORDER BY v.version`,
  ).all(lineageId, older.version, newer.version) as (Succession & { fromItem: string })[];
  const next = new Map<string, Succession[]>();
  for (const r of rows) {
    const list = next.get(r.fromItem);
    if (list) list.push(r);
    else next.set(r.fromItem, [r]);
  }
  const pairs: ItemPair[] = [];
  for (const item of olderItems) {
    let at = item.id;
    let version = older.version;
    let score = 1;
    let basis: PairBasis = 'identical';
    const rank: Record<PairBasis, number> = { identical: 0, heading: 1, similar: 2, manual: 3 };
    while (version < newer.version) {
      const step = next.get(at)?.find((s) => s.version > version);
      if (!step) break;
      at = step.toItem;
      version = step.version;
      score = Math.min(score, step.score ?? 1);
      if (rank[step.how] > rank[basis]) basis = step.how;
    }
    if (version === newer.version) pairs.push({ leftId: item.id, rightId: at, score, basis });
  }
  return pairs;
}

export function comparePlans(db: Db, leftPlanId: string, rightPlanId: string): Comparison {
  return readTransaction(db, () => {
    const left = side(db, leftPlanId, 'left plan');
    const right = side(db, rightPlanId, 'right plan');
    const leftItems = compareItems(db, leftPlanId);
    const rightItems = compareItems(db, rightPlanId);
    const leftLineage = lineageOf(db, leftPlanId).lineageId;
    const sameLineage = leftPlanId !== rightPlanId && leftLineage === lineageOf(db, rightPlanId).lineageId;
    let pairs: ItemPair[];
    if (!sameLineage) pairs = matchPairs(leftItems, rightItems);
    else if (left.version < right.version) pairs = lineagePairs(db, leftLineage, left, right, leftItems);
    else {
      // The newer version on the left: the same chains, read the other way.
      pairs = lineagePairs(db, leftLineage, right, left, rightItems).map((p) => ({ ...p, leftId: p.rightId, rightId: p.leftId }));
    }
    const rows = compareRows(leftItems, rightItems, pairs);
    return { left, right, basis: sameLineage ? 'lineage' : 'matching', counts: countRows(rows), rows };
  });
}
