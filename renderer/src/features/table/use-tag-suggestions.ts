// The tags in use (tags.list), for the tag editors' suggestions: loaded with the table and again
// whenever a tag editor opens, so a tag just added elsewhere is offered too.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TagCount } from '../../../../shared/api/contract';
import type { ApiClient } from '../../api/client';

export function useTagSuggestions(client: ApiClient): { tags: TagCount[]; refresh(): void } {
  const [tags, setTags] = useState<TagCount[]>([]);
  const latest = useRef(0);
  const refresh = useCallback(() => {
    const call = ++latest.current;
    client.call('tags.list', {}).then(
      (list) => {
        if (call === latest.current) setTags(list);
      },
      // Suggestions are a help, not the reader's data: without them the editor still works.
      () => undefined,
    );
  }, [client]);
  useEffect(refresh, [refresh]);
  return { tags, refresh };
}
