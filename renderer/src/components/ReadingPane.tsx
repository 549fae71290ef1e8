// The reading view's main pane: the overview, or the routed initiative (loading, failed or
// shown), with a note when English was asked for but is not there; on paper, under the plan's
// print header.
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { ApiClient } from '../api/client';
import type { PlanOutline } from '../../../shared/api/contract';
import { useReading } from '../reading/reading-context';
import type { DetailState } from '../reading/use-initiative';
import { routeHref, type Route } from '../routing/hash-route';
import { ErrorScreen } from './ErrorScreen';
import { InitiativeView } from './InitiativeView';
import { Overview } from './Overview';
import { PlanPrintHeader } from './PlanContext';

interface Props {
  /** Makes the initiative's text annotatable. */
  client?: ApiClient;
  outline: PlanOutline;
  route: Route;
  detail: DetailState | null;
  /** Shown instead of the plain note when the plan has no English at all (how to attach one). */
  missingTranslation?: ReactNode;
  /** Shown beside the text (below it on a narrow pane): the annotation panel. */
  aside?: ReactNode;
}

export function ReadingPane(props: Props) {
  return (
    <>
      <PlanPrintHeader meta={props.outline.meta} />
      {props.aside ? (
        <div className={props.route.kind === 'initiative' ? 'reading-layout' : 'reading-layout reading-layout-overview'}>
          <div className="reading-layout-grid">
            <div className="reading-layout-text">
              <ReadingContent {...props} />
            </div>
            {props.aside}
          </div>
        </div>
      ) : (
        <ReadingContent {...props} />
      )}
    </>
  );
}

function ReadingContent({ client, outline, route, detail, missingTranslation }: Props) {
  const { t } = useTranslation();
  const { mode, translationStatus } = useReading();
  const notice =
    mode !== 'zh' && translationStatus === 'missing' && missingTranslation ? (
      missingTranslation
    ) : mode !== 'zh' && translationStatus !== 'ready' ? (
      <p className="translation-notice" role="status">
        {translationStatus === 'loading' ? t('translation.loading') : t('translation.unavailable')}
      </p>
    ) : null;

  if (route.kind !== 'initiative')
    return (
      <>
        {notice}
        <Overview outline={outline} />
      </>
    );
  if (!detail)
    return (
      <p role="status" className="view-loading">
        {t('loadingInitiative')}
      </p>
    );
  if ('error' in detail)
    return (
      <ErrorScreen variant="inline" title={t('failed.loadInitiative')} error={detail.error}>
        <a className="button-link" href={routeHref({ kind: 'overview' })}>
          {t('backToOverview')}
        </a>
      </ErrorScreen>
    );
  return (
    <>
      {notice}
      <InitiativeView detail={detail.detail} outline={outline} client={client} />
    </>
  );
}
