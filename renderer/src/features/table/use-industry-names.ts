// English names of the industries (plan list items) for the English and side-by-side reading
// modes: the translation is keyed by list id and position, the rows carry the Chinese text, so
// the plan's lists (plan.get) pair them. Only fetched when a translation is shown.
import { useEffect, useState } from 'react';
import type { PlanTranslation } from '../../../../shared/domain/translation';
import type { ApiClient } from '../../api/client';
import type { ReadingMode } from '../feature-props';
import { industryNamesOf } from './plan-text';

const EMPTY: ReadonlyMap<string, string> = new Map();

export function useIndustryNames(
  client: ApiClient,
  planId: string,
  readingMode: ReadingMode,
  translation: PlanTranslation | null,
): ReadonlyMap<string, string> {
  const wanted = readingMode !== 'zh' && translation !== null;
  const [names, setNames] = useState<{ key: string; map: ReadonlyMap<string, string> } | null>(null);
  const key = `${planId}\u0000${translation?.language ?? ''}`;
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    client.call('plan.get', { planId }).then(
      (outline) => {
        if (!cancelled) setNames({ key, map: industryNamesOf(outline, translation) });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client, planId, translation, wanted, key]);
  return wanted && names?.key === key ? names.map : EMPTY;
}
