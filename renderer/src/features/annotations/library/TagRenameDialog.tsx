// Renames a tag across the library: on every item and every annotation (in the trash too).
// Before anything changes the dialog says how many records will, and when the new name is a tag
// that already exists it says the two will merge. Cancel is first; Escape cancels.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import { normalizeTag } from '../../../../../shared/text';
import type { ApiClient } from '../../../api/client';
import { useModalDialog } from '../../preferences/use-modal-dialog';
import { useTagOptions, useTagUse } from './use-library-data';

interface Props {
  client: ApiClient;
  from: string;
  busy: boolean;
  error: string | null;
  onRename(to: string): void;
  onCancel(): void;
}

export function TagRenameDialog({ client, from, busy, error, onRename, onCancel }: Props) {
  const { t } = useTranslation('annotationList');
  const { ref, onKeyDown, onCancel: onDialogCancel } = useModalDialog(onCancel);
  const id = useId();
  const [to, setTo] = useState(from);
  const tags = useTagOptions(client);
  const annotations = useTagUse(client, from);
  const target = normalizeTag(to);
  const use = annotations.data;
  // tags.list counts items and the annotations not in the trash under one number.
  const items = Math.max(0, (tags.data?.find((c) => c.tag === from)?.count ?? 0) - (use?.live ?? 0));
  const annotationCount = use ? use.live + use.trashed : 0;
  const merges = target !== from && (tags.data?.some((c) => c.tag === target) ?? false);
  const problem = target === '' ? t('tagRename.emptyName') : target === from ? t('tagRename.same') : null;
  const counted = tags.data !== undefined && use !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && !busy) onRename(target);
  };

  return (
    <dialog
      ref={ref}
      className="alist-dialog dialog-surface"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-effect`}
      onKeyDown={onKeyDown}
      onCancel={onDialogCancel}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('tagRename.title')}</h2>
        <dl className="alist-dialog-from">
          <dt>{t('tagRename.from')}</dt>
          <dd>
            <span className="alist-tag">{from}</span>
          </dd>
        </dl>
        <label className="alist-dialog-field">
          <span>{t('tagRename.to')}</span>
          <input
            type="text"
            value={to}
            list={`${id}-tags`}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={problem !== null && target !== from ? true : undefined}
          />
        </label>
        <datalist id={`${id}-tags`}>
          {(tags.data ?? [])
            .filter((c) => c.tag !== from)
            .map((c) => (
              <option key={c.tag} value={c.tag} />
            ))}
        </datalist>
        <div id={`${id}-effect`} className="alist-dialog-effect" aria-live="polite">
          <p>
            {counted
              ? t('tagRename.affects', { count: items + annotationCount, items, annotations: annotationCount })
              : t('tagRename.counting')}
          </p>
          {problem ? <p>{problem}</p> : merges && <p className="alist-dialog-warn">{t('tagRename.mergeNote', { to: target })}</p>}
          {error && (
            <p className="alist-dialog-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="alist-dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('tagRename.cancel')}
          </button>
          <button type="submit" className="dialog-primary" disabled={problem !== null || busy}>
            {busy ? t('tagRename.saving') : merges ? t('tagRename.merge') : t('tagRename.rename')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
