// The loaded app: app bar with views and controls, the plan strip and its context panel, and
// below them the current view — reading (outline + overview or initiative), the initiative
// table or the dashboard. Owns the reader's display preferences and the plan's English.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanOutline } from '../../../shared/api/contract';
import type { ApiClient } from '../api/client';
import { Dashboard } from '../features/dashboard/Dashboard';
import type { FeatureProps } from '../features/feature-props';
import { InitiativeTable } from '../features/table/InitiativeTable';
import type { Language } from '../i18n/catalogue';
import type { Preferences } from '../reading/preferences';
import { ReadingContext, readingOf } from '../reading/reading-context';
import { useInitiative } from '../reading/use-initiative';
import { usePlanTranslation } from '../reading/use-plan-translation';
import { usePreferences } from '../reading/use-preferences';
import { routeHref, viewOf, type Route, type View } from '../routing/hash-route';
import { neighbourId } from '../routing/reading-order';
import { PreferencesDialog } from '../features/preferences/PreferencesDialog';
import { useAppCommands } from '../shell/use-app-commands';
import { LanguageSwitch } from './LanguageSwitch';
import { Outline } from './Outline';
import { PlanContextPanel, PlanStrip } from './PlanContext';
import { ReadingControls } from './ReadingControls';
import { ReadingPane } from './ReadingPane';
import { TopBar } from './TopBar';

interface Props {
  client: ApiClient;
  outline: PlanOutline;
  initialPreferences: Preferences;
  route: Route;
  navigate(route: Route): void;
  language: Language;
  onLanguageChange(language: Language): void;
  onFatal(error: unknown): void;
}

export function Shell({ client, outline, initialPreferences, route, navigate, language, onLanguageChange, onFatal }: Props) {
  const { t } = useTranslation();
  const { t: tTable } = useTranslation('table');
  const { t: tDashboard } = useTranslation('dashboard');
  const planId = outline.meta.id;
  const [prefs, actions] = usePreferences(client, initialPreferences);
  const translationState = usePlanTranslation(client, planId);
  const reading = useMemo(() => readingOf(prefs.readingMode, translationState), [prefs.readingMode, translationState]);
  const detail = useInitiative(client, route, onFatal);
  const [contextOpen, setContextOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const view = viewOf(route);

  const openInitiative = useCallback((id: string) => navigate({ kind: 'initiative', id }), [navigate]);
  const [prefsOpen, setPrefsOpen] = useState(false);
  useSavedView(client, view);

  // The reading tab returns to what was being read, not always to the overview.
  const [lastRead, setLastRead] = useState<Route>(view === 'read' ? route : { kind: 'overview' });
  if (view === 'read' && lastRead !== route) setLastRead(route);

  // Menu items and shortcuts (shared/api/commands.ts). Next/previous only act in the reading
  // view; returning false leaves the key to the browser.
  const step = (direction: 1 | -1) => () => {
    const id = view === 'read' ? neighbourId(outline, route, direction) : null;
    if (!id) return false;
    openInitiative(id);
  };
  useAppCommands({
    'view.read': () => navigate(lastRead),
    'view.table': () => navigate({ kind: 'table' }),
    'view.dashboard': () => navigate({ kind: 'dashboard' }),
    'initiative.next': step(1),
    'initiative.previous': step(-1),
    'language.zh': () => onLanguageChange('zh'),
    'language.en': () => onLanguageChange('en'),
    'readingMode.zh': () => actions.setReadingMode('zh'),
    'readingMode.en': () => actions.setReadingMode('en'),
    'readingMode.both': () => actions.setReadingMode('both'),
    preferences: () => setPrefsOpen(true),
  });

  // A new view starts at its top, like a new page.
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [route]);

  const current = detail && 'detail' in detail ? detail.detail : null;
  const pageTitle =
    view === 'table'
      ? tTable('title')
      : view === 'dashboard'
        ? tDashboard('title')
        : route.kind === 'initiative'
          ? current && t('initiativeTitle', { numeral: current.initiative.numeral, headline: current.initiative.headline })
          : t('overviewTitle');
  useEffect(() => {
    document.title = pageTitle ? t('documentTitle', { page: pageTitle }) : t('documentTitleHome');
  }, [t, pageTitle]);

  const featureProps: FeatureProps = {
    client,
    planId,
    readingMode: prefs.readingMode,
    translation: reading.translation,
    onOpenInitiative: openInitiative,
  };

  let main: ReactNode;
  if (view === 'table') main = <InitiativeTable {...featureProps} />;
  else if (view === 'dashboard') main = <Dashboard {...featureProps} />;
  else main = <ReadingPane outline={outline} route={route} detail={detail} />;

  return (
    <ReadingContext.Provider value={reading}>
      <div className={`app app-${view}`}>
        <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
          {t('skipToContent')}
        </button>
        <TopBar
          view={view}
          hrefs={{ read: routeHref(lastRead), table: routeHref({ kind: 'table' }), dashboard: routeHref({ kind: 'dashboard' }) }}
          controls={
            <>
              <ReadingControls prefs={prefs} actions={actions} />
              <LanguageSwitch language={language} onChange={onLanguageChange} />
            </>
          }
        >
          <PlanStrip meta={outline.meta} open={contextOpen} onToggle={() => setContextOpen((o) => !o)} />
          {contextOpen && <PlanContextPanel meta={outline.meta} />}
        </TopBar>
        <div className="workspace">
          {view === 'read' && <Outline outline={outline} route={route} />}
          <main className="main-pane" ref={mainRef} tabIndex={-1} data-reading-size={prefs.readingSize}>
            {main}
          </main>
        </div>
      </div>
      <PreferencesDialog
        open={prefsOpen}
        onClose={() => setPrefsOpen(false)}
        client={client}
        language={language}
        onLanguageChange={onLanguageChange}
        preferences={prefs}
        actions={actions}
      />
    </ReadingContext.Provider>
  );
}

/** Remembers the top-level view for the next launch, once per change. */
function useSavedView(client: ApiClient, view: View): void {
  const saved = useRef<View | null>(null);
  useEffect(() => {
    if (saved.current === view) return;
    saved.current = view;
    client.call('settings.set', { key: 'ui.view', value: view }).catch(() => undefined);
  }, [client, view]);
}
