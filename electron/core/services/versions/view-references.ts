// Saved views of the table name plans and themes in their filters (planIds, themeIds). When a
// revised text is imported as a new version, a view that named the old version names the new
// one instead — in the version import's transaction, as a new revision of the view — so a
// reader's "this plan, these two themes" view keeps showing what it showed.
//
// A theme follows to the new version only when that is certain: the same heading (compared in
// matchForm, found once on each side), or else every matched item of the old theme went to one
// and the same new theme. A theme with no such partner stays named as it is (it still shows
// the old version's rows when the reader picks that version); nothing is guessed.
import type { TableViewState } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { matchForm } from './match';

interface ThemeRow {
  id: string;
  headline: string;
}

function themes(db: Db, planId: string): ThemeRow[] {
  return prepared(db, 'SELECT id, headline FROM themes WHERE plan_id = ? ORDER BY ordinal').all(planId) as ThemeRow[];
}

/** Old theme id → new theme id, for the themes that certainly continue (see the top of the file). */
export function themeSuccessions(db: Db, oldPlan: string, newPlan: string, moves: readonly { from: string; to: string }[]): Map<string, string> {
  const olds = themes(db, oldPlan);
  const news = themes(db, newPlan);
  const count = (rows: ThemeRow[]) => {
    const n = new Map<string, number>();
    for (const r of rows) n.set(matchForm(r.headline), (n.get(matchForm(r.headline)) ?? 0) + 1);
    return n;
  };
  const oldCount = count(olds);
  const newCount = count(news);
  const newByHeading = new Map(news.map((t) => [matchForm(t.headline), t.id]));
  const themeOfItem = prepared(db, 'SELECT theme_id AS themeId FROM initiatives WHERE id = ?').pluck();
  const targets = new Map<string, Set<string>>();
  for (const m of moves) {
    const from = themeOfItem.get(m.from) as string | undefined;
    const to = themeOfItem.get(m.to) as string | undefined;
    if (!from || !to) continue;
    const set = targets.get(from) ?? new Set<string>();
    set.add(to);
    targets.set(from, set);
  }
  const out = new Map<string, string>();
  for (const t of olds) {
    const heading = matchForm(t.headline);
    if (heading !== '' && oldCount.get(heading) === 1 && newCount.get(heading) === 1) out.set(t.id, newByHeading.get(heading)!);
    else if (targets.get(t.id)?.size === 1) out.set(t.id, [...targets.get(t.id)!][0]!);
  }
  return out;
}

/**
 * Rewrites every saved view that names `oldPlan` or one of its themes so it names the new
 * version's plan and themes (revision + 1, updated now). Call inside the version import's write
 * transaction. Returns how many views changed.
 */
export function rewriteViewReferences(
  db: Db,
  oldPlan: string,
  newPlan: string,
  moves: readonly { from: string; to: string }[],
  now: string,
): number {
  const views = prepared(db, 'SELECT id, state_json AS json FROM user_saved_views').all() as { id: number; json: string }[];
  let themeMap: Map<string, string> | null = null;
  const update = prepared(db, 'UPDATE user_saved_views SET state_json = ?, updated_at = ?, revision = revision + 1 WHERE id = ?');
  let changed = 0;
  for (const view of views) {
    const state = JSON.parse(view.json) as TableViewState;
    const { planIds, themeIds } = state.filters;
    const namesPlan = planIds?.includes(oldPlan) ?? false;
    const oldThemePrefix = `${oldPlan}/`;
    const namesTheme = themeIds?.some((id) => id.startsWith(oldThemePrefix)) ?? false;
    if (!namesPlan && !namesTheme) continue;
    themeMap ??= themeSuccessions(db, oldPlan, newPlan, moves);
    const map = themeMap;
    const filters = { ...state.filters };
    if (planIds) filters.planIds = [...new Set(planIds.map((id) => (id === oldPlan ? newPlan : id)))];
    if (themeIds) filters.themeIds = [...new Set(themeIds.map((id) => map.get(id) ?? id))];
    const next = JSON.stringify({ ...state, filters });
    if (next === view.json) continue;
    update.run(next, now, view.id);
    changed++;
  }
  return changed;
}
