// An in-memory stand-in for the core's table methods over the plan fixture's 15 initiatives,
// answering as the contract describes: filtering, sorting (pinyin or stroke collation),
// grouping (rows ordered by group, with counts), paging, facet counts under the other filters,
// rows by id, initiative.update, status options and saved views. The component tests check
// what the table SENDS and how it shows what comes back; the real SQL is the core's to test.
import type { ApiBridge } from '../../../shared/api/contract';
import {
  DEFAULT_STATUS_OPTIONS,
  type FacetCount,
  type FacetList,
  type InitiativeRow,
  type SavedView,
  type TableFilters,
  type TablePage,
  type TableQuery,
} from '../../../shared/domain/table';
import { EMERGING_INDUSTRIES, FUTURE_INDUSTRIES, LISTS_INITIATIVE_ID, META, OUTLINE, PLAN_ID, SUMMARY } from '../plan-fixture';
import { pageGroupsOf, type WholeGroup } from '../../helpers/page-groups';
import { createFakeBridge, fail, ok, type FakeBridge } from '../fake-bridge';

/** The reader's fields on some fixture rows, so sorting and facets have something to show. */
const USER_FIELDS: Record<string, Partial<InitiativeRow>> = {
  'hz-2024/T1/I1': { status: 'in_progress', priority: 'high', leadUnit: '市发改委', tags: ['营商环境'], noteCount: 2, highlightCount: 1 },
  'hz-2024/T1/I2': { status: 'done', priority: 'medium', leadUnit: '市市场监管局', tags: ['营商环境', '法治'] },
  'hz-2024/T2/I1': { status: 'in_progress', priority: 'low', leadUnit: '市经信局', deadline: '2024-12-31' },
  'hz-2024/T3/I3': { status: 'watching', priority: 'high', tags: ['新质生产力'], progressNote: '已列入年度重点', highlightCount: 3 },
  'hz-2024/T4/I1': { status: 'not_started' },
  'hz-2024/T5/I2': { status: 'in_progress', leadUnit: '市科技局' },
};

export function fixtureRows(): InitiativeRow[] {
  return OUTLINE.themes.flatMap((theme) =>
    theme.initiatives.map((i) => ({
      id: i.id,
      planId: PLAN_ID,
      planTitle: META.title,
      themeId: theme.id,
      themeOrdinal: theme.ordinal,
      themeHeadline: theme.headline,
      ordinal: i.ordinal,
      numeral: i.numeral,
      headline: i.headline,
      shortId: `T${theme.ordinal}·I${i.ordinal}`,
      status: null,
      priority: null,
      leadUnit: null,
      responsibleUnits: null,
      deadline: null,
      progressNote: null,
      tags: [],
      highlightCount: 0,
      noteCount: 0,
      touchedAt: null,
      revision: USER_FIELDS[i.id] ? 1 : 0,
      industries: i.id === LISTS_INITIATIVE_ID ? [...EMERGING_INDUSTRIES, ...FUTURE_INDUSTRIES] : [],
      ...USER_FIELDS[i.id],
    })),
  );
}

/** A second, imported plan (createFakeTable's `secondPlan`): two themes, three initiatives. */
export const SECOND_PLAN_ID = 'p-anji';
export const SECOND_PLAN_TITLE = '安吉县绿色发展实施方案';
export const SECOND_PLAN_THEMES = [
  { id: 'p-anji/s1', headline: '生态保护', initiatives: ['建设美丽乡村', '发展竹产业'] },
  { id: 'p-anji/s2', headline: '绿色交通', initiatives: ['推广新能源公交'] },
];

export function secondPlanRows(): InitiativeRow[] {
  return SECOND_PLAN_THEMES.flatMap((theme, t) =>
    theme.initiatives.map((headline, i) => ({
      ...fixtureRows()[0]!,
      id: `${theme.id}i${i + 1}`,
      planId: SECOND_PLAN_ID,
      planTitle: SECOND_PLAN_TITLE,
      themeId: theme.id,
      themeOrdinal: t + 1,
      themeHeadline: theme.headline,
      ordinal: i + 1,
      numeral: `第${i + 1}`,
      headline,
      shortId: `T${t + 1}·I${i + 1}`,
      status: null,
      priority: null,
      leadUnit: null,
      tags: [],
      noteCount: 0,
      highlightCount: 0,
      revision: 0,
      industries: [],
    })),
  );
}

const has = (text: string | null, needle: string) => (text ?? '').toLowerCase().includes(needle.toLowerCase());

function passes(row: InitiativeRow, q: Pick<TableQuery, 'search' | 'filters'>, skip?: keyof TableFilters): boolean {
  const f = q.filters;
  if (q.search && ![row.headline, row.themeHeadline, row.leadUnit, row.responsibleUnits, row.progressNote, ...row.tags].some((t) => has(t, q.search))) {
    return false;
  }
  if (skip !== 'planIds' && f.planIds?.length && !f.planIds.includes(row.planId)) return false;
  if (skip !== 'themeIds' && f.themeIds?.length && !f.themeIds.includes(row.themeId)) return false;
  if (skip !== 'statuses' && f.statuses?.length && !f.statuses.includes(row.status)) return false;
  if (skip !== 'priorities' && f.priorities?.length && !f.priorities.includes(row.priority)) return false;
  if (skip !== 'tags' && f.tags?.length && !f.tags.every((t) => row.tags.includes(t))) return false;
  for (const [column, needle] of Object.entries(f.text ?? {})) {
    const value = column === 'industries' ? row.industries.join(' ') : (row[column as 'headline'] as string | null);
    if (needle && !has(value, needle)) return false;
  }
  return true;
}

function compare(a: InitiativeRow, b: InitiativeRow, q: TableQuery): number {
  const collator = new Intl.Collator(q.collation === 'stroke' ? 'zh-u-co-stroke' : 'zh');
  const keyOf = (row: InitiativeRow, column: string): string | number | null => {
    if (column === 'theme') return row.themeOrdinal;
    if (column === 'plan') return row.planTitle;
    if (column === 'shortId') return row.themeOrdinal * 1000 + row.ordinal;
    return row[column as 'status'] ?? null;
  };
  for (const s of q.sort) {
    const x = keyOf(a, s.column);
    const y = keyOf(b, s.column);
    if (x === y) continue;
    // Unset values last, whatever the direction.
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (c !== 0) return s.desc ? -c : c;
  }
  // Across plans, the default order keeps each plan's rows together (by plan id).
  const byPlan = !q.planId && q.sort.length === 0 ? a.planId.localeCompare(b.planId) : 0;
  return byPlan || a.themeOrdinal - b.themeOrdinal || a.ordinal - b.ordinal;
}

function counts(rows: InitiativeRow[], valuesOf: (r: InitiativeRow) => (string | null)[], labelOf: (v: string | null) => string): FacetCount[] {
  const map = new Map<string | null, number>();
  for (const row of rows) for (const v of valuesOf(row)) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map].map(([value, count]) => ({ value, label: labelOf(value), count }));
}

export function runQuery(all: InitiativeRow[], q: TableQuery): TablePage {
  const matching = all.filter((r) => (!q.planId || r.planId === q.planId) && passes(r, q)).sort((a, b) => compare(a, b, q));
  const themeLabel = (v: string | null) => all.find((r) => r.themeId === v)?.themeHeadline ?? '';
  const statusLabel = (v: string | null) => DEFAULT_STATUS_OPTIONS.find((o) => o.key === v)?.label.zh ?? '';
  const under = (skip: keyof TableFilters) => all.filter((r) => passes(r, q, skip));
  const inScope = all.filter((r) => !q.planId || r.planId === q.planId);
  const planOf = (themeId: string | null) => all.find((r) => r.themeId === themeId)?.planId ?? '';
  const planCounts = counts(under('planIds'), (r) => [r.planId], () => '');
  const themeCounts = counts(under('themeIds'), (r) => [r.themeId], themeLabel);
  const plans = [...new Map(inScope.map((r) => [r.planId, r.planTitle]))].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  const chosen = (planId: string) => !q.filters.planIds?.length || q.filters.planIds.includes(planId);
  const themeIds = [...new Set(inScope.filter((r) => chosen(r.planId)).map((r) => r.themeId))].sort(
    (a, b) => plans.findIndex((p) => p[0] === planOf(a)) - plans.findIndex((p) => p[0] === planOf(b)),
  );
  const planTitleOf = (planId: string) => all.find((r) => r.planId === planId)?.planTitle;
  const facets = {
    plan: plans.map(([value, label]) => ({ value, label, count: planCounts.find((c) => c.value === value)?.count ?? 0 })),
    theme: themeIds.map((value) => ({
      value,
      label: themeLabel(value),
      count: themeCounts.find((c) => c.value === value)?.count ?? 0,
      planId: planOf(value),
      planTitle: planTitleOf(planOf(value)),
    })),
    status: counts(under('statuses'), (r) => [r.status], statusLabel),
    // Like the core: every priority listed, zeros included.
    priority: (['high', 'medium', 'low', null] as const).map((value) => ({
      value,
      label: value ?? '',
      count: under('priorities').filter((r) => r.priority === value).length,
    })),
    tags: counts(under('tags'), (r) => r.tags, (v) => v ?? ''),
  };
  let ordered = matching;
  let groups: WholeGroup[] = [];
  if (q.groupBy) {
    const keyOf = (r: InitiativeRow) => (q.groupBy === 'theme' ? r.themeId : r.status);
    const keys: (string | null)[] = [];
    for (const r of [...matching].sort((a, b) => a.planId.localeCompare(b.planId) || a.themeOrdinal - b.themeOrdinal)) if (!keys.includes(keyOf(r))) keys.push(keyOf(r));
    if (q.groupBy === 'status') keys.sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
    ordered = keys.flatMap((k) => matching.filter((r) => keyOf(r) === k));
    groups = keys.map((key) => ({
      key,
      label: q.groupBy === 'theme' ? themeLabel(key) : statusLabel(key),
      count: matching.filter((r) => keyOf(r) === key).length,
      ...(q.groupBy === 'theme' ? { planId: planOf(key), planTitle: planTitleOf(planOf(key)) } : {}),
    }));
  }
  // Like the core, the layout's counts are left out when the query names its stamp (here its
  // groups' keys and counts hashed: a layout changed by an edit has another).
  const named = pageGroupsOf(groups, q);
  const stamp = q.groupBy ? layoutStamp(JSON.stringify([q.groupBy, groups.map((g) => [g.key, g.count])])) : undefined;
  const layout = stamp === undefined ? named : { ...named, groupLayout: stamp, groupCounts: q.groupLayout === stamp ? null : named.groupCounts };
  const page = { rows: ordered.slice(q.offset, q.offset + q.limit), total: matching.length, totalExact: true, facets, ...layout };
  return q.facets === false ? { ...page, facets: { plan: [], theme: [], status: [], priority: [], tags: [] } } : page;
}

/** A short stamp of a layout's text (FNV-1a). */
function layoutStamp(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `fake-${(h >>> 0).toString(36)}`;
}

export interface FakeTable extends FakeBridge {
  rows: InitiativeRow[];
  views: SavedView[];
  /** The table.query calls so far, newest last. */
  queries(): TableQuery[];
}

/** A facet as the core lists it for a menu (table.facets): with a limit or a match, the themes
 *  whose headline or plan title (the plans whose title) holds the match, the `limit` with the
 *  most rows (ties by id) plus the chosen ones, in the facet's order, and how many matching ones
 *  were left out. */
function facetList(all: FacetCount[], chosen: readonly (string | null)[], limit?: number, match?: string): FacetList {
  if (limit === undefined && !match) return { entries: all, more: 0 };
  const matching = all.filter((e) => e.count > 0 && (!match || e.label.includes(match) || (e.planTitle ?? '').includes(match)));
  const top = new Set(
    [...matching]
      .sort((a, b) => b.count - a.count || (a.value! < b.value! ? -1 : 1))
      .slice(0, limit ?? Infinity)
      .map((e) => e.value),
  );
  const entries = all.filter((e) => top.has(e.value) || chosen.includes(e.value));
  return { entries, more: matching.length - matching.filter((e) => entries.includes(e)).length };
}

export function createFakeTable(
  overrides: Partial<ApiBridge> = {},
  saved: Parameters<typeof createFakeBridge>[1] = {},
  /** menuLimit: the theme and plan menus list at most this many (as if the library had more
   *  than the menu's limit). */
  options: { secondPlan?: boolean; menuLimit?: number } = {},
): FakeTable {
  const rows = [...fixtureRows(), ...(options.secondPlan ? secondPlanRows() : [])];
  const second = { ...SUMMARY, id: SECOND_PLAN_ID, title: SECOND_PLAN_TITLE, themeCount: 2, initiativeCount: 3 };
  const views: SavedView[] = [];
  let nextViewId = 1;
  const stamp = '2024-06-01T08:00:00.000Z';
  const fake = createFakeBridge(
    {
      'table.query': async (q) => ok(runQuery(rows, q)),
      'table.facets': async ({ query, facet, limit, match }) => ok(facetList(runQuery(rows, { ...query, offset: 0, limit: 1 }).facets[facet], { plan: query.filters.planIds, theme: query.filters.themeIds }[facet as 'plan' | 'theme'] ?? [], limit === undefined ? limit : Math.min(limit, options.menuLimit ?? limit), match)),
      'table.rows': async ({ ids }) => ok(ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is InitiativeRow => !!r)),
      'table.exportCsv': async () => ok({ fileName: 'initiatives.csv', csv: '\uFEFFid\r\n' }),
      'initiative.update': async ({ initiativeId, baseRevision, patch }) => {
        const at = rows.findIndex((r) => r.id === initiativeId);
        if (at < 0) return fail('NOT_FOUND', `No initiative with id ${initiativeId}`);
        // As the core does: a write made on an older revision is refused with the current row.
        if (rows[at]!.revision !== baseRevision) {
          return { ok: false, error: { code: 'CONFLICT', message: `stale: ${baseRevision}`, current: { ...rows[at]! } } };
        }
        rows[at] = { ...rows[at]!, ...patch, touchedAt: stamp, revision: rows[at]!.revision + 1 };
        return ok(rows[at]!);
      },
      'status.options': async () => ok({ options: [...DEFAULT_STATUS_OPTIONS], revision: 0 }),
      ...(options.secondPlan ? { 'plan.list': async () => ok([SUMMARY, second]) } : {}),
      'tags.list': async () => {
        const counts = new Map<string, number>();
        for (const r of rows) for (const tag of r.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
        return ok([...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count));
      },
      'view.list': async () => ok([...views]),
      'view.save': async ({ id, name, state }) => {
        const existing = views.find((v) => v.id === id);
        if (existing) {
          Object.assign(existing, { name, state, updatedAt: stamp, revision: existing.revision + 1 });
          return ok({ ...existing });
        }
        const view: SavedView = { id: nextViewId++, name, state, createdAt: stamp, updatedAt: stamp, revision: 1 };
        views.push(view);
        return ok({ ...view });
      },
      'view.delete': async ({ id }) => {
        const at = views.findIndex((v) => v.id === id);
        if (at >= 0) views.splice(at, 1);
        return ok(null);
      },
      ...overrides,
    },
    saved,
  );
  return {
    ...fake,
    rows,
    views,
    queries: () => fake.calls.filter((c) => c.method === 'table.query').map((c) => c.args as TableQuery),
  };
}
