// Chinese sorting in SQL against its oracle: for every text column the table sorts and both
// collations, the order SQL returns equals JavaScript's sort with Intl.Collator('zh') (pinyin)
// or Intl.Collator('zh-u-co-stroke') on the same rows, empty values last; ties fall back to
// theme ordinal, initiative ordinal, id. Also: multi-column sorts, T10 after T9, and ranks
// that follow a new import and a change of ICU.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { COLLATORS, denseRanks, EMPTY_RANK } from '../../electron/core/collation/collators';
import { refreshInitiativeSortKeys, sortKeysStale } from '../../electron/core/collation/initiative-sort-keys';
import { importPlan } from '../../electron/core/plan/store';
import { updateLatest } from '../helpers/core';
import { queryTable, READER_SORT_TUNING } from '../../electron/core/services/table/query';
import { SKIP_TUNING } from '../../electron/core/services/table/skip';
import { libraryEntry, trashPlan } from '../../electron/core/services/library/library';
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
        // A reader's text read off its indexes (reader-sort.ts), and a descending headline or
        // theme sort with empty texts read in two parts (reader-sort.ts emptyLast), as a scope of
        // thousands of rows would be: the same rows in the same order, both ways, whole and
        // page by page (deep pages counted and skipped).
        const saved = { minRows: READER_SORT_TUNING.minRows, from: SKIP_TUNING.from };
        READER_SORT_TUNING.minRows = 0;
        SKIP_TUNING.from = 1;
        try {
          expect(query([{ column, desc: false }], collation).map((r) => r.id)).toEqual(rows.map((r) => r.id));
          expect(query([{ column, desc: true }], collation).map((r) => r.id)).toEqual(desc.map((r) => r.id));
          const paged = () => {
            const ids: string[] = [];
            for (let offset = 0; offset < desc.length; offset += 7) ids.push(...query([{ column, desc: true }], collation, { offset, limit: 7 }).map((r) => r.id));
            return ids;
          };
          expect(paged()).toEqual(desc.map((r) => r.id));
          // A plan in the trash: its rows passed in the indexes are counted out.
          trashPlan(core.db, 'mix-b', libraryEntry(core.db, 'mix-b')!.revision, true);
          expect(paged()).toEqual(desc.filter((r) => r.planId !== 'mix-b').map((r) => r.id));
        } finally {
          Object.assign(READER_SORT_TUNING, { minRows: saved.minRows });
          SKIP_TUNING.from = saved.from;
        }
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

  it('gives every page, at any depth, of descending and two-column sorts as Intl.Collator orders the rows, a plan in the trash', () => {
    // A third plan of the same texts in the trash: its rows fall among the others' in every order.
    const r = new Prng(77);
    const pool = textPool(r);
    importPlan(core.db, planOf('mix-c', Array.from({ length: 5 }, () => ({ headline: r.pick(pool), initiatives: Array.from({ length: 4 }, () => r.pick(pool)) }))), 'mix-c');
    trashPlan(core.db, 'mix-c', libraryEntry(core.db, 'mix-c')!.revision, true);
    const sorts: TableSort[][] = [
      [{ column: 'headline', desc: true }],
      [{ column: 'theme', desc: true }],
      [{ column: 'shortId', desc: true }],
      [{ column: 'plan', desc: false }, { column: 'headline', desc: false }],
      [{ column: 'plan', desc: true }, { column: 'theme', desc: true }],
      [{ column: 'theme', desc: false }, { column: 'headline', desc: true }],
      [{ column: 'theme', desc: true }, { column: 'shortId', desc: false }],
      [{ column: 'headline', desc: true }, { column: 'theme', desc: false }],
    ];
    const saved = SKIP_TUNING.from;
    SKIP_TUNING.from = 1;
    try {
      for (const collation of ['pinyin', 'stroke'] as const) {
        const collator = new Intl.Collator(LOCALE[collation]);
        const text = (get: (r: InitiativeRow) => string, desc: boolean) => (a: InitiativeRow, b: InitiativeRow) => {
          const [x, y] = [get(a), get(b)];
          if (x === '' || y === '') return Number(x === '') - Number(y === '');
          return desc ? collator.compare(y, x) : collator.compare(x, y);
        };
        const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const compareOf = ({ column, desc }: TableSort) => {
          const sign = desc ? -1 : 1;
          if (column === 'plan') return (a: InitiativeRow, b: InitiativeRow) => text((x) => x.planTitle, desc)(a, b) || byId(a.planId, b.planId);
          if (column === 'shortId') return (a: InitiativeRow, b: InitiativeRow) => sign * (a.themeOrdinal - b.themeOrdinal || a.ordinal - b.ordinal);
          return text(column === 'theme' ? (x) => x.themeHeadline : (x) => x.headline, desc);
        };
        for (const sort of sorts) {
          const rows = query(sort, collation);
          expect(rows.some((row) => row.planId === 'mix-c')).toBe(false);
          const chain = sort.map(compareOf);
          const expected = [...rows].sort(byDefaultOrder).sort((a, b) => chain.reduce((d, c) => d || c(a, b), 0));
          const ids = rows.map((row) => row.id);
          expect(ids, JSON.stringify(sort)).toEqual(expected.map((row) => row.id));
          for (let offset = 0; offset < ids.length + 7; offset += 7) {
            const page = query(sort, collation, { offset, limit: 7 }).map((row) => row.id);
            expect(page, `${collation} ${JSON.stringify(sort)} at ${offset}`).toEqual(ids.slice(offset, offset + 7));
          }
        }
      }
    } finally {
      SKIP_TUNING.from = saved;
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
    const PENDING = `SELECT count(*) AS n FROM initiative_sort_keys
      WHERE headline_pinyin < 0 AND headline_stroke < 0 AND theme_pinyin < 0 AND theme_stroke < 0`;
    expect(core.db.prepare(PENDING).get()).toEqual({ n: 2 });
    expect(sortKeysStale(core.db)).toBe(true);
    const headlines = query([{ column: 'headline', desc: false }], 'pinyin').map((r) => r.headline);
    expect(headlines.slice(0, 2)).toEqual(['阿', '安']);
    expect(core.db.prepare(PENDING).get()).toEqual({ n: 0 });
    expect((core.db.prepare('SELECT min(headline_pinyin) AS m FROM initiative_sort_keys').get() as { m: number }).m).toBeGreaterThan(0);
    expect(sortKeysStale(core.db)).toBe(false);
  });

  it('wait for ranking side by side, plan by plan, in every rank index', () => {
    core = createTestCore(temp.make());
    // Two plans whose themes and initiatives have the same ordinals: ordered by ordinal, as
    // NULL ranks were, their rows would alternate between the plans.
    importPlan(core.db, planOf('p1', [{ headline: '乙', initiatives: ['丙', '丁'] }, { headline: '甲', initiatives: ['戊'] }]), 'p1');
    importPlan(core.db, planOf('p2', [{ headline: '乙', initiatives: ['丙', '丁'] }, { headline: '甲', initiatives: ['戊'] }]), 'p2');
    for (const column of ['headline_pinyin', 'headline_stroke', 'theme_pinyin', 'theme_stroke']) {
      const plans = (
        core.db
          .prepare(`SELECT plan_id AS plan FROM initiative_sort_keys INDEXED BY initiative_sort_keys_by_${column}
            WHERE plan_id IN ('p1', 'p2') ORDER BY ${column}, theme_ordinal, ordinal, initiative_id`)
          .all() as { plan: string }[]
      ).map((r) => r.plan);
      expect(plans, column).toEqual(['p2', 'p2', 'p2', 'p1', 'p1', 'p1']);
    }
    const marks = core.db
      .prepare("SELECT DISTINCT plan_id AS plan, headline_pinyin AS mark FROM initiative_sort_keys WHERE plan_id IN ('p1', 'p2') ORDER BY plan_id")
      .all() as { plan: string; mark: number }[];
    expect(marks.map((m) => m.plan)).toEqual(['p1', 'p2']);
    expect(marks[1]!.mark).toBeLessThan(marks[0]!.mark);
    expect(marks[0]!.mark).toBeLessThan(0);
    const both = { filters: { planIds: ['p1', 'p2'] } };
    expect(query([{ column: 'headline', desc: false }], 'pinyin', both).map((r) => r.headline)).toEqual(
      ['丙', '丙', '丁', '丁', '戊', '戊'].sort(COLLATORS.pinyin.compare),
    );
  });

  it('count rows left unranked (NULL) by an older import as stale too', () => {
    core = createTestCore(temp.make());
    importPlan(core.db, planOf('old', [{ headline: '乙', initiatives: ['丙', '甲'] }]), 'old');
    refreshInitiativeSortKeys(core.db);
    expect(sortKeysStale(core.db)).toBe(false);
    core.db.prepare("UPDATE initiative_sort_keys SET headline_pinyin = NULL WHERE initiative_id = 'old/T1/I1'").run();
    expect(sortKeysStale(core.db)).toBe(true);
    const old = { filters: { planIds: ['old'] } };
    expect(query([{ column: 'headline', desc: false }], 'pinyin', old).map((r) => r.headline)).toEqual(['丙', '甲'].sort(COLLATORS.pinyin.compare));
    expect(sortKeysStale(core.db)).toBe(false);
  });

  it('keep the rows in collator order when many saves land between the same two neighbours (each gap running out renumbers a neighbourhood)', () => {
    core = createTestCore(temp.make());
    const r = new Prng(2024);
    importMixedPlans(r);
    fillReaderFields(r);
    // Each save's new note sorts right after the one before, in both orders: one gap, halved
    // until it runs out, again and again.
    const ids = allIds();
    for (let j = 0; j < 80; j++) updateLatest(core.db, ids[(j * 7) % ids.length]!, { progressNote: `杭州a${String(j).padStart(3, '0')}` });
    expect(core.db.prepare("SELECT value FROM derived_state WHERE name = 'text_sort_keys.numbering'").get()).toBeDefined();
    for (const collation of ['pinyin', 'stroke'] as const) {
      const collator = new Intl.Collator(LOCALE[collation]);
      const rows = query([{ column: 'progressNote', desc: false }], collation);
      const compare = (a: InitiativeRow, b: InitiativeRow) => {
        const [x, y] = [a.progressNote, b.progressNote];
        if (isEmpty(x) || isEmpty(y)) return Number(isEmpty(x)) - Number(isEmpty(y));
        return collator.compare(x!, y!);
      };
      const expected = [...rows].sort(byDefaultOrder).sort(compare).map((row) => row.id);
      expect(rows.map((row) => row.id)).toEqual(expected);
      expect(rows.filter((row) => row.progressNote?.startsWith('杭州a')).length).toBeGreaterThan(50);
      // Off the rank indexes too (reader-sort.ts), as a large scope is read.
      const saved = READER_SORT_TUNING.minRows;
      READER_SORT_TUNING.minRows = 0;
      try {
        expect(query([{ column: 'progressNote', desc: false }], collation).map((row) => row.id)).toEqual(expected);
      } finally {
        READER_SORT_TUNING.minRows = saved;
      }
    }
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
