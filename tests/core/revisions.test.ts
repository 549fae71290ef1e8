// Optimistic concurrency on every user record, through the router of a real core on a real
// database: a write names the revision it was made on; a stale one is refused with CONFLICT
// and the record as stored now, and changes nothing (every table compared before and after).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Result } from '../../shared/api/result';
import type { InitiativeRow, SavedView, StatusOption, StatusOptionsRecord, TableViewState } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { useTempDirs } from '../helpers/temp-dir';
import { value, error } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const ID = 'hz-2024/T2/I1';
const call = async <T>(method: string, args: unknown): Promise<Result<T>> => (await core.router.dispatch(method, args)) as Result<T>;
const update = (baseRevision: number, patch: unknown) =>
  call<InitiativeRow>('initiative.update', { initiativeId: ID, baseRevision, patch });

describe('initiative.update revisions', () => {
  it('starts at 0, and each stored change makes one more', async () => {
    expect(value(await call<InitiativeRow[]>('table.rows', { ids: [ID] }))[0]!.revision).toBe(0);
    expect(value(await update(0, { status: 'done' })).revision).toBe(1);
    expect(value(await update(1, { tags: ['数字'] })).revision).toBe(2);
    expect(value(await update(2, { progressNote: '第一段' })).revision).toBe(3);
  });

  it('refuses a write made on an older revision with the current row, and changes nothing', async () => {
    // Window A and window B both loaded revision 0. A adds a paragraph and a tag.
    const stored = value(await update(0, { progressNote: '第一段\n第二段（A 添加）', tags: ['数字', '本周'] }));
    const before = dumpTables(core.db);

    // B, still on revision 0, sets the note and the tags from what it saw.
    const stale = await update(0, { progressNote: '第一段', tags: ['数字'] });

    expect(error(stale)).toMatchObject({ code: 'CONFLICT', current: stored });
    expect(error(stale).message).toMatch(/changed elsewhere.*revision 1.*revision 0.*nothing was saved/);
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('refuses a stale write of a different field too: the fields and tags are one record', async () => {
    value(await update(0, { status: 'done' }));
    const before = dumpTables(core.db);
    expect(error(await update(0, { priority: 'high' })).code).toBe('CONFLICT');
    // A revision from the future is as stale as one from the past.
    expect(error(await update(7, { priority: 'high' })).code).toBe('CONFLICT');
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('stores the write once it names the current revision (overwrite after seeing theirs)', async () => {
    value(await update(0, { leadUnit: '市经信局' }));
    const conflict = error(await update(0, { leadUnit: '市发改委' }));
    const current = conflict.current as InitiativeRow;
    const mine = value(await update(current.revision, { leadUnit: '市发改委' }));
    expect(mine).toMatchObject({ leadUnit: '市发改委', revision: 2 });
  });

  it('answers BAD_REQUEST without a baseRevision, naming it', async () => {
    const result = await call('initiative.update', { initiativeId: ID, patch: { status: 'done' } });
    expect(error(result).code).toBe('BAD_REQUEST');
    expect(error(result).message).toContain('baseRevision');
  });
});

const option = (key: string, zh: string, en: string): StatusOption => ({ key, label: { zh, en } });

describe('status.setOptions revisions', () => {
  it('refuses a list edited on an older revision with the current list, and changes nothing', async () => {
    const theirs = [option('todo', '待办', 'To do'), option('done', '完成', 'Done')];
    const stored = value(await call<StatusOptionsRecord>('status.setOptions', { options: theirs, baseRevision: 0 }));
    expect(stored).toEqual({ options: theirs, revision: 1 });
    const before = dumpTables(core.db);

    const stale = await call('status.setOptions', { options: [option('open', '开放', 'Open')], baseRevision: 0 });
    expect(error(stale)).toMatchObject({ code: 'CONFLICT', current: stored });
    expect(dumpTables(core.db)).toEqual(before);
    expect(value(await call('status.options', {}))).toEqual(stored);
  });
});

const STATE: TableViewState = {
  sort: [],
  collation: 'pinyin',
  search: '',
  filters: {},
  groupBy: null,
  columns: { order: [], hidden: [], sizes: {} },
};

describe('saved view revisions', () => {
  it('refuses a stale save or delete with the current view, and changes nothing', async () => {
    const created = value(await call<SavedView>('view.save', { baseRevision: 0, name: '重点', state: STATE }));
    const theirs = value(
      await call<SavedView>('view.save', { id: created.id, baseRevision: 1, name: '重点', state: { ...STATE, search: '数字' } }),
    );
    expect(theirs.revision).toBe(2);
    const before = dumpTables(core.db);

    const staleSave = await call('view.save', { id: created.id, baseRevision: 1, name: '重点', state: STATE });
    expect(error(staleSave)).toMatchObject({ code: 'CONFLICT', current: theirs });
    const staleDelete = await call('view.delete', { id: created.id, baseRevision: 1 });
    expect(error(staleDelete)).toMatchObject({ code: 'CONFLICT', current: theirs });
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('refuses a new view that names a revision', async () => {
    const result = await call('view.save', { baseRevision: 3, name: 'x', state: STATE });
    expect(error(result)).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error(result).message).toContain('baseRevision must be 0 for a new view');
  });
});
