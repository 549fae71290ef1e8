// The interface language switch (中文 / English), captioned 界面 / Interface so it is not taken for
// the plan text's language beside it. Each name is written in its own language.
import { useTranslation } from '../i18n/ui-text';
import { LANGUAGES, type Language } from '../i18n/catalogue';
import { HTML_LANG } from '../i18n/i18n';
import { SegmentedControl } from './SegmentedControl';

export function LanguageSwitch({ language, onChange }: { language: Language; onChange(language: Language): void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      label={t('uiLanguage.label')}
      caption={t('uiLanguage.caption')}
      className="language-switch"
      value={language}
      onChange={onChange}
      segments={LANGUAGES.map((lng) => ({ value: lng, label: t(`uiLanguage.${lng}`), short: t(`uiLanguage.${lng}Short`), lang: HTML_LANG[lng] }))}
    />
  );
}
