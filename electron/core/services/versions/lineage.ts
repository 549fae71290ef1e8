// The versions of a plan (plan_versions): a lineage is the plans imported one as a new version
// of the other; its current version is its newest version not in the trash. A plan with no row
// is a lineage of its own, version 1. The table, the dashboard and the plan list show current
// versions only (superseded ones are left out like trashed ones) unless the reader picks one.
import type { PlanVersion } from '../../../../shared/api/versions/methods';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';

export interface Lineage {
  lineageId: string;
  /** The plan's number in its lineage. */
  version: number;
  /** The plan it was imported as a new version of (null: the first version). */
  derivedFrom: string | null;
}

/** A plan's place in its lineage (a plan never versioned: its own lineage, version 1). */
export function lineageOf(db: Db, planId: string): Lineage {
  const row = prepared(
    db,
    'SELECT lineage_id AS lineageId, version, derived_from AS derivedFrom FROM plan_versions WHERE plan_id = ?',
  ).get(planId) as Lineage | undefined;
  return row ?? { lineageId: planId, version: 1, derivedFrom: null };
}

/** The plan of the lineage with the highest version number, trashed or not. */
export function newestVersion(db: Db, lineageId: string): { planId: string; version: number } | null {
  return (
    (prepared(
      db,
      'SELECT plan_id AS planId, version FROM plan_versions WHERE lineage_id = ? ORDER BY version DESC LIMIT 1',
    ).get(lineageId) as { planId: string; version: number } | undefined) ?? null
  );
}

/** Plans that have a newer version not in the trash: left out of the "all plans" scope. */
export function supersededPlanIds(db: Db): string[] {
  return prepared(
    db,
    // Only lineages with more than one version can supersede anything: every table page asks,
    // and with thousands of single-version plans this spares a lookup per plan.
    `SELECT v.plan_id AS planId FROM plan_versions v
     WHERE v.lineage_id IN (SELECT lineage_id FROM plan_versions GROUP BY lineage_id HAVING count(*) > 1)
       AND EXISTS (
         SELECT 1 FROM plan_versions w LEFT JOIN user_plan_state u ON u.plan_id = w.plan_id
         WHERE w.lineage_id = v.lineage_id AND w.version > v.version AND u.trashed_at IS NULL)`,
  )
    .all()
    .map((r) => (r as { planId: string }).planId);
}

/** SQL condition: the plan aliased `plan` is superseded by a newer version not in the trash. */
export function supersededSql(plan: string): string {
  return `EXISTS (SELECT 1 FROM plan_versions v JOIN plan_versions w ON w.lineage_id = v.lineage_id AND w.version > v.version
    LEFT JOIN user_plan_state u ON u.plan_id = w.plan_id WHERE v.plan_id = ${plan}.id AND u.trashed_at IS NULL)`;
}

/** Every version of the lineage `planId` belongs to, oldest first. */
export function listVersions(db: Db, planId: string): PlanVersion[] {
  const { lineageId } = lineageOf(db, planId);
  const rows = prepared(
    db,
    `SELECT p.id AS planId, coalesce(v.version, 1) AS version, coalesce(nullif(u.title, ''), p.title) AS title, p.imported_at AS importedAt,
       p.file_name AS fileName, u.trashed_at IS NOT NULL AS trashed, v.derived_from AS derivedFrom,
       (SELECT count(*) FROM initiatives i WHERE i.plan_id = p.id) AS itemCount
     FROM plans p LEFT JOIN plan_versions v ON v.plan_id = p.id LEFT JOIN user_plan_state u ON u.plan_id = p.id
     WHERE v.lineage_id = ? OR (v.plan_id IS NULL AND p.id = ?)
     ORDER BY version`,
  ).all(lineageId, lineageId) as (Omit<PlanVersion, 'current' | 'trashed' | 'unmatched'> & {
    trashed: number;
    derivedFrom: string | null;
  })[];
  const current = [...rows].reverse().find((r) => r.trashed === 0)?.planId ?? null;
  return rows.map(({ derivedFrom, trashed, ...r }) => ({
    ...r,
    current: r.planId === current,
    trashed: trashed === 1,
    unmatched: derivedFrom === null ? 0 : unmatchedCount(db, derivedFrom, r.planId),
  }));
}

/** Items of `fromPlan` with no succession into `toPlan`. */
export function unmatchedCount(db: Db, fromPlan: string, toPlan: string): number {
  return (
    prepared(
      db,
      `SELECT count(*) AS n FROM initiatives i WHERE i.plan_id = ?
         AND NOT EXISTS (SELECT 1 FROM item_successions s WHERE s.from_item_id = i.id AND s.to_plan_id = ?)`,
    ).get(fromPlan, toPlan) as { n: number }
  ).n;
}
