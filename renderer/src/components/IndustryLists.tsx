// Enumerations the plan's text states with a count (8大新兴产业, 9大未来产业), shown as real
// ordered lists so their items can be read, counted and (later) annotated one by one. In
// "both" each item carries its English, so the two lists pair item by item.
import { useTranslation } from '../i18n/ui-text';
import type { PlanList } from '../../../shared/domain/plan';
import type { PlanOutline } from '../../../shared/api/contract';
import { useReading } from '../reading/reading-context';
import { routeHref } from '../routing/hash-route';
import { Numeral, PlanText } from './PlanText';

interface Props {
  lists: PlanList[];
  /** When given, each list names the initiative that states it (used on the overview). */
  outline?: PlanOutline;
  headingLevel: 'h2' | 'h3';
}

export function IndustryLists({ lists, outline, headingLevel: Heading }: Props) {
  const { t } = useTranslation();
  const { translation } = useReading();
  return (
    <div className="plan-lists">
      {lists.map((list) => {
        const titleId = `list-${list.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
        const source = outline && findHeading(outline, list.initiativeId);
        const english = translation?.lists[list.id];
        // The title is plan text ("8大新兴产业"), so its template follows the text's language.
        const zhTitle = t('listTitle', { lng: 'zh', count: list.statedCount, label: list.label });
        const enTitle = english && t('listTitle', { lng: 'en', count: list.statedCount, label: english.label });
        return (
          <section key={list.id} className="plan-list" aria-labelledby={titleId}>
            <Heading id={titleId} className="plan-list-title">
              <PlanText zh={zhTitle} en={enTitle} />
            </Heading>
            {source && (
              <p className="plan-list-source">
                {t('listStatedIn')}{' '}
                <a href={routeHref({ kind: 'initiative', id: list.initiativeId })}>
                  {/* 第三 alone does not say which theme's third initiative: name the theme. */}
                  <span className="plan-list-source-theme">{t('themeLabel', { ordinal: source.theme.ordinal })}</span>
                  <span aria-hidden="true">{t('listSourceSeparator')}</span>
                  <Numeral numeral={source.initiative.numeral} ordinal={source.initiative.ordinal} />{' '}
                  <PlanText zh={source.initiative.headline} en={translation?.initiatives[source.initiative.id]?.headline} />
                </a>
              </p>
            )}
            <ol className="plan-list-items">
              {list.items.map((item, i) => (
                <li key={item.id}>
                  <span className="plan-list-item">
                    <PlanText zh={item.text} en={english?.items[i]} />
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function findHeading(outline: PlanOutline, initiativeId: string) {
  for (const theme of outline.themes) {
    const initiative = theme.initiatives.find((i) => i.id === initiativeId);
    if (initiative) return { theme, initiative };
  }
  return undefined;
}
