// The app: loads the plan and the reader's saved choices, then hands over to the Shell (app
// bar, outline, views). Loading, failure and "no plan" screens live here. All data comes
// through the api client it is given; the address hash holds the view.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from './api/api-call-error';
import type { ApiClient } from './api/client';
import { ErrorScreen, UnauthorizedScreen } from './components/ErrorScreen';
import { Shell } from './components/Shell';
import { useUiLanguage } from './i18n/use-ui-language';
import { loadStart, type StartData } from './load-start';
import { isBlankHash, type Route } from './routing/hash-route';
import { useHashRoute } from './routing/use-hash-route';

type StartState = { status: 'loading' } | { status: 'ready'; data: StartData } | { status: 'error'; error: unknown };

export function App({ client }: { client: ApiClient }) {
  const { t, i18n } = useTranslation();
  const [start, setStart] = useState<StartState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [route, navigate] = useHashRoute();
  const [language, setLanguage] = useUiLanguage(client);

  useEffect(() => {
    let cancelled = false;
    loadStart(client).then(
      (data) => {
        if (cancelled) return;
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
    // i18n and navigate are stable; a retry (attempt) loads again.
  }, [client, attempt, i18n, navigate]);

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
  if (!start.data.outline) {
    return (
      <main className="loading-screen">
        <p>{t('noPlans')}</p>
      </main>
    );
  }
  return (
    <Shell
      client={client}
      outline={start.data.outline}
      initialPreferences={start.data.preferences}
      route={route}
      navigate={navigate}
      language={language}
      onLanguageChange={setLanguage}
      onFatal={fail}
    />
  );
}

function restoredRoute(data: StartData): Route | null {
  if (data.restoreView === 'table' || data.restoreView === 'dashboard') return { kind: data.restoreView };
  if (data.restoreId) return { kind: 'initiative', id: data.restoreId };
  return null;
}
