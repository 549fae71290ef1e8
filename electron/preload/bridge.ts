// The bridge object the renderer sees, built from the contract's method list so that a new
// method needs no change here. Pure: it takes the invoke function, so a test can pass a fake.
import { API_METHODS, ipcChannel, type ApiBridge, type ApiMethod } from '../../shared/api/contract';

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;

export function buildBridge(invoke: Invoke): ApiBridge {
  const entries = API_METHODS.map((method: ApiMethod) => {
    const call = (args: unknown) => invoke(ipcChannel(method), args);
    return [method, call] as const;
  });
  // The cast is sound: contract.ts proves at compile time that API_METHODS lists every
  // ApiMethod, and each function forwards to the channel main answers with that method's Result.
  return Object.freeze(Object.fromEntries(entries)) as unknown as ApiBridge;
}
