// The renderer's only door to the backend. createApiClient() picks the transport (the desktop
// preload's bridge when present, else HTTP to the browser-mode server); nothing else in the
// renderer knows which host it runs in. call() resolves to the value or throws ApiCallError.
import { BRIDGE_GLOBAL, type ApiArgs, type ApiBridge, type ApiMethod, type ApiResult } from '../../../shared/api/contract';
import { ApiCallError } from './api-call-error';
import { createHttpBridge, isResult, type FetchLike } from './http-bridge';
import { takeAccessToken } from './token';

export interface ApiClient {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
}

export function createClientFromBridge(bridge: ApiBridge): ApiClient {
  return {
    async call(method, args) {
      let result: unknown;
      try {
        const fn = bridge[method] as (a: typeof args) => Promise<unknown>;
        result = await fn(args);
      } catch (err) {
        throw new ApiCallError(method, 'UNREACHABLE', err instanceof Error ? err.message : String(err));
      }
      if (!isResult(result)) throw new ApiCallError(method, 'UNREACHABLE', 'the host answered without a result');
      if (!result.ok) throw ApiCallError.fromResult(method, result.error);
      return result.value as ApiResult<typeof method>;
    },
  };
}

/** Picks the transport for this page: window.briefbook (desktop) if present, else HTTP (browser mode). */
export function createApiClient(win: Window = window): ApiClient {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof bridge === 'object' && bridge !== null) return createClientFromBridge(bridge as ApiBridge);
  const token = takeAccessToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  // Called through the window so tests can stub the global fetch (and fetch keeps its `this`).
  const fetchImpl: FetchLike = (input, init) => win.fetch(input, init);
  return createClientFromBridge(createHttpBridge(fetchImpl, token));
}
