// One initiative laid out for long reading: its theme as context, numeral and headline as
// title, the full text (Chinese, English or both sentence by sentence), the lists it states,
// and the way to the previous and next initiative in reading order.
import { useRef } from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { InitiativeDetail, PlanOutline } from '../../../shared/api/contract';
import type { ApiClient } from '../api/client';
import { ItemAnnotations } from '../features/annotations/reading/ItemAnnotations';
import { FindBar } from '../features/search/find/FindBar';
import { anchorAttributes, ITEM_ATTRIBUTE } from '../features/annotations/reading/offsets';
import { useReading } from '../reading/reading-context';
import { routeHref } from '../routing/hash-route';
import { IndustryLists } from './IndustryLists';
import { Numeral, PlanText } from './PlanText';
import { EnglishText } from './EnglishText';
import { ReadingBody } from './ReadingBody';

interface Props {
  detail: InitiativeDetail;
  outline: PlanOutline;
  /** With a client the text is annotatable: highlights painted, the selection toolbar offered. */
  client?: ApiClient;
}

export function InitiativeView({ detail, outline, client }: Props) {
  const { t } = useTranslation();
  const { showZh, showEn, translation, zh: display } = useReading();
  const { initiative, theme } = detail;
  const english = translation?.initiatives[initiative.id];
  const paired = showZh && showEn && english !== undefined;
  const root = useRef<HTMLElement>(null);
  const title = (
    <h2 id="view-title" className="view-title initiative-title">
      <Numeral numeral={initiative.numeral} ordinal={initiative.ordinal} />{' '}
      {showZh || !english ? (
        <span lang="zh-CN" {...anchorAttributes('headline', 'zh', 0)}>
          {display(initiative.headline)}
        </span>
      ) : (
        <span lang="en" {...anchorAttributes('headline', 'en', 0)}>
          <EnglishText text={english.headline} />
        </span>
      )}
    </h2>
  );
  return (
    <article
      ref={root}
      className={paired ? 'initiative initiative-paired' : 'initiative'}
      aria-labelledby="view-title"
      {...{ [ITEM_ATTRIBUTE]: initiative.id }}
    >
      <FindBar root={root} />
      <p className="initiative-context">
        <span className="initiative-context-label">{t('themeLabel', { ordinal: theme.ordinal })}</span>
        <span className="initiative-context-headline">
          <PlanText zh={theme.headline} en={translation?.themes[theme.id]} />
        </span>
      </p>
      {paired ? (
        <div className="parallel parallel-title">
          <div className="parallel-row">
            {title}
            <p lang="en" className="parallel-en initiative-title-en" {...anchorAttributes('headline', 'en', 0)}>
              <EnglishText text={english.headline} />
            </p>
          </div>
        </div>
      ) : (
        title
      )}
      <ReadingBody zh={initiative.body} en={english?.body} className="reading" annotatable />
      {detail.lists.length > 0 && (
        <section className="initiative-lists" aria-label={t('listsInInitiative')}>
          <IndustryLists lists={detail.lists} headingLevel="h3" />
        </section>
      )}
      <nav className="pager" aria-label={t('pagerLabel')}>
        <PagerLink direction="previous" id={detail.previousId} outline={outline} fromTheme={theme.id} />
        <PagerLink direction="next" id={detail.nextId} outline={outline} fromTheme={theme.id} />
      </nav>
      {client && <ItemAnnotations client={client} root={root} detail={detail} planTitle={outline.meta.title} />}
    </article>
  );
}

/**
 * The way to the previous or next initiative: its numeral and headline, and — when it lies in
 * another theme — that theme's label and headline over them, since a numeral counts within its
 * theme (the last item of theme 1 is followed by "1." again, or 第一).
 */
function PagerLink({ direction, id, outline, fromTheme }: { direction: 'previous' | 'next'; id: string | null; outline: PlanOutline; fromTheme: string }) {
  const { t } = useTranslation();
  const { translation } = useReading();
  const theme = id ? outline.themes.find((th) => th.initiatives.some((i) => i.id === id)) : undefined;
  const heading = theme?.initiatives.find((i) => i.id === id);
  if (!id) return <span className={`pager-link pager-${direction} pager-empty`} aria-hidden="true" />;
  return (
    <a
      className={`pager-link pager-${direction}`}
      href={routeHref({ kind: 'initiative', id })}
      rel={direction === 'previous' ? 'prev' : 'next'}
      title={direction === 'previous' ? t('previousTitle') : t('nextTitle')}
    >
      <span className="pager-direction">{direction === 'previous' ? t('previous') : t('next')}</span>
      {theme && theme.id !== fromTheme && (
        <span className="pager-theme">
          <span className="pager-theme-label">{t('themeLabel', { ordinal: theme.ordinal })}</span>{' '}
          <span className="pager-theme-headline">
            <PlanText zh={theme.headline} en={translation?.themes[theme.id]} />
          </span>
        </span>
      )}
      {heading && (
        <span className="pager-headline">
          <Numeral numeral={heading.numeral} ordinal={heading.ordinal} />{' '}
          <PlanText zh={heading.headline} en={translation?.initiatives[heading.id]?.headline} />
        </span>
      )}
    </a>
  );
}
