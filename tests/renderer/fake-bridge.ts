// A small in-test stand-in for the desktop preload's window.briefbook: one async function per
// contract method answering Result envelopes from the fixture. The renderer's real client code
// runs against it. Any method can be overridden (createFakeBridge({ 'table.query': … })) to
// answer other data or an error; a method the fake does not implement answers INTERNAL, so a
// screen that starts calling it fails its tests visibly. Settings are a real map: tests seed
// saved choices in it and read back what the app saved.
import { API_METHODS, BRIDGE_GLOBAL, SETTING_KEYS, pickCurrentPlan, type ApiBridge, type ApiMethod, type SettingKey } from '../../shared/api/contract';
import type { ErrorCode, Result } from '../../shared/api/result';
import { OUTLINE, PLAN_ID, SUMMARY, TRANSLATION, detailOf } from './plan-fixture';

export interface FakeBridge {
  bridge: ApiBridge;
  settings: Map<SettingKey, string>;
  calls: Array<{ method: ApiMethod; args: unknown }>;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

export function createFakeBridge(overrides: Partial<ApiBridge> = {}, saved: Partial<Record<SettingKey, string>> = {}): FakeBridge {
  const settings = new Map<SettingKey, string>(Object.entries(saved) as Array<[SettingKey, string]>);
  const calls: FakeBridge['calls'] = [];
  const base: Partial<ApiBridge> = {
    'app.info': async () =>
      ok({ name: 'Briefbook', version: '0.0.0-test', dataDir: '/tmp/x', schemaVersion: 2, host: 'desktop' }),
    'plan.list': async () => ok([SUMMARY]),
    'plan.get': async ({ planId }) => (planId === PLAN_ID ? ok(OUTLINE) : fail('NOT_FOUND', `No plan with id ${planId}`)),
    'initiative.get': async ({ initiativeId }) => {
      const detail = detailOf(initiativeId);
      return detail ? ok(detail) : fail('NOT_FOUND', `No initiative with id ${initiativeId}`);
    },
    'plan.translation': async ({ planId, language }) => ok(planId === PLAN_ID && language === 'en' ? TRANSLATION : null),
    'settings.get': async ({ key }) => ok(settings.get(key) ?? null),
    'settings.getAll': async () => ok(Object.fromEntries(SETTING_KEYS.map((k) => [k, settings.get(k) ?? null])) as Record<SettingKey, string | null>),
    'settings.set': async ({ key, value }) => {
      if (value === null) settings.delete(key);
      else settings.set(key, value);
      return ok(null);
    },
  };
  // app.start answers what the host's does, from this fake's own (or overridden) plan.list,
  // settings.getAll and plan.get: a test that changes those changes the start alike.
  const start: ApiBridge['app.start'] = async () => {
    const [plans, settingsNow] = await Promise.all([merged['plan.list']!({}), merged['settings.getAll']!({})]);
    if (!plans.ok) return plans;
    if (!settingsNow.ok) return settingsNow;
    const current = pickCurrentPlan(plans.value, settingsNow.value['ui.currentPlan']);
    const outline = current ? await merged['plan.get']!({ planId: current }) : ok(null);
    return outline.ok ? ok({ settings: settingsNow.value, outline: outline.value }) : outline;
  };
  const merged: Partial<ApiBridge> = { 'app.start': start, ...base, ...overrides };
  // One function per contract method, as the preload builds it; every call is recorded.
  const bridge = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      (args: unknown) => {
        calls.push({ method, args });
        const fn = merged[method] as ((a: unknown) => Promise<unknown>) | undefined;
        return fn ? fn(args) : Promise.resolve(fail('INTERNAL', `${method} is not implemented by the fake bridge`));
      },
    ]),
  ) as ApiBridge;
  return { bridge, settings, calls };
}

export function installBridge(fake: FakeBridge): void {
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = fake.bridge;
}

export function removeBridge(): void {
  delete (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
}
