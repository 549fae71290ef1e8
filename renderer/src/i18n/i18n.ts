// One i18next instance per app (and per test), built from the in-bundle catalogue: no
// network, no lazy loading, so the first render already has its strings.
import i18next, { type i18n, type Resource } from 'i18next';
import { CATALOGUE, LANGUAGES, type Language, type Namespace } from './catalogue';

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The document language (<html lang>, lang attributes) for each UI and text language. */
export const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

/** 1–99 as Chinese numerals (一, 十二, 二十三), for theme numbers. */
export function zhNumber(n: number): string {
  if (n <= 10) return ZH_NUMERALS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_NUMERALS[tens]}十${ones ? ZH_NUMERALS[ones] : ''}`;
}

export function isLanguage(value: string | null | undefined): value is Language {
  return value !== null && value !== undefined && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: the saved choice, else the system's, else Chinese. */
export function pickLanguage(saved: string | null, systemLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'zh';
}

export interface CreateI18nOptions {
  /**
   * Rewrites every catalogue string before use. Tests pass a marker wrapper (⟦…⟧) to build a
   * pseudo-language and find text that does not come from the catalogue.
   */
  transform?: (text: string) => string;
}

export function createI18n(language: Language, options: CreateI18nOptions = {}): i18n {
  const instance = i18next.createInstance();
  const transform = options.transform;
  const resources: Resource = Object.fromEntries(
    LANGUAGES.map((lng) => [
      lng,
      Object.fromEntries(
        Object.entries(CATALOGUE).map(([ns, texts]) => [ns, transform ? (mapStrings(texts[lng], transform) as typeof texts[typeof lng]) : texts[lng]]),
      ),
    ]),
  );
  void instance.init({
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

function mapStrings(value: unknown, transform: (text: string) => string): unknown {
  if (typeof value === 'string') return transform(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, transform));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, transform)]));
  }
  return value;
}
