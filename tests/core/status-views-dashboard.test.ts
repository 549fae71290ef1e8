// The configurable statuses, saved views and the plan dashboard, through the router of a real
// core on a real database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { updateLatest } from '../helpers/core';
import { addAnnotation } from '../helpers/annotations';
import type { Dashboard } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { DEFAULT_STATUS_OPTIONS, type SavedView, type StatusOption, type TableViewState } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { planOf } from '../helpers/plan-docs';
import { useTempDirs } from '../helpers/temp-dir';
import { value, error } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const call = async <T>(method: string, args: unknown): Promise<Result<T>> =>
  (await core.router.dispatch(method, args)) as Result<T>;

const option = (key: string, zh: string, en: string): StatusOption => ({ key, label: { zh, en } });

describe('status options', () => {
  it('are the defaults until the reader sets them, then what was set, in order', async () => {
    expect(value(await call('status.options', {}))).toEqual({ options: DEFAULT_STATUS_OPTIONS, revision: 0 });
    const options = [option('todo', '待办', 'To do'), option('in_progress', '进行中', 'In progress'), option('blocked', '受阻', 'Blocked')];
    expect(value(await call('status.setOptions', { options, baseRevision: 0 }))).toEqual({ options, revision: 1 });
    expect(value(await call('status.options', {}))).toEqual({ options, revision: 1 });
    // The new keys are usable at once, and the table orders statuses by them.
    updateLatest(core.db, 'hz-2024/T1/I1', { status: 'blocked' });
    updateLatest(core.db, 'hz-2024/T1/I2', { status: 'todo' });
    const page = value(
      await call<{ rows: { status: string | null }[] }>('table.query', {
        planId: 'hz-2024', sort: [{ column: 'status', desc: false }], collation: 'pinyin', search: '', filters: {},
        groupBy: null, offset: 0, limit: 2,
      }),
    );
    expect(page.rows.map((r) => r.status)).toEqual(['todo', 'blocked']);
  });

  it('refuses to remove a status in use, saying how many initiatives use it', async () => {
    for (const id of ['T1/I1', 'T1/I2', 'T2/I1']) updateLatest(core.db, `hz-2024/${id}`, { status: 'done' });
    updateLatest(core.db, 'hz-2024/T2/I2', { status: 'watching' });
    const result = await call('status.setOptions', { options: [option('not_started', '未开始', 'Not started')], baseRevision: 0 });
    expect(error(result).code).toBe('CONFLICT');
    expect(error(result).message).toContain('“done” is used by 3 initiatives');
    expect(error(result).message).toContain('“watching” is used by 1 initiative.');
    expect(value(await call('status.options', {}))).toEqual({ options: DEFAULT_STATUS_OPTIONS, revision: 0 });
    // Relabelling and reordering a used status is fine.
    const relabelled = [option('done', '完成', 'Finished'), option('watching', '观察', 'Watching')];
    expect(value(await call('status.setOptions', { options: relabelled, baseRevision: 0 }))).toEqual({ options: relabelled, revision: 1 });
  });

  it.each([
    ['no options', [], /at least one status/],
    ['13 options', Array.from({ length: 13 }, (_, i) => option(`s${i}`, '状', 'S')), /at most 12/],
    ['a repeated key', [option('done', '完成', 'Done'), option('done', '完', 'D')], /key twice/],
    ['a key with capitals', [option('Done', '完成', 'Done')], /status key/],
    ['a key starting with a digit', [option('1st', '一', 'First')], /status key/],
    ['the reserved key none', [option('none', '无', 'None')], /reserved/],
    ['an empty label', [option('done', ' ', 'Done')], /must not be empty/],
  ])('answers BAD_REQUEST for %s', async (_what, options, message) => {
    const result = await call('status.setOptions', { options, baseRevision: 0 });
    expect(error(result).code).toBe('BAD_REQUEST');
    expect(error(result).message).toMatch(message);
  });
});

const STATE: TableViewState = {
  sort: [{ column: 'headline', desc: false }],
  collation: 'stroke',
  search: '数字',
  filters: { statuses: ['done', null], tags: ['AI'], text: { leadUnit: '市' } },
  groupBy: 'theme',
  columns: { order: ['shortId', 'headline', 'status'], hidden: ['industries'], sizes: { headline: 360 } },
};

describe('saved views', () => {
  it('saves, lists by name, updates by id and deletes', async () => {
    const a = value(await call<SavedView>('view.save', { baseRevision: 0, name: '重点', state: STATE }));
    const b = value(await call<SavedView>('view.save', { baseRevision: 0, name: '本周', state: { ...STATE, search: '' } }));
    expect(a).toMatchObject({ name: '重点', state: STATE, revision: 1 });
    expect(a.createdAt).toBe(a.updatedAt);
    // Pinyin order: běn before zhòng.
    expect(value(await call<SavedView[]>('view.list', {})).map((v) => v.name)).toEqual(['本周', '重点']);

    const renamed = value(
      await call<SavedView>('view.save', { id: a.id, baseRevision: 1, name: '要事', state: { ...STATE, groupBy: null } }),
    );
    expect(renamed).toMatchObject({ id: a.id, name: '要事', createdAt: a.createdAt, revision: 2 });
    expect(renamed.state.groupBy).toBeNull();
    expect(value(await call<SavedView[]>('view.list', {})).map((v) => v.id)).toEqual([b.id, a.id]);

    expect(value(await call('view.delete', { id: b.id, baseRevision: 1 }))).toBeNull();
    expect(value(await call<SavedView[]>('view.list', {})).map((v) => v.name)).toEqual(['要事']);
  });

  it('answers CONFLICT for a name another view has, and for an id no view has (current: null)', async () => {
    const a = value(await call<SavedView>('view.save', { baseRevision: 0, name: 'Mine', state: STATE }));
    const clash = await call('view.save', { baseRevision: 0, name: 'Mine', state: STATE });
    expect(error(clash)).toEqual({
      code: 'CONFLICT',
      message: 'A view named “Mine” already exists; choose another name or update that view.',
    });
    // Saving a view under its own name is an update, not a clash.
    expect(value(await call<SavedView>('view.save', { id: a.id, baseRevision: 1, name: 'Mine', state: STATE })).id).toBe(a.id);
    expect(error(await call('view.save', { id: 99, baseRevision: 1, name: 'Other', state: STATE }))).toMatchObject({
      code: 'CONFLICT',
      current: null,
    });
    expect(error(await call('view.delete', { id: 99, baseRevision: 1 }))).toMatchObject({ code: 'CONFLICT', current: null });
  });

  it.each([
    ['an unknown column in the order', { ...STATE, columns: { ...STATE.columns, order: ['body'] } }],
    ['a column twice', { ...STATE, columns: { ...STATE.columns, order: ['headline', 'headline'] } }],
    ['a size that is not a width', { ...STATE, columns: { ...STATE.columns, sizes: { headline: -5 } } }],
    ['an unknown collation', { ...STATE, collation: 'radical' }],
    ['an extra key', { ...STATE, page: 3 }],
  ])('answers BAD_REQUEST for a state with %s', async (_what, state) => {
    expect(error(await call('view.save', { baseRevision: 0, name: 'Bad', state })).code).toBe('BAD_REQUEST');
    expect(value(await call<SavedView[]>('view.list', {}))).toEqual([]);
  });
});

describe('dashboard', () => {
  beforeEach(() => {
    const set = (id: string, patch: Parameters<typeof updateLatest>[2]) => updateLatest(core.db, `hz-2024/${id}`, patch);
    set('T1/I1', { status: 'done', deadline: '2024-05-01' });
    set('T1/I2', { status: 'in_progress', deadline: '2024-05-20' });
    set('T1/I3', { deadline: '2024-06-01' });
    set('T2/I1', { status: 'watching', deadline: '2024-06-15' });
    set('T3/I3', { status: 'done', deadline: '2024-07-01' });
    addAnnotation(core.db, { kind: 'note', itemId: 'hz-2024/T1/I1' });
    addAnnotation(core.db, { kind: 'note', itemId: 'hz-2024/T1/I2' });
    addAnnotation(core.db, { kind: 'highlight', itemId: 'hz-2024/T1/I1' });
    addAnnotation(core.db, { kind: 'highlight', itemId: 'hz-2024/T3/I3' });
    // Not counted: in the trash, on the plan as a whole, on an item of a plan no longer there.
    addAnnotation(core.db, { kind: 'note', itemId: 'hz-2024/T1/I1', trashed: true });
    addAnnotation(core.db, { kind: 'highlight', itemId: 'hz-2024/T3/I3', trashed: true });
    addAnnotation(core.db, { kind: 'note', itemId: null, planId: 'hz-2024' });
    core.db
      .prepare(
        `INSERT INTO user_annotations (id, plan_id, item_id, kind, created_at, modified_at)
         VALUES ('8c1e2f3a-0b4c-4d5e-8f60-718293a4b5c6', 'other-plan', 'other-plan/T1/I1', 'note', 't', 't')`,
      )
      .run();
  });

  it('counts statuses (none for unset), notes and highlights per theme in plan order', async () => {
    const d = value(await call<Dashboard>('dashboard.get', { planId: 'hz-2024', today: '2024-06-01' }));
    expect(d.themes.map((t) => t.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(d.themes[0]).toMatchObject({
      themeId: 'hz-2024/T1',
      headline: '在深化改革中破除制约高质量发展的体制机制障碍',
      byStatus: { not_started: 0, in_progress: 1, done: 1, watching: 0, none: 1 },
      notes: 2,
      highlights: 1,
    });
    expect(d.themes[2]).toMatchObject({ byStatus: { done: 1, none: 2 }, notes: 0, highlights: 1 });
    expect(d.themes[4]).toMatchObject({ byStatus: { not_started: 0, in_progress: 0, done: 0, watching: 0, none: 3 } });
  });

  it('lists deadlines from today on, soonest first, and passed ones on work not done', async () => {
    const d = value(await call<Dashboard>('dashboard.get', { planId: 'hz-2024', today: '2024-06-01' }));
    expect(d.upcoming.map((u) => [u.shortId, u.deadline, u.status])).toEqual([
      ['T1·I3', '2024-06-01', null],
      ['T2·I1', '2024-06-15', 'watching'],
      ['T3·I3', '2024-07-01', 'done'],
    ]);
    expect(d.overdue.map((u) => [u.shortId, u.deadline])).toEqual([['T1·I2', '2024-05-20']]);
    expect(d.upcoming[0]).toMatchObject({ initiativeId: 'hz-2024/T1/I3', headline: '优化惠民生保稳定政策服务体系' });
  });

  it('counts every initiative of the plan with a deadline, also done ones passed and ones past the list limit', async () => {
    // T1/I1 is done with its deadline passed: on neither list, still counted.
    const d = value(await call<Dashboard>('dashboard.get', { planId: 'hz-2024', today: '2024-06-01' }));
    expect(d.upcoming.length + d.overdue.length).toBe(4);
    expect(d.deadlineCount).toBe(5);
    // Another plan's deadlines, and a deadline cleared again, do not count.
    importPlan(core.db, planOf('other', [{ headline: '主题', initiatives: ['甲', '乙'] }]), 'other');
    updateLatest(core.db, 'other/T1/I1', { deadline: '2024-06-10' });
    updateLatest(core.db, 'hz-2024/T1/I3', { deadline: null });
    expect(value(await call<Dashboard>('dashboard.get', { planId: 'hz-2024', today: '2024-06-01' })).deadlineCount).toBe(4);
    expect(value(await call<Dashboard>('dashboard.get', { planId: 'other', today: '2024-06-01' })).deadlineCount).toBe(1);
    for (let t = 1; t <= 5; t++) {
      for (let i = 1; i <= 3; i++) updateLatest(core.db, `hz-2024/T${t}/I${i}`, { deadline: `2025-01-${String(t * 3 + i).padStart(2, '0')}` });
    }
    const all = value(await call<Dashboard>('dashboard.get', { planId: 'hz-2024', today: '2024-06-01' }));
    expect(all.upcoming).toHaveLength(10);
    expect(all.deadlineCount).toBe(15);
  });

  it('shows at most 10 upcoming deadlines', async () => {
    for (let t = 1; t <= 5; t++) {
      for (let i = 1; i <= 3; i++) updateLatest(core.db, `hz-2024/T${t}/I${i}`, { deadline: `2025-01-${String(t * 3 + i).padStart(2, '0')}` });
    }
    const d = value(await call<Dashboard>('dashboard.get', { planId: 'hz-2024', today: '2024-06-01' }));
    expect(d.upcoming).toHaveLength(10);
    expect(d.upcoming.map((u) => u.deadline)).toEqual([...d.upcoming.map((u) => u.deadline)].sort());
  });

  it('answers NOT_FOUND for an unknown plan and BAD_REQUEST for a day that is not one', async () => {
    expect(error(await call('dashboard.get', { planId: 'hz-1999', today: '2024-06-01' })).code).toBe('NOT_FOUND');
    expect(error(await call('dashboard.get', { planId: 'hz-2024', today: '2024-13-01' })).code).toBe('BAD_REQUEST');
  });
});
