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
        if (!cancelled) setOptions(record.options);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client]);
  return options;
}
