// One i18next instance per app (and per test), built from the in-bundle catalogue: no
// network, no lazy loading, so the first render already has its strings.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGUE, LANGUAGES, type Language, type Namespace } from './catalogue';

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 as Chinese numerals (一, 十二, 二十三), for theme numbers. */
export function zhNumber(n: number): string {
  if (n <= 10) return ZH_NUMERALS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_NUMERALS[tens]}十${ones ? ZH_NUMERALS[ones] : ''}`;
}

/** The language to start in: the saved choice, else the system's, else Chinese. */
export function pickLanguage(saved: string | null, systemLanguages: readonly string[]): Language {
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'zh';
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    LANGUAGES.map((lng) => [
      lng,
      Object.fromEntries(Object.entries(CATALOGUE).map(([ns, texts]) => [ns, texts[lng]])),
    ]),
  );
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(CATALOGUE) as Namespace[],
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  instance.services.formatter?.add('zhNumber', (value: number) => zhNumber(value));
  return instance;
}
