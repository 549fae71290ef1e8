// settings.getAll: every reader setting in one call (the start reads them together), null for
// the ones never set, and never the core's internal keys.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { SETTING_KEYS } from '../../shared/api/contract';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());

describe('settings.getAll', () => {
  it('answers every setting key, the stored values and null for the rest, without internal keys', async () => {
    core = createTestCore(temp.make());
    expect(await core.router.dispatch('settings.set', { key: 'ui.theme', value: 'dark' })).toEqual({ ok: true, value: null });
    expect(await core.router.dispatch('settings.set', { key: 'ui.view', value: 'table' })).toEqual({ ok: true, value: null });
    expect(await core.router.dispatch('status.options', {})).toMatchObject({ ok: true });
    core.db.prepare("INSERT INTO user_settings (key, value, updated_at, revision) VALUES ('window.bounds', '{}', 'x', 1)").run();
    const all = await core.router.dispatch('settings.getAll', {});
    expect(all).toEqual({
      ok: true,
      value: { ...Object.fromEntries(SETTING_KEYS.map((k) => [k, null])), 'ui.theme': 'dark', 'ui.view': 'table' },
    });
    expect(await core.router.dispatch('settings.getAll', { key: 'ui.theme' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
