// An annotation's history (every saved state, typing coalesced), restoring an earlier state,
// the colour names, and renaming a tag across initiatives and annotations: the real core.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import {
  annotationHistory,
  createAnnotation,
  trashAnnotation,
  updateAnnotation,
} from '../../electron/core/services/annotations/annotations';
import { searchKeys } from '../../electron/core/search/match';
import type { Annotation, AnnotationRevision, ColorNames } from '../../shared/api/annotations/methods';
import type { ApiArgs, ApiMethod, TagCount } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { describePassage } from '../../shared/domain/anchoring';
import type { InitiativeRow } from '../../shared/domain/table';
import { createTestCore, revisionOf, updateLatest } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { value, error } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const call = <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<unknown>> => core.router.dispatch(method, args);

const ITEM = 'hz-2024/T1/I1';
const T0 = Date.parse('2024-06-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

function highlight(tags: string[] = [], now = at(0)): Annotation {
  const body = core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(ITEM) as string;
  return createAnnotation(
    core.db,
    { id: randomUUID(), kind: 'highlight', planId: 'hz-2024', itemId: ITEM, color: 'yellow', body: '', tags,
      target: { itemId: ITEM, part: 'body', language: 'zh', selectors: describePassage(body, 0, 4) } },
    now,
  );
}
const summary = (h: AnnotationRevision[]) => h.map((r) => [r.revision, r.reason, r.body, r.color]);

describe('annotation.history', () => {
  it('keeps every saved state, one entry per two minutes of typing, while the revision rises on every save', () => {
    const a = highlight();
    let r = a.revision;
    const edit = (patch: Parameters<typeof updateAnnotation>[3], seconds: number) => (r = updateAnnotation(core.db, a.id, r, patch, at(seconds)).revision);
    edit({ body: '甲' }, 10);
    edit({ body: '甲乙' }, 40);
    edit({ body: '甲乙丙' }, 100);
    // Two minutes after the first of these edits: a new entry.
    edit({ body: '甲乙丙丁' }, 140);
    // Not the body alone: an entry of its own, and the next body edit does not fold into it.
    edit({ color: 'blue' }, 150);
    edit({ body: '甲乙丙丁戊' }, 155);
    expect(r).toBe(7);
    const history = annotationHistory(core.db, a.id);
    expect(summary(history)).toEqual([
      [7, 'edit', '甲乙丙丁戊', 'blue'],
      [6, 'edit', '甲乙丙丁', 'blue'],
      [5, 'edit', '甲乙丙丁', 'yellow'],
      [4, 'edit', '甲乙丙', 'yellow'],
      [1, 'edit', '', 'yellow'],
    ]);
    expect(history[3]!.savedAt).toBe(at(100).toISOString());
  });

  it('restores an earlier state as a new revision, losing nothing; stale or unknown revisions change nothing', async () => {
    const a = highlight(['甲']);
    const b = updateAnnotation(core.db, a.id, 1, { body: '第一稿', tags: ['乙'] }, at(10));
    const c = updateAnnotation(core.db, a.id, b.revision, { color: 'green' }, at(300));
    const restored = value<Annotation>(await call('annotation.restoreRevision', { id: a.id, baseRevision: c.revision, revision: 1 }));
    expect(restored).toMatchObject({ body: '', tags: ['甲'], color: 'yellow', revision: 4 });
    const history = value<AnnotationRevision[]>(await call('annotation.history', { id: a.id }));
    expect(summary(history)).toEqual([
      [4, 'restore', '', 'yellow'],
      [3, 'edit', '第一稿', 'green'],
      [2, 'edit', '第一稿', 'yellow'],
      [1, 'edit', '', 'yellow'],
    ]);
    expect(history[0]!.tags).toEqual(['甲']);
    expect(error(await call('annotation.restoreRevision', { id: a.id, baseRevision: 3, revision: 2 }))).toMatchObject({
      code: 'CONFLICT', current: restored,
    });
    expect(error(await call('annotation.restoreRevision', { id: a.id, baseRevision: 4, revision: 9 })).code).toBe('NOT_FOUND');
    expect(value(await call('annotation.get', { id: a.id }))).toEqual(restored);
  });

  it('records moving to the trash and back', () => {
    const a = highlight();
    const t = trashAnnotation(core.db, a.id, 1, true, at(5));
    trashAnnotation(core.db, a.id, t.revision, false, at(6));
    expect(annotationHistory(core.db, a.id).map((r) => r.reason)).toEqual(['untrash', 'trash', 'edit']);
  });
});

describe('annotation.colorNames', () => {
  it('stores the names trimmed, replaces them as a whole, and refuses a long name or an unknown colour', async () => {
    expect(value(await call('annotation.colorNames', {}))).toEqual({});
    expect(value(await call('annotation.setColorNames', { names: { yellow: ' 重点 ', blue: 'Question', green: '  ' } }))).toEqual({
      yellow: '重点', blue: 'Question',
    });
    expect(value<ColorNames>(await call('annotation.setColorNames', { names: { yellow: '要点' } }))).toEqual({ yellow: '要点' });
    expect(error(await call('annotation.setColorNames', { names: { pink: 'x'.repeat(41) } })).code).toBe('BAD_REQUEST');
    expect(error(await core.router.dispatch('annotation.setColorNames', { names: { red: '红' } })).code).toBe('BAD_REQUEST');
    expect(value(await call('annotation.colorNames', {}))).toEqual({ yellow: '要点' });
  });
});

describe('tags.rename', () => {
  it('renames a tag on items and annotations, merging onto an existing tag, each record at a new revision', async () => {
    updateLatest(core.db, 'hz-2024/T1/I1', { tags: ['数字', '营商', 'AI'] });
    updateLatest(core.db, 'hz-2024/T1/I2', { tags: ['数字'] });
    const both = highlight(['数字', 'AI']);
    const one = highlight(['甲', '数字', '乙']);
    const trashed = trashAnnotation(core.db, highlight(['数字']).id, 1, true);
    const itemRevision = revisionOf(core.db, 'hz-2024/T1/I2');

    expect(value(await call('tags.rename', { from: '数字', to: 'AI' }))).toEqual({ items: 2, annotations: 3 });

    const rows = value<InitiativeRow[]>(await call('table.rows', { ids: ['hz-2024/T1/I1', 'hz-2024/T1/I2'] }));
    expect(rows.map((r) => r.tags)).toEqual([['营商', 'AI'], ['AI']]);
    expect(rows[1]!.revision).toBe(itemRevision + 1);
    const get = async (id: string) => value<Annotation>(await call('annotation.get', { id }));
    expect(await get(both.id)).toMatchObject({ tags: ['AI'], revision: 2 });
    expect(await get(one.id)).toMatchObject({ tags: ['甲', 'AI', '乙'], revision: 2 });
    expect(await get(trashed.id)).toMatchObject({ tags: ['AI'] });
    expect(annotationHistory(core.db, one.id)[0]).toMatchObject({ reason: 'tag-rename', tags: ['甲', 'AI', '乙'] });
    // A window still holding the old tags gets a CONFLICT instead of writing them back.
    expect(error(await call('initiative.update', { initiativeId: 'hz-2024/T1/I2', baseRevision: itemRevision, patch: { tags: ['数字'] } })).code).toBe(
      'CONFLICT',
    );
    expect(error(await call('annotation.update', { id: one.id, baseRevision: 1, patch: { tags: ['数字'] } })).code).toBe('CONFLICT');
    // Search finds the items by their new tag, not the old one.
    expect(searchKeys(core.db, 'AI', ['tags']).sort()).toEqual(['hz-2024/T1/I1', 'hz-2024/T1/I2']);
    expect(searchKeys(core.db, '数字', ['tags'])).toEqual([]);
  });

  it('lists tags of items and of annotations not in the trash', async () => {
    updateLatest(core.db, 'hz-2024/T1/I1', { tags: ['重点'] });
    highlight(['重点', '问题']);
    trashAnnotation(core.db, highlight(['问题', '删了']).id, 1, true);
    expect(value<TagCount[]>(await call('tags.list', {}))).toEqual([
      { tag: '重点', count: 2 },
      { tag: '问题', count: 1 },
    ]);
  });

  it('refuses renaming a tag onto itself or to an empty tag', async () => {
    expect(error(await call('tags.rename', { from: '甲', to: ' 甲 ' })).code).toBe('BAD_REQUEST');
    expect(error(await call('tags.rename', { from: '甲', to: '\u200B' })).code).toBe('BAD_REQUEST');
  });
});
