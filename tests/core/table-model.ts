// A plain-JavaScript model of table.query over rows held in memory: the oracle the SQL
// implementation is compared with. Written for clarity, not speed, and independent of the
// core's code (its own normalization, its own collators).
import type {
  FacetCount,
  InitiativeRow,
  StatusOption,
  TablePage,
  TableQuery,
  TextFilterColumn,
} from '../../shared/domain/table';
import { expect } from 'vitest';
import { pageGroupsOf, type WholeGroup } from '../helpers/page-groups';

export interface ModelRow extends InitiativeRow {
  body: string;
}

type FacetName = 'plan' | 'theme' | 'status' | 'priority' | 'tags';

/** "Contains" as the reader means it: after Unicode compatibility folding (NFKC: ５Ｇ is 5G, 𝒜 is
 *  A), lower-cased, whitespace runs as one space. */
export const norm = (s: string): string => s.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).join(' ');

const contains = (values: readonly (string | null)[], query: string): boolean => {
  const q = norm(query);
  return q === '' || values.some((v) => v !== null && norm(v).includes(q));
};

const TEXT_VALUES: Record<TextFilterColumn, (r: ModelRow) => (string | null)[]> = {
  headline: (r) => [r.headline],
  leadUnit: (r) => [r.leadUnit],
  responsibleUnits: (r) => [r.responsibleUnits],
  progressNote: (r) => [r.progressNote],
  industries: (r) => r.industries,
};

export function passes(row: ModelRow, q: Omit<TableQuery, 'offset' | 'limit'>, except?: FacetName): boolean {
  const f = q.filters;
  if (q.planId !== undefined && row.planId !== q.planId) return false;
  if (except !== 'plan' && f.planIds?.length && !f.planIds.includes(row.planId)) return false;
  if (except !== 'theme' && f.themeIds?.length && !f.themeIds.includes(row.themeId)) return false;
  if (except !== 'status' && f.statuses?.length && !f.statuses.includes(row.status)) return false;
  if (except !== 'priority' && f.priorities?.length && !f.priorities.includes(row.priority)) return false;
  if (except !== 'tags' && f.tags?.length && !f.tags.every((t) => row.tags.includes(t))) return false;
  const searched = [row.headline, row.body, row.themeHeadline, row.leadUnit, row.responsibleUnits, row.progressNote, ...row.tags];
  if (!contains(searched, q.search)) return false;
  for (const [column, text] of Object.entries(f.text ?? {}) as [TextFilterColumn, string | undefined][]) {
    if (text !== undefined && !contains(TEXT_VALUES[column](row), text)) return false;
  }
  return true;
}

type Compare = (a: ModelRow, b: ModelRow) => number;

const LOCALES = { pinyin: 'zh', stroke: 'zh-u-co-stroke' } as const;

/** Unset (null or empty) values last whatever the direction; `compare` orders the rest. */
function nullsLast<T>(get: (r: ModelRow) => T | null, compare: (x: T, y: T) => number, desc: boolean): Compare {
  return (a, b) => {
    const [x, y] = [get(a), get(b)];
    const ex = x === null || x === '';
    const ey = y === null || y === '';
    if (ex || ey) return Number(ex) - Number(ey);
    return desc ? compare(y, x) : compare(x, y);
  };
}

export function comparatorOf(q: Omit<TableQuery, 'offset' | 'limit'>, options: readonly StatusOption[]): Compare {
  const collator = new Intl.Collator(LOCALES[q.collation]);
  const text = (x: string, y: string) => collator.compare(x, y);
  const num = (x: number, y: number) => x - y;
  const str = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const statusRank = (s: string) => {
    const i = options.findIndex((o) => o.key === s);
    return i < 0 ? options.length : i;
  };
  const statusCompare = (x: string, y: string) => statusRank(x) - statusRank(y) || str(x, y);
  const priorityRank = (p: string) => ['high', 'medium', 'low'].indexOf(p);
  const chain: Compare[] = [];
  const acrossPlans = q.planId === undefined;
  // Across plans, theme groups and the default order keep each plan's rows together (by id).
  const byPlan: Compare = (a, b) => (acrossPlans ? str(a.planId, b.planId) : 0);
  if (q.groupBy === 'theme') chain.push((a, b) => byPlan(a, b) || a.themeOrdinal - b.themeOrdinal || str(a.themeId, b.themeId));
  if (q.groupBy === 'status') chain.push(nullsLast((r) => r.status, statusCompare, false));
  for (const { column, desc } of q.sort) {
    switch (column) {
      case 'shortId':
        chain.push((a, b) => (desc ? -1 : 1) * (a.themeOrdinal - b.themeOrdinal || a.ordinal - b.ordinal));
        break;
      case 'plan':
        chain.push(nullsLast((r) => r.planTitle, text, desc), (a, b) => str(a.planId, b.planId));
        break;
      case 'theme':
        chain.push(nullsLast((r) => r.themeHeadline, text, desc));
        break;
      case 'headline':
        chain.push(nullsLast((r) => r.headline, text, desc));
        break;
      case 'status':
        chain.push(nullsLast((r) => r.status, statusCompare, desc));
        break;
      case 'priority':
        chain.push(nullsLast((r) => (r.priority === null ? null : priorityRank(r.priority)), num, desc));
        break;
      case 'leadUnit':
      case 'responsibleUnits':
      case 'progressNote':
        chain.push(nullsLast((r) => r[column], text, desc));
        break;
      case 'deadline':
      case 'touchedAt':
        chain.push(nullsLast((r) => r[column], str, desc));
        break;
      case 'highlightCount':
      case 'noteCount':
        chain.push((a, b) => (desc ? -1 : 1) * (a[column] - b[column]));
        break;
    }
  }
  if (q.sort.length === 0) chain.push(byPlan);
  chain.push((a, b) => a.themeOrdinal - b.themeOrdinal || a.ordinal - b.ordinal || str(a.id, b.id));
  return (a, b) => {
    for (const c of chain) {
      const d = c(a, b);
      if (d !== 0) return d;
    }
    return 0;
  };
}

export interface ModelTheme {
  id: string;
  planId: string;
  ordinal: number;
  headline: string;
}

export interface ModelPlan {
  id: string;
  title: string;
}

export function modelPage(
  rows: readonly ModelRow[],
  themes: readonly ModelTheme[],
  q: TableQuery,
  options: readonly StatusOption[],
  plans: readonly ModelPlan[],
): TablePage {
  const matching = rows.filter((r) => passes(r, q)).sort(comparatorOf(q, options));
  const under = (except: FacetName) => rows.filter((r) => passes(r, q, except));
  const countsOf = <T>(list: readonly ModelRow[], key: (r: ModelRow) => T[]) => {
    const m = new Map<T, number>();
    for (const r of list) for (const k of key(r)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const collator = new Intl.Collator('zh');
  const plansInScope = plans
    .filter((p) => q.planId === undefined || p.id === q.planId)
    .sort((a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
  const chosen = plansInScope.filter((p) => !q.filters.planIds?.length || q.filters.planIds.includes(p.id)).map((p) => p.id);
  const themesOf = (planOrder: readonly string[]) =>
    themes
      .filter((t) => planOrder.includes(t.planId))
      .sort((a, b) => planOrder.indexOf(a.planId) - planOrder.indexOf(b.planId) || a.ordinal - b.ordinal);
  const inRowOrder = themesOf([...chosen].sort());
  const statusValues = (counts: Map<string | null, number>) => [
    ...options.map((o) => o.key),
    ...[...counts.keys()].filter((k): k is string => k !== null && !options.some((o) => o.key === k)).sort(),
    null,
  ];

  const planCounts = countsOf(under('plan'), (r) => [r.planId]);
  const themeCounts = countsOf(under('theme'), (r) => [r.themeId]);
  const statusCounts = countsOf(under('status'), (r) => [r.status]);
  const priorityCounts = countsOf(under('priority'), (r) => [r.priority]);
  const tagCounts = countsOf(under('tags'), (r) => r.tags);
  for (const t of q.filters.tags ?? []) if (!tagCounts.has(t)) tagCounts.set(t, 0);
  const facet = (value: string | null, label: string, count: number): FacetCount => ({ value, label, count });

  let groups: WholeGroup[] = [];
  if (q.groupBy === 'theme') {
    const c = countsOf(matching, (r) => [r.themeId]);
    groups = inRowOrder
      .filter((t) => c.has(t.id))
      .map((t) => ({ key: t.id, label: t.headline, count: c.get(t.id)!, planId: t.planId, planTitle: plans.find((p) => p.id === t.planId)!.title }));
  } else if (q.groupBy === 'status') {
    const c = countsOf(matching, (r) => [r.status]);
    groups = statusValues(c)
      .filter((k) => c.has(k))
      .map((k) => ({ key: k, label: k ?? '', count: c.get(k)! }));
  }

  return {
    rows: matching.slice(q.offset, q.offset + q.limit).map(({ body: _body, ...row }) => row),
    total: matching.length,
    totalExact: true,
    ...pageGroupsOf(groups, q),
    // The layout's stamp is the core's own (opaque): any string, grouped only.
    ...(q.groupBy ? { groupLayout: expect.any(String) as string } : {}),
    facets: {
      // Plans and themes some row in scope has, and the chosen ones.
      plan: plansInScope
        .filter((p) => planCounts.has(p.id) || (q.filters.planIds ?? []).includes(p.id))
        .map((p) => facet(p.id, p.title, planCounts.get(p.id) ?? 0)),
      theme: themesOf(plansInScope.map((p) => p.id))
        .filter((t) => themeCounts.has(t.id) || (q.filters.themeIds ?? []).includes(t.id))
        .map((t) => ({
          ...facet(t.id, t.headline, themeCounts.get(t.id) ?? 0),
          planId: t.planId,
          planTitle: plans.find((p) => p.id === t.planId)!.title,
        })),
      status: statusValues(statusCounts).map((k) => facet(k, k ?? '', statusCounts.get(k) ?? 0)),
      priority: (['high', 'medium', 'low', null] as const).map((k) => facet(k, k ?? '', priorityCounts.get(k) ?? 0)),
      tags: [...tagCounts.entries()]
        .map(([k, n]) => facet(k, k, n))
        .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)),
    },
  };
}
