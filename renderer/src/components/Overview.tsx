// The home view: the plan's themes as cards with their initiatives, and the stated lists.
import type { PlanOutline } from '../../../shared/api/contract';
import { useStrings } from '../i18n/use-strings';
import { routeHref } from '../routing/hash-route';
import { IndustryLists } from './IndustryLists';

export function Overview({ outline }: { outline: PlanOutline }) {
  const s = useStrings();
  const initiativeCount = outline.themes.reduce((n, t) => n + t.initiatives.length, 0);
  return (
    <div className="overview">
      <div className="view-heading">
        <h2 id="view-title" className="view-title">{s.overviewTitle}</h2>
        <p className="view-subtitle">{s.overviewIntro(outline.themes.length, initiativeCount)}</p>
      </div>
      <ol className="theme-cards">
        {outline.themes.map((theme) => (
          <li key={theme.id} className="theme-card">
            <h3 className="theme-card-title">
              <span className="theme-card-label">{s.themeLabel(theme.ordinal)}</span>
              <span className="theme-card-headline">{theme.headline}</span>
            </h3>
            <ol className="theme-card-initiatives">
              {theme.initiatives.map((item) => (
                <li key={item.id}>
                  <a href={routeHref({ kind: 'initiative', id: item.id })}>
                    <span className="numeral">{item.numeral}</span>{' '}
                    <span>{item.headline}</span>
                  </a>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {outline.lists.length > 0 && (
        <section className="overview-lists" aria-labelledby="overview-lists-title">
          <h2 id="overview-lists-title" className="section-title">{s.listsTitle}</h2>
          <IndustryLists lists={outline.lists} outline={outline} headingLevel="h3" />
        </section>
      )}
    </div>
  );
}
