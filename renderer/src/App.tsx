// The app: loads the current plan and the reader's saved choices, then hands over to the Shell
// (app bar, outline, views) with the current plan, which the library and the plan picker switch.
// Loading and failure screens live here. All data comes through the api client it is given;
// the address hash holds the view.
import { useCallback, useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from './i18n/ui-text';
import { ApiCallError } from './api/api-call-error';
import type { ApiClient } from './api/client';
import { createQueryClient } from './api/query-client';
import { ErrorScreen, UnauthorizedScreen } from './components/ErrorScreen';
import { Shell } from './components/Shell';
import { useCurrentPlan } from './features/library/use-current-plan';
import { useUiLanguage } from './i18n/use-ui-language';
import { arrivedStart, earlyStart, seedStartSettings, takeStart, type StartData } from './load-start';
import { isBlankHash, routeHref, type Route } from './routing/hash-route';
import { useHashRoute } from './routing/use-hash-route';
import { createFirstScreen, FirstScreenContext } from './shell/first-screen';

type StartState = { status: 'loading' } | { status: 'ready'; data: StartData } | { status: 'error'; error: unknown };

export function App({ client }: { client: ApiClient }) {
  const { t, i18n } = useTranslation();
  // The start data, when the page's early load brought them before this first render, in the
  // language the page already speaks (main.tsx starts i18next in the saved one): the App starts
  // on them at once. Otherwise it shows the loading screen until they come (the effect below).
  const [start, setStart] = useState<StartState>(() => {
    const data = arrivedStart();
    if (!data || (data.language && data.language !== i18n.language)) return { status: 'loading' };
    restoreAtOnce(data);
    return { status: 'ready', data };
  });
  const [attempt, setAttempt] = useState(0);
  // One cache for the page's life (a new App, as in a test, starts with an empty one).
  const [queryClient] = useState(() => {
    const created = createQueryClient();
    if (start.status === 'ready') seedStartSettings(created, start.data);
    return created;
  });
  // Whether this App started on data already in (its effect then only takes the early load).
  const [startedReady] = useState(start.status === 'ready');
  // What waits for the first screen (shell/first-screen.ts), once per App.
  const [firstScreen] = useState(() => createFirstScreen());
  const [route, navigate] = useHashRoute();
  const [language, setLanguage] = useUiLanguage(client);

  useEffect(() => {
    if (startedReady && attempt === 0) {
      // Taken (its data are shown), so a later App, after a recovery, loads afresh.
      if (earlyStart()) void takeStart(client).catch(() => undefined);
      return;
    }
    let cancelled = false;
    takeStart(client).then(
      (data) => {
        if (cancelled) return;
        seedStartSettings(queryClient, data);
        if (data.language && data.language !== i18n.language) void i18n.changeLanguage(data.language);
        // Only a first open with no view in the address goes back to where the reader was.
        if (isBlankHash(window.location.hash)) {
          const restored = restoredRoute(data);
          if (restored) navigate(restored, { replace: true });
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
    // i18n, navigate and the query cache are stable; a retry (attempt) loads again.
  }, [client, attempt, i18n, navigate, queryClient, startedReady]);

  const retry = useCallback(() => {
    setStart({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const fail = useCallback((error: unknown) => setStart({ status: 'error', error }), []);

  useEffect(() => {
    if (start.status !== 'ready') document.title = t('documentTitleHome');
  }, [start.status, t]);

  if (start.status === 'loading') {
    return (
      <main className="loading-screen">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  if (start.status === 'error') {
    return start.error instanceof ApiCallError && start.error.code === 'UNAUTHORIZED' ? (
      <UnauthorizedScreen />
    ) : (
      <ErrorScreen variant="screen" title={t('failed.loadPlan')} error={start.error} onRetry={retry} />
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <FirstScreenContext.Provider value={firstScreen}>
        <CurrentPlanShell
          client={client}
          data={start.data}
          route={route}
          navigate={navigate}
          language={language}
          onLanguageChange={setLanguage}
          onFatal={fail}
        />
      </FirstScreenContext.Provider>
    </QueryClientProvider>
  );
}

type ShellProps = Parameters<typeof Shell>[0];

/** The Shell with the current plan, which starts as the one loaded at start. */
function CurrentPlanShell({ data, ...props }: Omit<ShellProps, 'outline' | 'onOpenPlan' | 'onPlansChanged' | 'initialPreferences' | 'savedView'> & { data: StartData }) {
  const plan = useCurrentPlan(props.client, data.outline);
  const { navigate, route } = props;
  const { reconcile } = plan;
  // When the current plan changes under the reader (trashed), an open initiative of the old one goes.
  const plansChanged = useCallback(async () => {
    const changed = await reconcile();
    if (changed && route.kind === 'initiative') navigate({ kind: 'overview' });
  }, [reconcile, route.kind, navigate]);
  return (
    <Shell
      {...props}
      outline={plan.outline}
      onOpenPlan={plan.open}
      onPlansChanged={plansChanged}
      initialPreferences={data.preferences}
      savedView={data.restoreView}
    />
  );
}

/** Where a first open with no view in the address goes back to, put in the address before the
 *  first render (the route is read from it): as the effect's navigate would, a replace. */
function restoreAtOnce(data: StartData): void {
  if (!isBlankHash(window.location.hash)) return;
  const restored = restoredRoute(data);
  if (restored) window.history.replaceState(window.history.state, '', routeHref(restored));
}

function restoredRoute(data: StartData): Route | null {
  // With no plan to read, the library is where to start (to import one or restore one).
  if (!data.outline) return { kind: 'library' };
  if (data.restoreView === 'table' || data.restoreView === 'dashboard' || data.restoreView === 'library' || data.restoreView === 'annotations' || data.restoreView === 'packets') return { kind: data.restoreView };
  if (data.restoreId) return { kind: 'initiative', id: data.restoreId };
  return null;
}
