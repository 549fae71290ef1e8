// tags.list: the tags in use with their counts, most used first then in pinyin order, for the
// table's tag suggestions; nothing when no initiative has a tag; no arguments accepted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Result } from '../../shared/api/result';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const call = async (method: string, args: unknown): Promise<Result<unknown>> => core.router.dispatch(method, args) as Promise<Result<unknown>>;

function tag(initiative: string, name: string): void {
  core.db.prepare('INSERT INTO user_initiative_tags (initiative_id, tag) VALUES (?, ?)').run(`hz-2024/${initiative}`, name);
}

describe('tags.list', () => {
  it('is empty before any initiative has a tag', async () => {
    expect(await call('tags.list', {})).toEqual({ ok: true, value: [] });
  });

  it('counts each tag once per initiative, most used first, ties in pinyin order', async () => {
    tag('T1/I1', '重点');
    tag('T2/I1', '重点');
    tag('T3/I3', '重点');
    tag('T1/I1', '安全');
    tag('T4/I1', '创新');
    tag('T4/I2', '创新');
    tag('T5/I1', 'AI');
    expect(await call('tags.list', {})).toEqual({
      ok: true,
      value: [
        { tag: '重点', count: 3 },
        { tag: '创新', count: 2 },
        // The pinyin collator puts Chinese before Latin letters.
        { tag: '安全', count: 1 },
        { tag: 'AI', count: 1 },
      ],
    });
  });

  it('refuses arguments it does not know, naming them', async () => {
    const result = await call('tags.list', { planId: 'hz-2024' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('BAD_REQUEST');
    expect(!result.ok && result.error.message).toContain('planId');
  });
});
