// Translations a reader attaches, through the real core's router: the template lists every item
// and theme by id with its Chinese; a filled file is checked against the plan (unknown ids named,
// a wrong language tag, bad JSON with its line, misaligned bodies) and stored in one transaction,
// or refused with nothing changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Result } from '../../shared/api/result';
import type { PlanTranslation } from '../../shared/domain/translation';
import { chineseSentences } from '../../shared/text/sentences';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { RESOURCES_DIR } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const SHIPPED = readFileSync(join(RESOURCES_DIR, 'plans', 'hangzhou-2024-05-11.en.json'), 'utf8');
const temp = useTempDirs('briefbook-translations-');
let core: Core;

beforeEach(() => {
  core = createTestCore(temp.make());
  // The embedded plan arrives with its shipped English; these tests attach their own.
  core.db.prepare("DELETE FROM plan_translations WHERE plan_id = 'hz-2024'").run();
});
afterEach(() => core.close());

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await core.router.dispatch(method, args)) as Result<T>;
}

async function template(language = 'en'): Promise<PlanTranslation & { translator: string }> {
  const r = await call<{ fileName: string; json: string }>('translation.template', { planId: 'hz-2024', language });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.parse(r.value.json) as PlanTranslation;
}

async function attach(text: string, fileName = 'mine.en.json') {
  return call<{ language: string; matched: number; total: number }>('translation.attach', { planId: 'hz-2024', fileName, text });
}

/** Attaching must be refused with `message`, and change nothing. */
async function refused(text: string, message: string | RegExp): Promise<void> {
  const before = dumpTables(core.db);
  const r = await attach(text);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('BAD_REQUEST');
  if (typeof message === 'string') expect(r.error.message).toBe(message);
  else expect(r.error.message).toMatch(message);
  expect(dumpTables(core.db)).toEqual(before);
}

describe('translation.template', () => {
  it('lists every theme and item by id with its Chinese, each body one slot per sentence', async () => {
    const r = await call<{ fileName: string; json: string }>('translation.template', { planId: 'hz-2024', language: 'en' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fileName).toMatch(/\.en\.json$/);
    const t = JSON.parse(r.value.json) as PlanTranslation;
    expect(t).toMatchObject({ planId: 'hz-2024', language: 'en', unofficial: true, translator: '' });
    const plan = core.db.prepare("SELECT id, headline, body FROM initiatives WHERE plan_id = 'hz-2024'").all() as { id: string; headline: string; body: string }[];
    expect(Object.keys(t.initiatives).sort()).toEqual(plan.map((p) => p.id).sort());
    for (const p of plan) expect(t.initiatives[p.id]).toEqual({ headline: p.headline, body: chineseSentences(p.body) });
    expect(Object.keys(t.themes).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `hz-2024/T${n}`));
    expect(t.themes['hz-2024/T1']).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(t.lists)).toHaveLength(2);
  });

  it('is refused in the plan’s own language, and for a plan that does not exist', async () => {
    expect(await call('translation.template', { planId: 'hz-2024', language: 'zh' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('written in zh') } });
    expect(await call('translation.template', { planId: 'p-0000000000', language: 'en' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no plan p-0000000000.' } });
  });
});

describe('translation.attach', () => {
  it('stores a complete file (the shipped English) and the reading view gets it', async () => {
    expect(await attach(SHIPPED)).toEqual({ ok: true, value: { language: 'en', matched: 15, total: 15 } });
    const stored = await call<PlanTranslation>('plan.translation', { planId: 'hz-2024', language: 'en' });
    expect(stored.ok && stored.value).toEqual(JSON.parse(SHIPPED));
  });

  it('a template filled in part: the translated items are stored, the untouched ones left out', async () => {
    const t = await template();
    t.translator = 'A. Translator';
    const [first, second] = Object.keys(t.initiatives);
    t.initiatives[first!] = { headline: 'First', body: t.initiatives[first!]!.body.map((_, k) => `Sentence ${k + 1}.`) };
    t.initiatives[second!] = { ...t.initiatives[second!]!, headline: 'Second' };
    t.themes['hz-2024/T1'] = 'Theme one';
    expect(await attach(JSON.stringify(t))).toEqual({ ok: true, value: { language: 'en', matched: 2, total: 15 } });
    const stored = await call<PlanTranslation>('plan.translation', { planId: 'hz-2024', language: 'en' });
    if (!stored.ok || !stored.value) throw new Error('not stored');
    expect(Object.keys(stored.value.initiatives)).toEqual([first, second]);
    expect(stored.value.themes).toEqual({ 'hz-2024/T1': 'Theme one' });
    expect(stored.value.lists).toEqual({});
  });

  it('a second file in the same language replaces the first', async () => {
    await attach(SHIPPED);
    const t = JSON.parse(SHIPPED) as PlanTranslation;
    t.translator = 'Someone else';
    expect((await attach(JSON.stringify(t))).ok).toBe(true);
    expect(core.db.prepare("SELECT count(*) FROM plan_translations WHERE plan_id = 'hz-2024'").pluck().get()).toBe(1);
    const stored = await call<PlanTranslation>('plan.translation', { planId: 'hz-2024', language: 'en' });
    expect(stored.ok && stored.value?.translator).toBe('Someone else');
  });

  it('refuses an untouched template: no translator, then nothing translated', async () => {
    const t = await template();
    await refused(JSON.stringify(t), 'mine.en.json: translator must not be empty');
    t.translator = 'A. Translator';
    await refused(JSON.stringify(t), "mine.en.json: translates none of the plan's items or themes (every entry still holds the Chinese text).");
  });

  it('names every unknown id', async () => {
    const t = JSON.parse(SHIPPED) as PlanTranslation;
    t.initiatives['hz-2024/T9/I9'] = { headline: 'Ghost', body: [] };
    t.themes['hz-2024/T9'] = 'Ghost theme';
    await refused(JSON.stringify(t), 'mine.en.json: does not fit plan hz-2024: unknown theme id hz-2024/T9; unknown item id hz-2024/T9/I9.');
  });

  it('names a body that would not align sentence by sentence, and a list of another length', async () => {
    const t = JSON.parse(SHIPPED) as PlanTranslation;
    const id = 'hz-2024/T1/I1';
    const n = t.initiatives[id]!.body.length;
    t.initiatives[id]!.body.push('One sentence too many.');
    const listId = Object.keys(t.lists)[0]!;
    t.lists[listId]!.items.pop();
    await refused(JSON.stringify(t), new RegExp(`item ${id} has ${n + 1} body sentences, the plan's text ${n}; list ${listId} has \\d+ items, the plan's \\d+\\.$`));
  });

  it('refuses a wrong language tag: not a tag, or the plan’s own language', async () => {
    await refused(JSON.stringify({ ...JSON.parse(SHIPPED), language: 'English' }), 'mine.en.json: language must be a language tag such as en');
    await refused(JSON.stringify({ ...JSON.parse(SHIPPED), language: 'zh' }), /^mine\.en\.json: its language is zh, the plan's own;/);
  });

  it('refuses bad JSON, saying on which line', async () => {
    const lines = SHIPPED.split('\n');
    lines[3] = lines[3]!.replace(/,$/, ''); // a missing comma after line 4
    await refused(lines.join('\n'), /^mine\.en\.json is not valid JSON \(line 5, column \d+\): /);
    await refused(SHIPPED.slice(0, 200), /^mine\.en\.json is not valid JSON \(line 7, column \d+\): Unterminated string/);
    await refused("{", /^mine\.en\.json is not valid JSON \(line 1, column 2\): /);
  });

  it('refuses a file for another plan, and a plan that does not exist', async () => {
    await refused(JSON.stringify({ ...JSON.parse(SHIPPED), planId: 'p-1234567890' }), 'mine.en.json: is a translation of plan p-1234567890, not of hz-2024.');
    const r = await call('translation.attach', { planId: 'p-0000000000', fileName: 'x.json', text: SHIPPED });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no plan p-0000000000.' } });
  });
});
