// The dashboard's Intl formatters for the current UI language (rebuilt when it changes).
import { useMemo } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { createFormatters, type Formatters } from './format';

export function useFormatters(): Formatters {
  const { i18n } = useTranslation('dashboard');
  const language = i18n.language;
  return useMemo(() => createFormatters(language), [language]);
}
