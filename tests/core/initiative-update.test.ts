// initiative.update: a partial patch of the reader's fields, validated, written in one
// transaction with the search index and sort ranks, and answered with the committed row. The
// plan's own text is never touched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { searchKeys } from '../../electron/core/search/match';
import { codeRange, scoreCode } from '../../electron/core/search/score';
import { updateInitiative } from '../../electron/core/services/initiative-update';
import { readStatusRecord, setStatusOptions } from '../../electron/core/services/status-options';
import type { Result } from '../../shared/api/result';
import type { InitiativeRow } from '../../shared/domain/table';
import { rebuildSearchIndex } from '../../electron/core/refresh-derived';
import { createTestCore, revisionOf } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { useTempDirs } from '../helpers/temp-dir';
import { value } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const ID = 'hz-2024/T3/I3';
const PLAN_CONTENT = /^(plans|themes|initiatives|plan_lists|list_items|plan_translations)$/;

async function update(patch: unknown, initiativeId = ID): Promise<Result<InitiativeRow>> {
  const baseRevision = revisionOf(core.db, initiativeId);
  return (await core.router.dispatch('initiative.update', { initiativeId, baseRevision, patch })) as Result<InitiativeRow>;
}

describe('initiative.update', () => {
  it('writes the fields given, trimmed, returns the committed row and leaves the plan untouched', async () => {
    const plan = dumpTables(core.db, PLAN_CONTENT);
    const row = value(
      await update({
        status: 'in_progress',
        priority: 'high',
        leadUnit: '  市经信局 ',
        responsibleUnits: '市发改委、市科技局',
        deadline: '2024-12-31',
        progressNote: ' 已完成首轮调研\n',
        tags: [' 数字 ', 'AI'],
      }),
    );
    expect(row).toMatchObject({
      id: ID,
      shortId: 'T3·I3',
      headline: '大力发展战略性新兴产业,布局未来产业',
      status: 'in_progress',
      priority: 'high',
      leadUnit: '市经信局',
      responsibleUnits: '市发改委、市科技局',
      deadline: '2024-12-31',
      progressNote: '已完成首轮调研',
      tags: ['数字', 'AI'],
    });
    expect(Date.parse(row.touchedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // What it returned is what another reader sees.
    expect(value((await core.router.dispatch('table.rows', { ids: [ID] })) as Result<InitiativeRow[]>)).toEqual([row]);
    expect(dumpTables(core.db, PLAN_CONTENT)).toEqual(plan);
  });

  it('changes only the fields named; an empty string or null clears one', async () => {
    value(await update({ status: 'done', leadUnit: '市经信局', tags: ['数字'] }));
    const row = value(await update({ priority: 'low', leadUnit: '' }));
    expect(row).toMatchObject({ status: 'done', priority: 'low', leadUnit: null, tags: ['数字'] });
    expect(value(await update({ status: null })).status).toBeNull();
    expect(value(await update({ tags: [] })).tags).toEqual([]);
  });

  it('keeps tags in the order given and sets touched_at on every change', () => {
    const first = updateInitiative(core.db, ID, 0, { tags: ['乙', '甲', 'B', 'a'] }, new Date('2024-06-01T00:00:00Z'));
    expect(first.tags).toEqual(['乙', '甲', 'B', 'a']);
    expect(first.touchedAt).toBe('2024-06-01T00:00:00.000Z');
    const second = updateInitiative(core.db, ID, 1, { priority: 'medium' }, new Date('2024-06-02T00:00:00Z'));
    expect(second.touchedAt).toBe('2024-06-02T00:00:00.000Z');
    expect(second.tags).toEqual(['乙', '甲', 'B', 'a']);
  });

  it('indexes the reader’s new text for search and forgets the old', async () => {
    const fields = ['leadUnit', 'progressNote', 'tags'];
    value(await update({ leadUnit: '市经信局', progressNote: 'Draft 初稿', tags: ['要事'] }));
    expect(searchKeys(core.db, '经信', fields)).toEqual([ID]);
    expect(searchKeys(core.db, 'draft', fields)).toEqual([ID]);
    expect(searchKeys(core.db, '要事', fields)).toEqual([ID]);
    value(await update({ leadUnit: '市科技局', tags: [] }));
    expect(searchKeys(core.db, '经信', fields)).toEqual([]);
    expect(searchKeys(core.db, '要事', fields)).toEqual([]);
    expect(searchKeys(core.db, '科技局', fields)).toEqual([ID]);
    expect(searchKeys(core.db, '初稿', fields)).toEqual([ID]);
  });

  it('answers NOT_FOUND for an initiative no plan has, writing nothing', async () => {
    const before = dumpTables(core.db, /^user_/);
    const result = await update({ status: 'done' }, 'hz-2024/T9/I9');
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toContain('hz-2024/T9/I9');
    expect(dumpTables(core.db, /^user_/)).toEqual(before);
  });

  it('answers BAD_REQUEST naming the configured statuses for a status that is not one, writing nothing', async () => {
    value(await update({ leadUnit: '市经信局' }));
    const before = dumpTables(core.db, /^(user_.*|search_doc_ids)$/);
    const result = await update({ status: 'blocked', leadUnit: '别的' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!result.ok && result.error.message).toContain('“blocked” is not one of the configured statuses');
    expect(!result.ok && result.error.message).toContain('not_started, in_progress, done, watching');
    expect(dumpTables(core.db, /^(user_.*|search_doc_ids)$/)).toEqual(before);
  });

  it('checks a status against the status list as it is now, after the list changed', async () => {
    value(await update({ status: 'done' }));
    const options = [
      { key: 'not_started', label: { zh: '未开始', en: 'Not started' } },
      { key: 'done', label: { zh: '已完成', en: 'Done' } },
      { key: 'blocked', label: { zh: '受阻', en: 'Blocked' } },
    ];
    setStatusOptions(core.db, options, readStatusRecord(core.db).revision);
    expect(value(await update({ status: 'blocked' })).status).toBe('blocked');
    const refused = await update({ status: 'watching' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!refused.ok && refused.error.message).toContain('not_started, done, blocked');
    // A status the initiative already has is kept on a save of other fields.
    expect(value(await update({ status: 'blocked', leadUnit: '市发改委' }))).toMatchObject({ status: 'blocked', leadUnit: '市发改委' });
  });

  it.each([
    ['an empty patch', {}, /at least one field/],
    ['an unknown field', { headline: '改写举措' }, /headline/],
    ['a malformed status key', { status: 'In Progress' }, /status must be a status key/],
    ['an unknown priority', { priority: 'urgent' }, /priority/],
    ['a date that is not a date', { deadline: '2024-02-30' }, /deadline must be a real calendar date/],
    ['a date in another format', { deadline: '2024/12/31' }, /deadline must be a date as YYYY-MM-DD/],
    ['a lead unit too long', { leadUnit: '单'.repeat(201) }, /leadUnit must be at most 200/],
    ['a progress note too long', { progressNote: 'x'.repeat(4001) }, /progressNote must be at most 4000/],
    ['a repeated tag', { tags: ['数字', ' 数字'] }, /tags must not name a tag twice/],
    ['an empty tag', { tags: ['  '] }, /tags\.0 must not be empty/],
    ['a tag too long', { tags: ['标'.repeat(41)] }, /tags\.0 must be at most 40/],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, /at most 20 tags/],
  ])('answers BAD_REQUEST for %s', async (_what, patch, message) => {
    const result = await update(patch);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('accepts a leap day and the longest allowed values', async () => {
    const row = value(
      await update({ deadline: '2024-02-29', leadUnit: '单'.repeat(200), tags: Array.from({ length: 20 }, (_, i) => `标${i}`) }),
    );
    expect(row.deadline).toBe('2024-02-29');
    expect(row.tags).toHaveLength(20);
  });

  it('moves the revision and touched_at on a save that changes no value, and keeps the fields', () => {
    updateInitiative(core.db, ID, 0, { leadUnit: '市经信局', tags: ['数字'] }, new Date('2024-06-01T00:00:00Z'));
    const row = updateInitiative(core.db, ID, 1, { leadUnit: '市经信局', tags: ['数字'] }, new Date('2024-06-02T00:00:00Z'));
    expect(row).toMatchObject({ revision: 2, touchedAt: '2024-06-02T00:00:00.000Z', leadUnit: '市经信局', tags: ['数字'] });
    expect(searchKeys(core.db, '经信', ['leadUnit'])).toEqual([ID]);
    expect(searchKeys(core.db, '数字', ['tags'])).toEqual([ID]);
  });

  it('rewrites only the search documents of the fields it changes, each in place', () => {
    updateInitiative(core.db, ID, 0, { leadUnit: '市经信局', progressNote: '初稿', tags: ['要事'] });
    const docs = () =>
      Object.fromEntries(
        (core.db.prepare("SELECT field, id FROM search_docs WHERE key = ? AND field IN ('leadUnit', 'responsibleUnits', 'progressNote', 'tags') ORDER BY field").all(ID) as { field: string; id: number }[]).map(
          (d) => [d.field, [d.id]],
        ),
      );
    const before = docs();
    expect(Object.keys(before)).toEqual(['leadUnit', 'progressNote', 'tags']);
    // Same length, so the same score code: the document keeps its id.
    updateInitiative(core.db, ID, 1, { leadUnit: '市科技局' });
    expect(docs()).toEqual(before);
    expect(searchKeys(core.db, '经信', ['leadUnit'])).toEqual([]);
    expect(searchKeys(core.db, '科技', ['leadUnit'])).toEqual([ID]);
    // Longer, into the next length step: a new id of the new score code; the rest stay.
    updateInitiative(core.db, ID, 2, { leadUnit: '市科技局局' });
    const after = docs();
    const [first, end] = codeRange(scoreCode('leadUnit', 5));
    expect(scoreCode('leadUnit', 5)).not.toBe(scoreCode('leadUnit', 4));
    expect(after['leadUnit']![0]).toBeGreaterThanOrEqual(first);
    expect(after['leadUnit']![0]).toBeLessThan(end);
    expect(after).toEqual({ ...before, leadUnit: [after['leadUnit']![0]] });
    expect(searchKeys(core.db, '技局局', ['leadUnit'])).toEqual([ID]);
    expect(searchKeys(core.db, '科技', ['leadUnit'])).toEqual([ID]);
    updateInitiative(core.db, ID, 3, { progressNote: null });
    expect(Object.keys(docs())).toEqual(['leadUnit', 'tags']);
    expect(searchKeys(core.db, '初稿', ['progressNote'])).toEqual([]);
  });

  it('indexes a tag save after a tag rename (which reads the tags through the same statement)', async () => {
    value(await update({ tags: ['要事'] }));
    expect(value(await core.router.dispatch('tags.rename', { from: '要事', to: '急事' }))).toMatchObject({ items: 1 });
    const row = value(await update({ tags: ['急事', '本周'], leadUnit: '市经信局' }));
    expect(row.tags).toEqual(['急事', '本周']);
    expect(searchKeys(core.db, '本周', ['tags'])).toEqual([ID]);
  });

  it('leaves the search index as a rebuild from the stored text would write it, after many saves', () => {
    // A small deterministic mix of saves over a few items: values set, changed, repeated, cleared.
    const ids = ['hz-2024/T1/I1', 'hz-2024/T1/I2', 'hz-2024/T2/I1', ID];
    const values = ['市经信局', '市科技局', '市发改委、市经信局', 'Draft 初稿', '', '市经信局'];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let k = 0; k < 60; k++) {
      const id = ids[next(ids.length)]!;
      const patch = [
        { leadUnit: values[next(values.length)] },
        { responsibleUnits: values[next(values.length)] },
        { progressNote: values[next(values.length)], status: 'done' },
        { tags: next(3) === 0 ? [] : ['要事', '本周'].slice(next(2)) },
        { priority: 'high' as const },
      ][next(5)]!;
      updateInitiative(core.db, id, revisionOf(core.db, id), patch);
    }
    const index = () => core.db.prepare('SELECT key, field FROM search_docs ORDER BY key, field').all();
    const needles = ['经信', '科技', '发改委', 'draft', '初稿', '要事', '本周', '局', '市'];
    const fields = ['leadUnit', 'responsibleUnits', 'progressNote', 'tags'];
    const hits = () => needles.map((n) => searchKeys(core.db, n, fields).sort());
    const saved = { docs: index(), hits: hits() };
    expect(saved.hits.flat().length).toBeGreaterThan(0);
    core.db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)");
    rebuildSearchIndex(core.db);
    expect({ docs: index(), hits: hits() }).toEqual(saved);
  });
});
