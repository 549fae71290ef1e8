// The visible mark on every place English plan text appears: it is our translation, not the
// plan's, and the Chinese prevails.
import { useTranslation } from '../i18n/ui-text';

export function UnofficialLabel() {
  const { t } = useTranslation();
  return (
    <span className="unofficial" title={t('translation.unofficialNote')}>
      {t('translation.unofficial')}
    </span>
  );
}

/** A line above English text: the label and what it means. */
export function UnofficialNote() {
  const { t } = useTranslation();
  return (
    <p className="unofficial-note">
      <UnofficialLabel /> <span>{t('translation.unofficialNote')}</span>
    </p>
  );
}
