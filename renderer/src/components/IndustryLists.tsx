// Enumerations the plan's text states with a count (8大新兴产业, 9大未来产业), shown as real
// ordered lists so their items can be read, counted and (later) annotated one by one.
import type { PlanList } from '../../../shared/domain/plan';
import type { PlanOutline } from '../../../shared/api/contract';
import { useStrings } from '../i18n/use-strings';
import { routeHref } from '../routing/hash-route';

interface Props {
  lists: PlanList[];
  /** When given, each list names the initiative that states it (used on the overview). */
  outline?: PlanOutline;
  headingLevel: 'h2' | 'h3';
}

export function IndustryLists({ lists, outline, headingLevel: Heading }: Props) {
  const s = useStrings();
  return (
    <div className="plan-lists">
      {lists.map((list) => {
        const titleId = `list-${list.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
        const source = outline && findHeading(outline, list.initiativeId);
        return (
          <section key={list.id} className="plan-list" aria-labelledby={titleId}>
            <Heading id={titleId} className="plan-list-title">
              {s.listTitle(list.statedCount, list.label)}
            </Heading>
            {source && (
              <p className="plan-list-source">
                {s.listStatedIn}{' '}
                <a href={routeHref({ kind: 'initiative', id: list.initiativeId })}>
                  {s.initiativeTitle(source.numeral, source.headline)}
                </a>
              </p>
            )}
            <ol className="plan-list-items">
              {list.items.map((item) => (
                <li key={item.id}>{item.text}</li>
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
    const hit = theme.initiatives.find((i) => i.id === initiativeId);
    if (hit) return hit;
  }
  return undefined;
}
