// Type-checked translation keys: t('meta.source') compiles, t('meta.sorce') does not; and
// interpolation values are typed (zhNumber formats a number).
import 'i18next';
import type { CATALOGUE } from './catalogue';

type Resources = { [N in keyof typeof CATALOGUE]: (typeof CATALOGUE)[N]['zh'] };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
    interpolationFormatTypeMap: { zhNumber: number };
  }
}
