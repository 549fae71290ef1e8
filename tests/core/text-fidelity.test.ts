// Text is kept as typed, through the router of a real core on a real database: a lone UTF-16
// surrogate is refused naming the field (never stored as U+FFFD); limits count UTF-16 code
// units, as the UI's maxLength does; deadlines in years 0001-0099 are real dates; tags are
// normalized (NFC, zero-width characters removed, trimmed) so two tags that look the same are
// the same tag.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { isCalendarDate } from '../../shared/api/schemas';
import type { Result } from '../../shared/api/result';
import type { InitiativeRow, SavedView, TablePage } from '../../shared/domain/table';
import { FIELD_LIMITS, findLoneSurrogate, normalizeTag } from '../../shared/text';
import { createTestCore, revisionOf } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { useTempDirs } from '../helpers/temp-dir';
import { value, error } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const ID = 'hz-2024/T1/I3';
const call = async <T>(method: string, args: unknown): Promise<Result<T>> => (await core.router.dispatch(method, args)) as Result<T>;
const update = (patch: unknown) =>
  call<InitiativeRow>('initiative.update', { initiativeId: ID, baseRevision: revisionOf(core.db, ID), patch });

describe('lone surrogates', () => {
  it.each([
    ['a field', { leadUnit: '市\uD800经信局' }, 'patch.leadUnit', 'U+D800'],
    ['a trailing low surrogate', { progressNote: 'note\uDC01' }, 'patch.progressNote', 'U+DC01'],
    ['a tag', { tags: ['数字', 'A\uDBFF'] }, 'patch.tags.1', 'U+DBFF'],
  ])('are refused in %s with BAD_REQUEST naming the field, and nothing is stored', async (_what, patch, where, code) => {
    const before = dumpTables(core.db);
    const result = await update(patch);
    expect(error(result)).toEqual({
      code: 'BAD_REQUEST',
      message: `initiative.update: ${where} contains a lone UTF-16 surrogate (${code}); text must be valid Unicode.`,
    });
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('are refused in a view name too (every method, before its schema)', async () => {
    const state = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, columns: { order: [], hidden: [], sizes: {} } };
    expect(error(await call('view.save', { baseRevision: 0, name: '\uDE00视图', state })).message).toContain('name contains a lone');
  });

  it('a valid pair (an emoji) is stored and read back exactly', async () => {
    const text = '进展 😀 𠀀';
    expect(value(await update({ progressNote: text })).progressNote).toBe(text);
    expect(value(await call<InitiativeRow[]>('table.rows', { ids: [ID] }))[0]!.progressNote).toBe(text);
  });

  it('the finder names nested paths and passes valid text', () => {
    expect(findLoneSurrogate({ a: [{ b: 'ok' }, { c: 'x\uD83D' }] })).toEqual({ path: 'a.1.c', code: 'U+D83D' });
    expect(findLoneSurrogate({ a: ['😀', '\uD83D\uDE00'] })).toBeNull();
  });
});

describe('length limits count UTF-16 code units', () => {
  it('accepts exactly the limit and refuses one unit more, for Chinese and for emoji alike', async () => {
    const max = FIELD_LIMITS.leadUnit;
    expect(value(await update({ leadUnit: '局'.repeat(max) })).leadUnit).toHaveLength(max);
    // 101 emoji: 101 code points but 202 code units, over the 200 a text input would allow.
    const emoji = '😀'.repeat(max / 2 + 1);
    const result = await update({ leadUnit: emoji });
    expect(error(result).code).toBe('BAD_REQUEST');
    expect(error(result).message).toContain(`patch.leadUnit must be at most ${max} characters (UTF-16 code units`);
    expect(value(await update({ leadUnit: '😀'.repeat(max / 2) })).leadUnit).toHaveLength(max);
  });

  it('counts a tag the same way', async () => {
    expect(error(await update({ tags: ['😀'.repeat(FIELD_LIMITS.tag / 2 + 1)] })).message).toContain('patch.tags.0 must be at most 40');
  });
});

describe('deadlines', () => {
  it.each(['0001-01-01', '0099-12-31', '0044-03-15', '0004-02-29'])('accepts %s and reads it back unchanged', async (deadline) => {
    expect(isCalendarDate(deadline)).toBe(true);
    expect(value(await update({ deadline })).deadline).toBe(deadline);
  });

  it.each(['0000-01-01', '0099-02-29', '1900-02-29', '2024-02-30', '2024-13-01'])('refuses %s', async (deadline) => {
    expect(isCalendarDate(deadline)).toBe(false);
    expect(error(await update({ deadline })).code).toBe('BAD_REQUEST');
  });
});

describe('tags', () => {
  it('are stored in NFC, without zero-width characters, trimmed', async () => {
    const row = value(await update({ tags: [' 数字\u200B ', 'Cafe\u0301', '\uFEFFAI\u2060', '👩\u200D💻'] }));
    expect(row.tags).toEqual(['数字', 'Café', 'AI', '👩\u200D💻']);
    expect(row.tags[1]).toBe('Caf\u00E9');
  });

  it('that differ only by a zero-width character are the same tag: naming both is refused', async () => {
    const result = await update({ tags: ['AI', 'A\u200BI'] });
    expect(error(result).code).toBe('BAD_REQUEST');
    expect(error(result).message).toContain('must not name a tag twice');
  });

  it('a tag of only zero-width characters is empty and refused', async () => {
    expect(error(await update({ tags: ['\u200B\u200C'] })).message).toContain('patch.tags.0 must not be empty');
  });

  it('filter by the normalized tag, whatever form the filter was typed in', async () => {
    value(await update({ tags: ['Café'] }));
    const page = value(
      await call<TablePage>('table.query', {
        planId: 'hz-2024', sort: [], collation: 'pinyin', search: '', filters: { tags: ['Cafe\u0301\u200B'] }, groupBy: null,
        offset: 0, limit: 10,
      }),
    );
    expect(page.rows.map((r) => r.id)).toEqual([ID]);
  });

  it('normalizeTag keeps an emoji built with a joiner and drops a stray joiner', () => {
    expect(normalizeTag('👩\u200D💻')).toBe('👩\u200D💻');
    expect(normalizeTag('数\u200D字')).toBe('数字');
  });
});

describe('free text', () => {
  it('is kept as typed (not normalized), only trimmed at its ends', async () => {
    const typed = 'Cafe\u0301 与 a\u200Bb';
    expect(value(await update({ progressNote: `  ${typed}\n` })).progressNote).toBe(typed);
  });

  it('a view name counts UTF-16 units too', async () => {
    const state = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, columns: { order: [], hidden: [], sizes: {} } };
    expect(value(await call<SavedView>('view.save', { baseRevision: 0, name: '😀'.repeat(40), state })).name).toHaveLength(80);
    expect(error(await call('view.save', { baseRevision: 0, name: '😀'.repeat(41), state })).code).toBe('BAD_REQUEST');
  });
});
