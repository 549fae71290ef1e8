// Search results as the view lays them out: one flat list of rows (a plan's heading, then its
// hits) that the virtual list scrolls. Within a page of results, hits are grouped by plan in
// the order of each plan's best hit, so the best results stay on top; a later page is laid out
// below the earlier ones and never reorders them, so rows do not jump while the reader scrolls
// and the next page arrives. A heading is repeated only where the plan changes.
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

export type ResultRow =
  | { kind: 'plan'; key: string; planId: string; planTitle: string; version: number }
  /** `index`: the hit's place among all hits as laid out (what ↑/↓ move through). */
  | { kind: 'hit'; key: string; hit: SearchHit; index: number; firstInGroup: boolean };

export interface ResultLayout {
  rows: ResultRow[];
  /** The hits in the order shown. */
  hits: SearchHit[];
  /** The row of each hit (by its index in `hits`). */
  rowOfHit: number[];
}

export function layoutPages(pages: readonly (readonly SearchHit[])[]): ResultLayout {
  const rows: ResultRow[] = [];
  const hits: SearchHit[] = [];
  const rowOfHit: number[] = [];
  const seen = new Set<string>();
  let lastPlan: string | null = null;
  for (const page of pages) {
    for (const group of groupHits(page)) {
      const heading = group.planId !== lastPlan;
      if (heading) rows.push({ kind: 'plan', key: `plan|${rows.length}|${group.planId}`, planId: group.planId, planTitle: group.planTitle, version: group.version });
      lastPlan = group.planId;
      group.hits.forEach((hit, i) => {
        // A hit the core already gave on an earlier page (ranking ties can shift between two
        // page queries while a write lands) is shown once.
        const key = hitKey(hit);
        if (seen.has(key)) return;
        seen.add(key);
        rowOfHit.push(rows.length);
        rows.push({ kind: 'hit', key, hit, index: hits.length, firstInGroup: heading && i === 0 });
        hits.push(hit);
      });
    }
  }
  return { rows, hits, rowOfHit };
}

/** A stable key of a hit (one per item, or per plan for a plan-level hit). */
export const hitKey = (hit: SearchHit) => `${hit.planId}|${hit.itemId ?? ''}`;
