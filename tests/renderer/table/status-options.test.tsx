// The configured statuses (use-status-options.ts): the same options as shown keep their array,
// so their answer right after the first rows does not render every cell again.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_OPTIONS } from '../../../shared/domain/table';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { useStatusOptions } from '../../../renderer/src/features/table/use-status-options';
import { createFakeBridge, ok } from '../fake-bridge';

describe('useStatusOptions', () => {
  it('keeps the defaults’ array when the stored options are the defaults, and takes others', async () => {
    let answered = false;
    const same = createFakeBridge({
      'status.options': async () => {
        answered = true;
        return ok({ options: DEFAULT_STATUS_OPTIONS.map((o) => ({ ...o, label: { ...o.label } })), revision: 0 });
      },
    });
    const a = renderHook(() => useStatusOptions(createClientFromBridge(same.bridge)));
    await waitFor(() => expect(answered).toBe(true));
    // Its answer through the client and into the state (a task later at most).
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(a.result.current).toBe(DEFAULT_STATUS_OPTIONS);

    const custom = [...DEFAULT_STATUS_OPTIONS, { key: 'paused', label: { zh: '暂停', en: 'Paused' } }];
    const other = createFakeBridge({ 'status.options': async () => ok({ options: custom, revision: 1 }) });
    const b = renderHook(() => useStatusOptions(createClientFromBridge(other.bridge)));
    await waitFor(() => expect(b.result.current).toEqual(custom));
  });
});
