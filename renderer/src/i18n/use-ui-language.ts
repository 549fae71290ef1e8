// The interface language: i18next's current language, mirrored on <html lang> (screen
// readers, fonts and hyphenation follow it) and saved as 'ui.language' when the reader picks one.
import { useCallback, useEffect } from 'react';
import { useTranslation } from './ui-text';
import type { ApiClient } from '../api/client';
import type { Language } from './catalogue';
import { HTML_LANG, isLanguage } from './i18n';

export function useUiLanguage(client: ApiClient): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'zh';

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[language];
  }, [language]);

  const choose = useCallback(
    (next: Language) => {
      void i18n.changeLanguage(next);
      client.call('settings.set', { key: 'ui.language', value: next }).catch(() => undefined);
    },
    [client, i18n],
  );
  return [language, choose];
}
