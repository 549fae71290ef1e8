// The first screen's data is asked for beside the storage check (main.tsx), not after it: the
// first App takes that early load, and a load that failed (the database in recovery) is dropped
// so the App started after a recovery asks afresh.
import { afterEach, describe, expect, it } from 'vitest';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { loadStartEarly, takeStart } from '../../../renderer/src/load-start';
import { createFakeBridge, fail } from '../fake-bridge';
import { PLAN_ID } from '../plan-fixture';

const starts = (calls: ReturnType<typeof createFakeBridge>['calls']) => calls.filter((c) => c.method === 'app.start').length;

afterEach(async () => {
  // Leave no early load behind for the next test.
  await takeStart(createClientFromBridge(createFakeBridge().bridge)).catch(() => undefined);
});

describe('the early start', () => {
  it('is taken once by the first App; the next one loads afresh', async () => {
    const fake = createFakeBridge();
    const client = createClientFromBridge(fake.bridge);
    loadStartEarly(client);
    expect(starts(fake.calls)).toBe(1);
    expect((await takeStart(client)).outline?.meta.id).toBe(PLAN_ID);
    expect(starts(fake.calls)).toBe(1);
    expect((await takeStart(client)).outline?.meta.id).toBe(PLAN_ID);
    expect(starts(fake.calls)).toBe(2);
  });

  it('is dropped when it failed, so a later start asks again', async () => {
    let broken = true;
    const fake = createFakeBridge({
      'plan.list': async () => (broken ? fail('INTERNAL', 'the database is not open') : { ok: true, value: [] }),
    });
    const client = createClientFromBridge(fake.bridge);
    loadStartEarly(client);
    await new Promise((resolve) => setTimeout(resolve, 0));
    broken = false;
    const data = await takeStart(client);
    expect(data.outline).toBeNull();
    expect(starts(fake.calls)).toBe(2);
  });
});
