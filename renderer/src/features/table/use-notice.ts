// One line of news above the grid (copied, exported, view saved) or an action's error. Good
// news goes away by itself; an error stays until dismissed.
import { useCallback, useEffect, useState } from 'react';

const NOTICE_MS = 6000;

export interface Notice {
  text: string;
  error: boolean;
}

export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const announce = useCallback((text: string) => setNotice({ text, error: false }), []);
  const fail = useCallback((text: string) => setNotice({ text, error: true }), []);
  const dismiss = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (!notice || notice.error) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, announce, fail, dismiss };
}
