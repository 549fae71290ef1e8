// "Import as: a new plan / a new version of …" in the import dialog. The plans offered are the
// current versions (plan.list leaves superseded ones out): a new version continues the newest.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { PlanSummary } from '../../../../shared/api/plans/methods';
import type { ApiClient } from '../../api/client';
import './versions.css';
import { Select } from '../../components/Select';

export interface VersionTarget {
  planId: string;
  title: string;
}

interface Props {
  client: ApiClient;
  target: VersionTarget | null;
  disabled: boolean;
  onChange(target: VersionTarget | null): void;
}

export function VersionTargetChoice({ client, target, disabled, onChange }: Props) {
  const { t } = useTranslation('versions');
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  useEffect(() => {
    let cancelled = false;
    client.call('plan.list', {}).then(
      (list) => !cancelled && setPlans(list.filter((p) => !p.supersededBy)),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client]);
  // The target may not be in the list yet (still loading): it is offered all the same.
  const options = target && !plans.some((p) => p.id === target.planId) ? [{ id: target.planId, title: target.title }, ...plans] : plans;
  return (
    <section className="version-target">
      <label>
        <span>{t('importAs')}</span>
        <Select
          value={target?.planId ?? ''}
          disabled={disabled}
          onChange={(e) => {
            const plan = options.find((p) => p.id === e.target.value);
            onChange(plan ? { planId: plan.id, title: plan.title } : null);
          }}
        >
          <option value="">{t('asNewPlan')}</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {t('asVersionOf', { title: p.title })}
            </option>
          ))}
        </Select>
      </label>
      {target && <p className="version-hint">{t('versionHint')}</p>}
    </section>
  );
}
