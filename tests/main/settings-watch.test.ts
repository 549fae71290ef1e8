// The router wrapper through which main hears settings the renderer saved.
import { describe, expect, it, vi } from 'vitest';
import type { Router } from '../../electron/core/api/router';
import { watchSettings } from '../../electron/main/settings-watch';

const answering = (result: Awaited<ReturnType<Router['dispatch']>>): Router => ({ dispatch: vi.fn(async () => result) });

describe('watchSettings', () => {
  it('reports a successful settings.set with its key and value, and passes the result through', async () => {
    const onSet = vi.fn();
    const router = watchSettings(answering({ ok: true, value: null }), onSet);
    expect(await router.dispatch('settings.set', { key: 'ui.language', value: 'en' })).toEqual({ ok: true, value: null });
    expect(onSet).toHaveBeenCalledExactlyOnceWith('ui.language', 'en');
  });

  it('stays silent for a refused settings.set and for other methods', async () => {
    const onSet = vi.fn();
    const refused = { ok: false as const, error: { code: 'BAD_REQUEST' as const, message: 'no' } };
    expect(await watchSettings(answering(refused), onSet).dispatch('settings.set', { key: 'ui.language', value: 'en' })).toEqual(refused);
    await watchSettings(answering({ ok: true, value: 'en' }), onSet).dispatch('settings.get', { key: 'ui.language' });
    expect(onSet).not.toHaveBeenCalled();
  });

  it('a listener that throws does not turn the saved setting into an error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const router = watchSettings(answering({ ok: true, value: null }), () => {
        throw new Error('menu broke');
      });
      expect(await router.dispatch('settings.set', { key: 'ui.language', value: 'en' })).toEqual({ ok: true, value: null });
      expect(error).toHaveBeenCalledOnce();
    } finally {
      error.mockRestore();
    }
  });
});
