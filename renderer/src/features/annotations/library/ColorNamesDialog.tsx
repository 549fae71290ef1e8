// The reader names what each highlight colour means (e.g. 重点 / question / action). The names
// are saved in one call and then used wherever a colour is offered or shown.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import { HIGHLIGHT_COLORS, type ColorNames, type HighlightColor } from '../../../../../shared/api/annotations/methods';
import { useModalDialog } from '../../preferences/use-modal-dialog';
import { MAX_COLOR_NAME } from './colors';

interface Props {
  names: ColorNames;
  busy: boolean;
  error: string | null;
  onSave(names: ColorNames): void;
  onCancel(): void;
}

export function ColorNamesDialog({ names, busy, error, onSave, onCancel }: Props) {
  const { t } = useTranslation('annotationList');
  const { ref, onKeyDown, onCancel: onDialogCancel } = useModalDialog(onCancel);
  const id = useId();
  const [draft, setDraft] = useState<Record<HighlightColor, string>>(
    () => Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, names[c] ?? ''])) as Record<HighlightColor, string>,
  );
  const tooLong = HIGHLIGHT_COLORS.some((c) => [...draft[c].trim()].length > MAX_COLOR_NAME);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || tooLong) return;
    const next: ColorNames = {};
    for (const c of HIGHLIGHT_COLORS) {
      const name = draft[c].trim();
      if (name) next[c] = name;
    }
    onSave(next);
  };

  return (
    <dialog ref={ref} className="alist-dialog dialog-surface" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown} onCancel={onDialogCancel}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('colorNames.title')}</h2>
        <p className="alist-dialog-intro">{t('colorNames.intro')}</p>
        <ul className="alist-color-names">
          {HIGHLIGHT_COLORS.map((color) => (
            <li key={color}>
              <label>
                <span className="alist-swatch" data-color={color} aria-hidden="true" />
                <span className="alist-color-default">{t(`colors.${color}`)}</span>
                <input
                  type="text"
                  value={draft[color]}
                  placeholder={t('colorNames.placeholder')}
                  aria-label={t('colorNames.nameOf', { color: t(`colors.${color}`) })}
                  onChange={(e) => setDraft((d) => ({ ...d, [color]: e.target.value }))}
                />
              </label>
            </li>
          ))}
        </ul>
        {(tooLong || error) && (
          <p className="alist-dialog-error" role="alert">
            {tooLong ? t('colorNames.tooLong', { max: MAX_COLOR_NAME }) : error}
          </p>
        )}
        <footer className="alist-dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('colorNames.cancel')}
          </button>
          <button type="submit" className="dialog-primary" disabled={busy || tooLong}>
            {busy ? t('colorNames.saving') : t('colorNames.save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
