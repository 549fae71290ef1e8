// The renderer's api client over both transports: the desktop bridge (window.briefbook) and
// HTTP (browser mode; fetch stubbed here, the e2e test drives the real server).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, isStaleWrite, StaleWriteError } from '../../renderer/src/api/api-call-error';
import { createApiClient, createClientFromBridge } from '../../renderer/src/api/client';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/api/token';
import { createFakeBridge, installBridge, removeBridge } from './fake-bridge';
import { OUTLINE, SUMMARY } from './plan-fixture';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function rejection(promise: Promise<unknown>): Promise<ApiCallError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiCallError);
  return err as ApiCallError;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  sessionStorage.clear();
});

afterEach(() => {
  removeBridge();
  vi.unstubAllGlobals();
});

describe('desktop transport (window.briefbook)', () => {
  it('resolves to the value of an ok result', async () => {
    const fake = createFakeBridge();
    installBridge(fake);
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const client = createApiClient();
    expect(await client.call('plan.list', {})).toEqual([SUMMARY]);
    expect(await client.call('plan.get', { planId: 'hz-2024' })).toEqual(OUTLINE);
    expect(fake.calls).toEqual([
      { method: 'plan.list', args: {} },
      { method: 'plan.get', args: { planId: 'hz-2024' } },
    ]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('throws ApiCallError with the code and message of an ok:false result', async () => {
    installBridge(createFakeBridge());
    const err = await rejection(createApiClient().call('initiative.get', { initiativeId: 'hz-2024/T9/I9' }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('No initiative with id hz-2024/T9/I9');
    expect(err.method).toBe('initiative.get');
  });

  it('throws UNREACHABLE when the bridge rejects or answers without an envelope', async () => {
    const rejecting = createClientFromBridge(
      createFakeBridge({ 'app.info': () => Promise.reject(new Error('ipc gone')) }).bridge,
    );
    const err = await rejection(rejecting.call('app.info', {}));
    expect(err.code).toBe('UNREACHABLE');
    expect(err.message).toContain('ipc gone');
    const garbled = createClientFromBridge(
      createFakeBridge({ 'app.info': () => Promise.resolve({ hello: 1 } as never) }).bridge,
    );
    expect((await rejection(garbled.call('app.info', {}))).code).toBe('UNREACHABLE');
  });
});

describe('HTTP transport (browser mode)', () => {
  it('takes the token from the URL once, keeps it in sessionStorage and strips it from the address', () => {
    window.history.replaceState(null, '', '/?token=s3cret&keep=1#/initiative/hz-2024/T3/I3');
    vi.stubGlobal('fetch', vi.fn());
    const before = window.history.length;
    createApiClient();
    expect(window.location.search).toBe('?keep=1');
    expect(window.location.hash).toBe('#/initiative/hz-2024/T3/I3');
    expect(window.location.href).not.toContain('s3cret');
    expect(window.history.length).toBe(before); // replaced, not pushed
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('s3cret');
  });

  it('POSTs JSON to /api/<method> with the Bearer token and returns the value', async () => {
    window.history.replaceState(null, '', '/?token=s3cret');
    const fetchSpy = vi.fn(async () => jsonResponse(200, { ok: true, value: OUTLINE }));
    vi.stubGlobal('fetch', fetchSpy);
    const value = await createApiClient().call('plan.get', { planId: 'hz-2024' });
    expect(value).toEqual(OUTLINE);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/plan.get');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer s3cret' });
    expect(JSON.parse(init.body as string)).toEqual({ planId: 'hz-2024' });
  });

  it('keeps using the stored token after a reload (no token in the URL)', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'from-before');
    const fetchSpy = vi.fn(async () => jsonResponse(200, { ok: true, value: null }));
    vi.stubGlobal('fetch', fetchSpy);
    await createApiClient().call('settings.set', { key: 'ui.lastInitiative', value: 'hz-2024/T1/I1' });
    const init = (fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer from-before');
  });

  it('sends no Authorization header when it has no token', async () => {
    const fetchSpy = vi.fn(async () => jsonResponse(200, { ok: true, value: [] }));
    vi.stubGlobal('fetch', fetchSpy);
    await createApiClient().call('plan.list', {});
    const init = (fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('sends small calls with keepalive (a write made as the page goes away still arrives), large ones without', async () => {
    const fetchSpy = vi.fn(async () => jsonResponse(200, { ok: true, value: null }));
    vi.stubGlobal('fetch', fetchSpy);
    const client = createApiClient();
    await client.call('settings.set', { key: 'ui.tableState', value: '{"search":"重点"}' });
    // Browsers refuse keepalive bodies past 64 KiB in flight: a large call goes without it.
    await client.call('settings.set', { key: 'ui.tableState', value: '重'.repeat(30_000) });
    expect(fetchSpy.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].keepalive)).toEqual([true, false]);
  });

  it('throws ApiCallError from a 4xx Result body (401 → UNAUTHORIZED)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing or wrong access token' } })),
    );
    const err = await rejection(createApiClient().call('plan.list', {}));
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toBe('Missing or wrong access token');
  });

  it('turns a stale write (CONFLICT with current) into a typed StaleWriteError, over HTTP and the bridge', async () => {
    const current = { options: [{ key: 'done', label: { zh: '完成', en: 'Done' } }], revision: 4 };
    const envelope = { ok: false, error: { code: 'CONFLICT', message: 'changed elsewhere', current } };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, envelope)));
    const overHttp = await rejection(createApiClient().call('status.setOptions', { options: current.options, baseRevision: 3 }));
    expect(overHttp).toBeInstanceOf(StaleWriteError);
    expect(isStaleWrite(overHttp, 'status.setOptions') && overHttp.current.revision).toBe(4);
    expect(isStaleWrite(overHttp, 'initiative.update')).toBe(false);

    const bridged = createClientFromBridge(createFakeBridge({ 'status.setOptions': async () => envelope as never }).bridge);
    const overIpc = await rejection(bridged.call('status.setOptions', { options: current.options, baseRevision: 3 }));
    expect(overIpc).toMatchObject({ code: 'CONFLICT', current });
    // A CONFLICT without a current value (e.g. a status still in use) stays a plain ApiCallError.
    const plain = { ok: false, error: { code: 'CONFLICT', message: 'in use' } };
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, plain)));
    const inUse = await rejection(createApiClient().call('status.setOptions', { options: current.options, baseRevision: 4 }));
    expect(inUse).not.toBeInstanceOf(StaleWriteError);
    expect(inUse.code).toBe('CONFLICT');
  });

  it('throws UNREACHABLE when fetch fails or the answer is not a Result', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const down = await rejection(createApiClient().call('plan.list', {}));
    expect(down.code).toBe('UNREACHABLE');
    expect(down.message).toContain('Failed to fetch');

    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    const html = await rejection(createApiClient().call('plan.list', {}));
    expect(html.code).toBe('UNREACHABLE');
    expect(html.message).toContain('HTTP 502');
  });
});
