// The highlight colours as the reader knows them: the name the reader gave a colour (重点,
// question, action…) or, unnamed, the colour's own name in the UI language.
import type { TFunction } from 'i18next';
import type { ColorNames, HighlightColor } from '../../../../../shared/api/annotations/methods';

/** The longest colour name the dialog accepts (a name is a word or two, shown in chips). */
export const MAX_COLOR_NAME = 24;

export function colorLabel(color: HighlightColor, names: ColorNames | undefined, t: TFunction<'annotationList'>): string {
  const named = names?.[color]?.trim();
  return named ? named : t(`colors.${color}`);
}
