// The home view: the plan's lead (what the plan sets out to do), its themes as cards with their
// initiatives, and the stated lists. The cards fill their rows: a last row with fewer cards
// than the others shares the width among them, so five themes read as 3 + 2 wide cards, not
// as a grid with a hole.
import type { CSSProperties } from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { PlanOutline } from '../../../shared/api/contract';
import { useReading } from '../reading/reading-context';
import { IndustryLists } from './IndustryLists';
import { InitiativeLinks } from './InitiativeLinks';
import { planText } from './PlanText';
import { ReadingBody } from './ReadingBody';

/** Cards per full row on a wide pane; the grid has COLUMNS tracks so 1, 2 or 3 cards can share a row evenly. */
const PER_ROW = 3;
const COLUMNS = 6;

/** How many grid tracks card i of n spans: full rows give each card COLUMNS / PER_ROW, the last row shares them. */
export function cardSpan(i: number, n: number): number {
  const lastRowStart = n - (n % PER_ROW || PER_ROW);
  const inRow = i >= lastRowStart ? n - lastRowStart : PER_ROW;
  return COLUMNS / inRow;
}

export function Overview({ outline }: { outline: PlanOutline }) {
  const { t } = useTranslation();
  const reading = useReading();
  const { translation } = reading;
  const initiativeCount = outline.themes.reduce((n, th) => n + th.initiatives.length, 0);
  const { lead } = outline.meta;
  return (
    <div className="overview">
      <div className="view-heading">
        <h2 id="view-title" className="view-title">
          {t('overviewTitle')}
        </h2>
        <p className="view-subtitle">{t('overviewIntro', { themes: outline.themes.length, initiatives: initiativeCount })}</p>
      </div>
      {lead && (
        <section className="overview-lead" aria-labelledby="overview-lead-title">
          <h3 id="overview-lead-title" className="overview-lead-title">
            {t('lead')}
          </h3>
          <ReadingBody zh={lead} en={translation?.meta.lead} className="overview-lead-text" />
        </section>
      )}
      <ol className="theme-cards">
        {outline.themes.map((theme, i) => (
          <li key={theme.id} className="theme-card" style={{ '--card-span': cardSpan(i, outline.themes.length) } as CSSProperties}>
            <h3 className="theme-card-title">
              <span className="theme-card-label">{t('themeLabel', { ordinal: theme.ordinal })}</span>
              <span className="theme-card-headline">
                {planText(reading, theme.headline, translation?.themes[theme.id])}
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
