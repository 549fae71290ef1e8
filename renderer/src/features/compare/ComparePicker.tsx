// The library's Compare…: the reader picks any two plans (or any two versions of a plan) and
// the comparison opens at #/compare/<left>/<right>. Older versions of a plan are listed under
// it, read with version.list.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import type { ApiClient } from '../../api/client';
import { useModalDialog } from '../preferences/use-modal-dialog';
import './compare-picker.css';
import { Select } from '../../components/Select';

interface Option {
  planId: string;
  label: string;
}

interface Props {
  client: ApiClient;
  plans: readonly LibraryEntry[];
  onCompare(left: string, right: string): void;
  onCancel(): void;
}

export function ComparePicker({ client, plans, onCompare, onCancel }: Props) {
  const { t } = useTranslation('compare');
  const { ref, onKeyDown, onCancel: onDialogCancel } = useModalDialog(onCancel);
  const titleId = useId();
  const [options, setOptions] = useState<Option[]>(() => plans.map((p) => ({ planId: p.id, label: p.title })));
  const [left, setLeft] = useState(plans[1]?.id ?? plans[0]?.id ?? '');
  const [right, setRight] = useState(plans[0]?.id ?? '');

  useEffect(() => {
    let cancelled = false;
    void Promise.all(
      plans.map(async (p): Promise<Option[]> => {
        if (!p.version) return [{ planId: p.id, label: p.title }];
        const versions = await client.call('version.list', { planId: p.id }).catch(() => []);
        if (versions.length === 0) return [{ planId: p.id, label: p.title }];
        return [...versions].reverse().map((v) => ({ planId: v.planId, label: t('pick.version', { title: v.title, version: v.version }) }));
      }),
    ).then((lists) => !cancelled && setOptions(lists.flat()));
    return () => {
      cancelled = true;
    };
  }, [client, plans, t]);

  const same = left === right;
  const select = (value: string, onChange: (v: string) => void, label: string) => (
    <label className="compare-pick-field">
      <span>{label}</span>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.planId} value={o.planId}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <dialog ref={ref} className="dialog-surface library-confirm compare-pick" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={onDialogCancel}>
      <h2 id={titleId}>{t('pick.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!same) onCompare(left, right);
        }}
      >
        {select(left, setLeft, t('pick.left'))}
        {select(right, setRight, t('pick.right'))}
        {same && <p className="compare-pick-hint">{t('pick.same')}</p>}
        <footer className="library-confirm-actions">
          <button type="button" onClick={onCancel}>
            {t('pick.cancel')}
          </button>
          <button type="submit" className="library-button-primary" disabled={same}>
            {t('pick.go')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
