// Chinese sorting in SQL against its oracle: for every text column the table sorts and both
// collations, the order SQL returns equals JavaScript's sort with Intl.Collator('zh') (pinyin)
// or Intl.Collator('zh-u-co-stroke') on the same rows, empty values last; ties fall back to
// theme ordinal, initiative ordinal, id. Also: multi-column sorts, T10 after T9, and ranks
// that follow a new import and a change of ICU.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { COLLATORS, denseRanks, EMPTY_RANK } from '../../electron/core/collation/collators';
import { refreshInitiativeSortKeys } from '../../electron/core/collation/initiative-sort-keys';
import { importPlan } from '../../electron/core/plan/store';
import { updateLatest } from '../helpers/core';
import { queryTable } from '../../electron/core/services/table/query';
import type { Collation, InitiativeRow, SortableColumn, TableQuery, TableSort } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { mixedText, Prng } from '../helpers/mixed-text';
import { planOf } from '../helpers/plan-docs';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());

const LOCALE: Record<Collation, string> = { pinyin: 'zh', stroke: 'zh-u-co-stroke' };
const FIXED = [
  '数字经济', '安徽', '阿里', '北京', '中国', '一', '二', '十', '丁', '乙', 'alpha', 'Alpha', 'Zeta', 'beta', '10', '9',
  '2024年', '“新质”生产力', '、顿号', 'Émile', 'emile', '𠀀字', '营商环境', '杭州', '重庆', '长安',
];

function textPool(r: Prng): string[] {
  return [...FIXED, ...Array.from({ length: 20 }, () => mixedText(r, 1, 8).trim() || '空')];
}

/** Two plans of mixed headlines (repeats and empty ones included), 12 themes in the first. */
function importMixedPlans(r: Prng): void {
  const pool = textPool(r);
  const headline = () => (r.chance(0.08) ? '' : r.pick(pool));
  const themes = (n: number) =>
    Array.from({ length: n }, () => ({
      headline: headline(),
      initiatives: Array.from({ length: r.between(1, 6) }, headline),
    }));
  importPlan(core.db, planOf('mix-a', themes(12)), 'mix-a');
  importPlan(core.db, planOf('mix-b', themes(4)), 'mix-b');
}

function allIds(): string[] {
  return (core.db.prepare('SELECT id FROM initiatives ORDER BY id').all() as { id: string }[]).map((r) => r.id);
}

/** Reader values on most initiatives; some stay unset. */
function fillReaderFields(r: Prng): void {
  const pool = textPool(r);
  const statuses = [null, 'not_started', 'in_progress', 'done', 'watching'];
  for (const id of allIds()) {
    if (r.chance(0.2)) continue;
    updateLatest(core.db, id, {
      status: r.pick(statuses),
      priority: r.pick([null, 'high', 'medium', 'low'] as const),
      leadUnit: r.chance(0.2) ? null : r.pick(pool),
      responsibleUnits: r.chance(0.2) ? null : r.pick(pool),
      progressNote: r.chance(0.2) ? null : r.pick(pool),
    });
  }
}

const ALL = 500;
function query(sort: TableSort[], collation: Collation, extra: Partial<TableQuery> = {}): InitiativeRow[] {
  const page = queryTable(core.db, {
    sort,
    collation,
    search: '',
    filters: {},
    groupBy: null,
    offset: 0,
    limit: ALL,
    ...extra,
  });
  expect(page.total).toBeLessThan(ALL);
  return page.rows;
}

const byDefaultOrder = (a: InitiativeRow, b: InitiativeRow) =>
  a.themeOrdinal - b.themeOrdinal || a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const TEXT_OF: Partial<Record<SortableColumn, (r: InitiativeRow) => string | null>> = {
  theme: (r) => r.themeHeadline,
  headline: (r) => r.headline,
  leadUnit: (r) => r.leadUnit,
  responsibleUnits: (r) => r.responsibleUnits,
  progressNote: (r) => r.progressNote,
};

const isEmpty = (v: string | null) => v === null || v === '';

describe('sorting Chinese text in SQL', () => {
  beforeEach(() => {
    core = createTestCore(temp.make());
    const r = new Prng(1105);
    importMixedPlans(r);
    fillReaderFields(r);
  });

  for (const collation of ['pinyin', 'stroke'] as const) {
    for (const column of Object.keys(TEXT_OF) as SortableColumn[]) {
      it(`orders ${column} as Intl.Collator('${LOCALE[collation]}') does, empty values last`, () => {
        const valueOf = TEXT_OF[column]!;
        const rows = query([{ column, desc: false }], collation);
        const values = rows.map(valueOf);
        const present = values.filter((v): v is string => !isEmpty(v));
        // The oracle the issue names: the same values through JavaScript's sort.
        const expected = [...present].sort(new Intl.Collator(LOCALE[collation]).compare);
        expect(values.slice(0, present.length)).toEqual(expected);
        expect(values.slice(present.length).every(isEmpty)).toBe(true);
        expect(new Set(present).size).toBeGreaterThan(10);
        expect(values.length - present.length).toBeGreaterThan(0);

        // Whole rows, ties included: a stable sort of the rows in default order.
        const collator = new Intl.Collator(LOCALE[collation]);
        const compare = (desc: boolean) => (a: InitiativeRow, b: InitiativeRow) => {
          const [x, y] = [valueOf(a), valueOf(b)];
          if (isEmpty(x) || isEmpty(y)) return Number(isEmpty(x)) - Number(isEmpty(y));
          return desc ? collator.compare(y!, x!) : collator.compare(x!, y!);
        };
        const base = [...rows].sort(byDefaultOrder);
        expect(rows.map((r) => r.id)).toEqual([...base].sort(compare(false)).map((r) => r.id));
        const desc = query([{ column, desc: true }], collation);
        expect(desc.map((r) => r.id)).toEqual([...base].sort(compare(true)).map((r) => r.id));
      });
    }
  }

  it('gives pinyin and stroke order different results (the option is real)', () => {
    importPlan(core.db, planOf('pair', [{ headline: '主题', initiatives: ['一', '阿里', '十'] }]), 'pair');
    const sorted = (collation: Collation) =>
      query([{ column: 'headline', desc: false }], collation, { planId: 'pair' }).map((r) => r.headline);
    expect(sorted('pinyin')).toEqual(['阿里', '十', '一']); // ā, shí, yī
    expect(sorted('stroke')).toEqual(['一', '十', '阿里']); // 1, 2, 7 strokes
  });

  it('sorts by several columns, each tie going to the next column and finally to default order', () => {
    const collator = COLLATORS.pinyin;
    const statusOrder = ['not_started', 'in_progress', 'done', 'watching'];
    const rank = (s: string | null) => (s === null ? 99 : statusOrder.indexOf(s));
    const priority = (p: string | null) => (p === null ? 99 : ['high', 'medium', 'low'].indexOf(p));
    const sorts: [TableSort[], (a: InitiativeRow, b: InitiativeRow) => number][] = [
      [
        [{ column: 'status', desc: false }, { column: 'headline', desc: true }],
        (a, b) =>
          rank(a.status) - rank(b.status) ||
          Number(a.headline === '') - Number(b.headline === '') ||
          collator.compare(b.headline, a.headline),
      ],
      [
        [{ column: 'priority', desc: true }, { column: 'leadUnit', desc: false }],
        (a, b) =>
          Number(a.priority === null) - Number(b.priority === null) ||
          priority(b.priority) - priority(a.priority) ||
          Number(a.leadUnit === null) - Number(b.leadUnit === null) ||
          collator.compare(a.leadUnit ?? '', b.leadUnit ?? ''),
      ],
      [
        [{ column: 'theme', desc: false }, { column: 'shortId', desc: true }],
        (a, b) =>
          Number(a.themeHeadline === '') - Number(b.themeHeadline === '') ||
          collator.compare(a.themeHeadline, b.themeHeadline) ||
          b.themeOrdinal - a.themeOrdinal ||
          b.ordinal - a.ordinal,
      ],
    ];
    for (const [sort, compare] of sorts) {
      const rows = query(sort, 'pinyin');
      const expected = [...rows].sort(byDefaultOrder).sort(compare);
      expect(rows.map((r) => r.id), JSON.stringify(sort)).toEqual(expected.map((r) => r.id));
    }
  });

  it('orders ids by theme and initiative number: T10 after T9', () => {
    const ids = query([{ column: 'shortId', desc: false }], 'pinyin', { planId: 'mix-a' }).map((r) => r.shortId);
    const themes = [...new Set(ids.map((s) => Number(/^T(\d+)/.exec(s)![1])))];
    expect(themes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const desc = query([{ column: 'shortId', desc: true }], 'pinyin', { planId: 'mix-a' }).map((r) => r.shortId);
    expect(desc).toEqual([...ids].reverse());
  });
});

describe('sort ranks', () => {
  it('are dense, shared by texts the collator calls equal, with the empty text last', () => {
    const ranks = denseRanks(['b', 'a', 'b', '', 'c', 'e\u0301', 'é'], COLLATORS.pinyin);
    expect(ranks.get('a')).toBe(1);
    expect(ranks.get('b')).toBe(2);
    expect(ranks.get('c')).toBe(3);
    // Decomposed and precomposed é are canonically equivalent: one rank.
    expect(ranks.get('e\u0301')).toBe(ranks.get('é'));
    expect(ranks.get('')).toBe(EMPTY_RANK);
  });

  it('are recomputed for every plan when a plan is imported, before the next query', () => {
    core = createTestCore(temp.make());
    importPlan(core.db, planOf('late', [{ headline: '阿', initiatives: ['阿', '安'] }]), 'late');
    const stale = core.db.prepare('SELECT count(*) AS n FROM initiative_sort_keys WHERE headline_pinyin IS NULL').get();
    expect(stale).toEqual({ n: 2 });
    const headlines = query([{ column: 'headline', desc: false }], 'pinyin').map((r) => r.headline);
    expect(headlines.slice(0, 2)).toEqual(['阿', '安']);
    expect(core.db.prepare('SELECT count(*) AS n FROM initiative_sort_keys WHERE headline_pinyin IS NULL').get()).toEqual({ n: 0 });
  });

  it('are recomputed when another ICU made them (the stamp differs), and only then', () => {
    core = createTestCore(temp.make());
    expect(refreshInitiativeSortKeys(core.db)).toBe(false);
    core.db.prepare("UPDATE initiative_sort_keys SET headline_pinyin = 1, headline_stroke = 1").run();
    core.db.prepare("UPDATE derived_state SET value = 'icu 1.0' WHERE name = 'initiative_sort_keys.collators'").run();
    expect(refreshInitiativeSortKeys(core.db)).toBe(true);
    const headlines = query([{ column: 'headline', desc: false }], 'pinyin').map((r) => r.headline);
    expect(headlines).toEqual([...headlines].sort(COLLATORS.pinyin.compare));
    expect(new Set(headlines).size).toBe(15);
  });
});
