// The home view: the plan's themes as cards with their initiatives, and the stated lists.
import { useTranslation } from 'react-i18next';
import type { PlanOutline } from '../../../shared/api/contract';
import { useReading } from '../reading/reading-context';
import { IndustryLists } from './IndustryLists';
import { InitiativeLinks } from './InitiativeLinks';
import { PlanText } from './PlanText';
import { UnofficialNote } from './UnofficialLabel';

export function Overview({ outline }: { outline: PlanOutline }) {
  const { t } = useTranslation();
  const { showEn, translation } = useReading();
  const initiativeCount = outline.themes.reduce((n, th) => n + th.initiatives.length, 0);
  return (
    <div className="overview">
      <div className="view-heading">
        <h2 id="view-title" className="view-title">
          {t('overviewTitle')}
        </h2>
        <p className="view-subtitle">{t('overviewIntro', { themes: outline.themes.length, initiatives: initiativeCount })}</p>
        {showEn && <UnofficialNote />}
      </div>
      <ol className="theme-cards">
        {outline.themes.map((theme) => (
          <li key={theme.id} className="theme-card">
            <h3 className="theme-card-title">
              <span className="theme-card-label">{t('themeLabel', { ordinal: theme.ordinal })}</span>
              <span className="theme-card-headline">
                <PlanText zh={theme.headline} en={translation?.themes[theme.id]} />
              </span>
            </h3>
            <InitiativeLinks
              initiatives={theme.initiatives}
              className="theme-card-initiatives"
              headlineClassName="theme-card-headline-text"
            />
          </li>
        ))}
      </ol>
      {outline.lists.length > 0 && (
        <section className="overview-lists" aria-labelledby="overview-lists-title">
          <h2 id="overview-lists-title" className="section-title">
            {t('listsTitle')}
          </h2>
          <IndustryLists lists={outline.lists} outline={outline} headingLevel="h3" />
        </section>
      )}
    </div>
  );
}
