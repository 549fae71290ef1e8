// The first screen: masthead, outline sidebar and the main pane (overview or one initiative).
// All data comes through the api client it is given; the address hash holds the view.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { InitiativeDetail } from '../../shared/api/contract';
import { ApiCallError } from './api/api-call-error';
import type { ApiClient } from './api/client';
import { ErrorScreen, UnauthorizedScreen } from './components/ErrorScreen';
import { InitiativeView } from './components/InitiativeView';
import { Outline } from './components/Outline';
import { Overview } from './components/Overview';
import { PlanHeader } from './components/PlanHeader';
import { CATALOGUE, DEFAULT_LANGUAGE } from './i18n/strings';
import { StringsContext } from './i18n/use-strings';
import { isBlankHash, parseRoute, routeHref, type Route } from './routing/hash-route';
import { loadStart, type StartData } from './load-start';

type StartState = { status: 'loading' } | { status: 'ready'; data: StartData } | { status: 'error'; error: unknown };
type DetailState = { id: string; detail: InitiativeDetail } | { id: string; error: unknown };

export function App({ client }: { client: ApiClient }) {
  const strings = CATALOGUE[DEFAULT_LANGUAGE];
  const [start, setStart] = useState<StartState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [detail, setDetail] = useState<DetailState | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = strings.lang;
  }, [strings]);

  useEffect(() => {
    const onHashChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadStart(client, isBlankHash(window.location.hash)).then(
      (data) => {
        if (cancelled) return;
        // Only a first open with no view in the address goes back to the last initiative.
        if (data.restoreId && isBlankHash(window.location.hash)) {
          const restored: Route = { kind: 'initiative', id: data.restoreId };
          window.history.replaceState(window.history.state, '', routeHref(restored));
          setRoute(restored);
        }
        setStart({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!cancelled) setStart({ status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const outline = start.status === 'ready' ? start.data.outline : null;

  useEffect(() => {
    if (route.kind !== 'initiative' || !outline) return;
    let cancelled = false;
    const id = route.id;
    client.call('initiative.get', { initiativeId: id }).then(
      (value) => {
        if (cancelled) return;
        setDetail({ id, detail: value });
        // Remembered so the next launch opens here; losing it costs nothing but a click.
        client.call('settings.set', { key: 'ui.lastInitiative', value: id }).catch(() => undefined);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiCallError && error.code === 'UNAUTHORIZED') setStart({ status: 'error', error });
        else setDetail({ id, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, route, outline]);

  // A new view starts at its top, like a new page.
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [route]);

  const current = route.kind === 'initiative' && detail?.id === route.id ? detail : null;
  const pageTitle =
    route.kind === 'initiative'
      ? current && 'detail' in current
        ? strings.initiativeTitle(current.detail.initiative.numeral, current.detail.initiative.headline)
        : null
      : outline
        ? strings.overviewTitle
        : null;
  useEffect(() => {
    document.title = strings.documentTitle(pageTitle);
  }, [strings, pageTitle]);

  const retry = useCallback(() => {
    setStart({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const focusMain = useCallback(() => mainRef.current?.focus(), []);

  let body: ReactNode;
  if (start.status === 'loading') {
    body = (
      <main className="loading-screen">
        <p role="status">{strings.loading}</p>
      </main>
    );
  } else if (start.status === 'error') {
    body =
      start.error instanceof ApiCallError && start.error.code === 'UNAUTHORIZED' ? (
        <UnauthorizedScreen />
      ) : (
        <ErrorScreen variant="screen" title={strings.failed.loadPlan} error={start.error} onRetry={retry} />
      );
  } else if (!outline) {
    body = (
      <main className="loading-screen">
        <p>{strings.noPlans}</p>
      </main>
    );
  } else {
    let view: ReactNode;
    if (route.kind === 'overview') view = <Overview outline={outline} />;
    else if (!current) view = <p role="status" className="view-loading">{strings.loadingInitiative}</p>;
    else if ('error' in current)
      view = (
        <ErrorScreen variant="inline" title={strings.failed.loadInitiative} error={current.error}>
          <a className="button-link" href={routeHref({ kind: 'overview' })}>
            {strings.backToOverview}
          </a>
        </ErrorScreen>
      );
    else view = <InitiativeView detail={current.detail} outline={outline} />;
    body = (
      <div className="app">
        <button type="button" className="skip-link" onClick={focusMain}>
          {strings.skipToContent}
        </button>
        <PlanHeader meta={outline.meta} />
        <div className="workspace">
          <Outline outline={outline} route={route} />
          <main className="main-pane" ref={mainRef} tabIndex={-1}>
            {view}
          </main>
        </div>
      </div>
    );
  }

  return <StringsContext.Provider value={strings}>{body}</StringsContext.Provider>;
}
