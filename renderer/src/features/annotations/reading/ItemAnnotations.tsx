// The reading view's side of annotating one item: its live highlights from the core (painted
// where they are anchored, in the languages on screen), the reader's colour names, and the
// selection tools saving new highlights through the annotation writes.
import { useMemo, type RefObject } from 'react';
import type { InitiativeDetail } from '../../../../../shared/api/contract';
import type { AnnotatedLanguage, AnnotatedPart, AnnotationEntry } from '../../../../../shared/api/annotations/methods';
import type { ApiClient } from '../../../api/client';
import { useReading } from '../../../reading/reading-context';
import { useTranslation } from '../../../i18n/ui-text';
import { useAnnotationList, useAnnotationWrites, useColorNames } from '../queries';
import { canonicalText } from './offsets';
import type { PaintedHighlight } from './paint';
import { SelectionLayer } from './SelectionLayer';

interface Props {
  client: ApiClient;
  root: RefObject<HTMLElement | null>;
  detail: InitiativeDetail;
  planTitle: string;
}

/** An item has at most this many highlights painted (the list's page limit). */
const PAINT_LIMIT = 500;

/**
 * The highlights that can be painted: anchored or relocated (ambiguous and orphaned ones have
 * no place; the panel lists them), and only where the stored quote still reads at the stored
 * position — a highlight on the wrong words is worse than none.
 */
export function paintable(entries: readonly AnnotationEntry[], textOf: (part: AnnotatedPart, language: AnnotatedLanguage) => string | null): PaintedHighlight[] {
  const out: PaintedHighlight[] = [];
  for (const a of entries) {
    if (a.kind !== 'highlight' || !a.target || !a.color || a.deletedAt) continue;
    if (a.anchor && a.anchor.status !== 'anchored' && a.anchor.status !== 'relocated') continue;
    const { part, language, selectors } = a.target;
    const text = textOf(part, language);
    const { start, end } = selectors.position;
    if (text === null || Array.from(text).slice(start, end).join('') !== selectors.quote.exact) continue;
    out.push({ id: a.id, color: a.color, passage: { part, language, start, end } });
  }
  return out;
}

export function ItemAnnotations({ client, root, detail, planTitle }: Props) {
  const { translation } = useReading();
  const { t } = useTranslation();
  const { initiative } = detail;
  const english = translation?.initiatives[initiative.id];
  const list = useAnnotationList(client, { itemId: initiative.id, kind: 'highlight', sort: 'text', limit: PAINT_LIMIT });
  const names = useColorNames(client);
  const { create } = useAnnotationWrites(client);

  const textOf = useMemo(
    () => (part: AnnotatedPart, language: AnnotatedLanguage) => canonicalText(initiative, english, part, language),
    [initiative, english],
  );
  const highlights = useMemo(() => paintable(list.data?.entries ?? [], textOf), [list.data, textOf]);

  return (
    <SelectionLayer
      root={root}
      planId={detail.planId}
      itemId={initiative.id}
      textOf={textOf}
      sourceOf={(language) =>
        language === 'zh'
          ? { planTitle, numeral: initiative.numeral, ordinal: initiative.ordinal, headline: initiative.headline }
          : english
            ? {
                planTitle: translation?.meta.title ?? planTitle,
                numeral: t('ordinalNumeral', { ordinal: initiative.ordinal }),
                ordinal: initiative.ordinal,
                headline: english.headline,
              }
            : null
      }
      highlights={highlights}
      names={names.data ?? {}}
      create={(a) => create.mutateAsync(a)}
    />
  );
}
