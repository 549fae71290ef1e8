// The configured statuses (status.options), with the defaults until they arrive or if they fail.
import { useEffect, useState } from 'react';
import { DEFAULT_STATUS_OPTIONS, type StatusOption } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';

export function useStatusOptions(client: ApiClient): readonly StatusOption[] {
  const [options, setOptions] = useState<readonly StatusOption[]>(DEFAULT_STATUS_OPTIONS);
  useEffect(() => {
    let cancelled = false;
    client.call('status.options', {}).then(
      (record) => {
        // The same options as shown (the defaults, mostly) keep their array: a new one changes
        // every cell's context, and the whole grid renders again, right after the first rows.
        if (!cancelled) setOptions((shown) => (JSON.stringify(shown) === JSON.stringify(record.options) ? shown : record.options));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client]);
  return options;
}
