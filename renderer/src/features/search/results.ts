// Search results as the view lays them out: grouped by plan (in the order of each plan's best
// hit, so the best results stay on top) and, within a plan, in rank order.
import type { SearchHit } from '../../../../shared/api/search/methods';

export interface HitGroup {
  planId: string;
  planTitle: string;
  version: number;
  hits: SearchHit[];
}

export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.planId);
    if (!group) groups.set(hit.planId, (group = { planId: hit.planId, planTitle: hit.planTitle, version: hit.version, hits: [] }));
    group.hits.push(hit);
  }
  return [...groups.values()];
}

/** A stable key of a hit (one per item, or per plan for a plan-level hit). */
export const hitKey = (hit: SearchHit) => `${hit.planId}|${hit.itemId ?? ''}`;
