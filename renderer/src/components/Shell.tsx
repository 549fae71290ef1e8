// The loaded app: app bar with views and controls, the plan strip and its context panel, and
// below them the current view — reading (outline + overview or initiative), the initiative
// table, the dashboard, the plan library, every annotation in the library or the briefing packets. Owns the reader's display preferences, the current
// plan's English, and importing (File → Import plan…, the library's button, files dropped
// anywhere on the window). With no plan at all, the plan views point to the library.
// On a short window the plan strip collapses once the reading has scrolled well down, and
// comes back at the top; the outline can be hidden (Ctrl+\) and resized.
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { PlanOutline } from '../../../shared/api/contract';
import type { SearchSource } from '../../../shared/api/search/methods';
import type { ApiClient } from '../api/client';
import type { StartData } from '../load-start';
import { loadBundledFaces } from '../fonts';
import { useFirstScreen, useFirstScreenSettled, whenIdle, type FirstScreen } from '../shell/first-screen';
import { chunk, lazyView } from '../shell/lazy-view';
import type { FeatureProps } from '../features/feature-props';

// Every view but reading is a chunk of its own, loaded when first shown: the first screen is
// the reading view, which needs none of them (nor the dashboard's chart library, nor the
// import dialog and the preferences, which wait for their first use). Once the first screen is
// up the views are fetched in idle time, so switching views does not wait on them.
// A view whose chunk has come (fetched at the start or in idle time) renders at once, without
// its fallback (shell/lazy-view.ts).
const tableChunk = chunk(() => import('../features/table/InitiativeTable'));
const dashboardChunk = chunk(() => import('../features/dashboard/Dashboard'));
const annotationsChunk = chunk(() => import('../features/annotations/library/AnnotationsView'));
const libraryChunk = chunk(() => import('../features/library/LibraryView'));
const searchChunk = chunk(() => import('../features/search/SearchView'));
const packetsChunk = chunk(() => import('../features/packets/PacketsView'));
const loadTable = tableChunk.load;
const InitiativeTable = lazyView(tableChunk, (m) => m.InitiativeTable);
const Dashboard = lazyView(dashboardChunk, (m) => m.Dashboard);
const loadCompare = () => import('../features/compare/CompareView');
const CompareView = lazy(() => loadCompare().then((m) => ({ default: m.CompareView })));
const AnnotationsView = lazyView(annotationsChunk, (m) => m.AnnotationsView);
const LibraryView = lazyView(libraryChunk, (m) => m.LibraryView);
const ImportDialog = lazy(() => import('../features/import/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const PreferencesDialog = lazy(() => import('../features/preferences/PreferencesDialog').then((m) => ({ default: m.PreferencesDialog })));
const SearchView = lazyView(searchChunk, (m) => m.SearchView);
const PacketsView = lazyView(packetsChunk, (m) => m.PacketsView);

/** The chunk of each view that has one (reading is in the first load). */
const VIEW_LOADERS: Partial<Record<View, () => Promise<unknown>>> = {
  table: tableChunk.load,
  dashboard: dashboardChunk.load,
  annotations: annotationsChunk.load,
  library: libraryChunk.load,
  search: searchChunk.load,
  packets: packetsChunk.load,
};

/**
 * Starts fetching the chunk of the view the page opens on (its address), beside the start
 * data rather than after it: a page opened on the table asks for the table's code at once,
 * and its first page of rows as soon as the start data are in. Settles when that chunk has
 * come (or failed; at once for the reading view, which has none): the first render waits for
 * it as for the start data (main.tsx), since a view whose code comes after the shell's first
 * render is held back until 300 ms after its fallback appeared (shell/lazy-view.ts).
 */
export function preloadViewOf(route: Route, client: ApiClient, start: Promise<StartData> | null): Promise<void> {
  const code = VIEW_LOADERS[viewOf(route)]?.().then(
    () => undefined,
    () => undefined,
  );
  if (route.kind === 'initiative') preloadReaderFields();
  // The table's first page too, once its stored state is known (features/table/first-page.ts):
  // the core runs the query while the page renders, not after the table has mounted.
  if (route.kind === 'table' && start) {
    void Promise.all([loadTable(), start])
      .then(([table, data]) => {
        if (data.outline) table.prefetchFirstPage(client, data.tableState, data.outline.meta.id);
      })
      .catch(() => undefined);
  }
  return code ?? Promise.resolve();
}

/**
 * After the first screen (shell/first-screen.ts), one at a time, each in an idle moment of its
 * own: evaluating a chunk (the dashboard's chart library above all) and the bundled faces' 400 KB
 * of rules (a style recalculation of the whole page) are long tasks, which in one batch held
 * the page for a hundred milliseconds and more right after its first frame.
 */
function usePrefetchViews(firstScreen: FirstScreen): void {
  useEffect(() => {
    const steps: (() => Promise<unknown>)[] = [
      ...Object.values(VIEW_LOADERS),
      async () => preloadReaderFields(),
      // The bundled Chinese faces' rules, which paper takes first (fonts.ts).
      loadBundledFaces,
    ];
    let cancelled = false;
    const next = () => {
      const step = steps.shift();
      if (cancelled || !step) return;
      whenIdle(() => {
        if (!cancelled) void step().catch(() => undefined).finally(next);
      }, PREFETCH_IDLE_TIMEOUT_MS);
    };
    const stop = firstScreen.after(next);
    return () => {
      cancelled = true;
      stop();
    };
  }, [firstScreen]);
}

/** How long a prefetch step waits for an idle moment at most. */
const PREFETCH_IDLE_TIMEOUT_MS = 3000;
import type { Language } from '../i18n/catalogue';
import type { Preferences } from '../reading/preferences';
import { ReadingContext, readingOf } from '../reading/reading-context';
import { useInitiative } from '../reading/use-initiative';
import { usePlanTranslation } from '../reading/use-plan-translation';
import { usePreferences } from '../reading/use-preferences';
import { isView, routeHref, viewOf, type Route, type View } from '../routing/hash-route';
import { neighbourId } from '../routing/reading-order';
import { DropOverlay } from '../features/import/DropOverlay';
import { ImportFilePicker } from '../features/import/ImportFilePicker';
import type { VersionTarget } from '../features/versions/VersionTargetChoice';
import { useFileDrop } from '../features/import/use-file-drop';
import { AnnotationUiProvider } from '../features/annotations/annotation-ui';
import { NoteCommand, type StartNote } from '../features/annotations/reading/NoteCommand';
import { AnnotationSidebar } from '../features/annotations/panel/AnnotationSidebar';
import { preloadReaderFields } from '../features/annotations/panel/AnnotationPanel';
import { useImportQueue, type ImportOutcome } from '../features/import/use-import-queue';
import { NoPlan } from '../features/library/NoPlan';
import { PlanPicker } from '../features/library/PlanPicker';
import { TranslationMissing } from '../features/translations/TranslationMissing';
import { useAppCommands } from '../shell/use-app-commands';
import { focusFindTarget } from '../shell/default-commands';
import { SearchUiProvider, useSearchUiState } from '../features/search/search-ui';
import { SearchButton } from '../features/search/SearchButton';
import { AnnotationExchangeContext, useAnnotationExchange } from '../features/annotation-exchange/use-annotation-exchange';
import { LanguageSwitch } from './LanguageSwitch';
import { Outline, OUTLINE_ID } from './Outline';
import { OutlineResizer, OutlineToggle } from './OutlineControls';
import { PlanContextPanel, PlanStrip } from './PlanContext';
import { ReadingControls } from './ReadingControls';
import { ReadingPane } from './ReadingPane';
import { TopBar } from './TopBar';

interface Props {
  client: ApiClient;
  /** The current plan; null when the library has none. */
  outline: PlanOutline | null;
  /** Makes another plan current (rejects when it cannot be loaded). */
  onOpenPlan(planId: string): Promise<void>;
  /** The library changed (trash, restore, delete, import): the current plan follows. */
  onPlansChanged(): Promise<unknown>;
  initialPreferences: Preferences;
  route: Route;
  navigate(route: Route): void;
  language: Language;
  onLanguageChange(language: Language): void;
  onFatal(error: unknown): void;
  /** The view stored for the next launch when the page started (app.start). */
  savedView?: View | null;
}

export function Shell(props: Props) {
  const { client, outline, onOpenPlan, onPlansChanged, initialPreferences, route, navigate, language, onLanguageChange, onFatal, savedView } = props;
  const { t } = useTranslation();
  const { t: tTable } = useTranslation('table');
  const { t: tDashboard } = useTranslation('dashboard');
  const { t: tLibrary } = useTranslation('library');
  const { t: tAnnotations } = useTranslation('annotationList');
  const { t: tPackets } = useTranslation('packets');
  const planId = outline?.meta.id ?? null;
  const [prefs, actions] = usePreferences(client, initialPreferences);
  const [translationVersion, setTranslationVersion] = useState(0);
  const firstScreen = useFirstScreen();
  // A page opened on the table has its first rows for a first screen: the table says when they
  // are committed (TableView). Until then the shell's frame holds only the table's fallback, and
  // what waits for the first screen (the other views' code, the faces' rules, the English)
  // would run while the rows are on their way, and hold them back.
  const tableFirst = viewOf(route) === 'table' && planId !== null;
  useEffect(() => {
    if (!tableFirst) firstScreen.committed();
  }, [firstScreen, tableFirst]);
  const settled = useFirstScreenSettled();
  // The English is asked for at once when it is shown; a reader of the Chinese alone gets it
  // after the first screen (for a switch of reading mode, the table's English columns).
  // On the reading view that reader draws none of it: it is fetched then, not followed (its
  // arrival would re-render the reading tree once for nothing).
  const translationState = usePlanTranslation(
    client,
    planId,
    translationVersion,
    prefs.readingMode !== 'zh' || settled,
    prefs.readingMode !== 'zh' || viewOf(route) !== 'read',
  );
  const reading = useMemo(
    () => readingOf(prefs.readingMode, translationState, prefs.cjkPunctuation),
    [prefs.readingMode, translationState, prefs.cjkPunctuation],
  );
  const detail = useInitiative(client, route, onFatal);
  // An address naming an item of another plan (typed, a link, Back after switching plans) makes
  // that plan current, so the outline and the plan strip beside the text are the item's own.
  const detailPlanId = detail && 'detail' in detail ? detail.detail.planId : null;
  useEffect(() => {
    if (detailPlanId !== null && planId !== null && detailPlanId !== planId) onOpenPlan(detailPlanId).catch(onFatal);
  }, [detailPlanId, planId, onOpenPlan, onFatal]);
  const view = viewOf(route);
  const address = routeHref(route);
  // The plan context is a popover over the view it was opened on: it is open only at that
  // address, so moving to another view closes it.
  const [contextAt, setContextAt] = useState<string | null>(null);
  const contextOpen = contextAt === address;
  const closeContext = useCallback(() => setContextAt(null), []);
  const mainRef = useRef<HTMLElement>(null);
  const scrolled = useScrolledDown(mainRef);
  const outlineShown = view === 'read' && !prefs.outlineHidden && outline !== null;

  const openInitiative = useCallback((id: string) => navigate({ kind: 'initiative', id }), [navigate]);
  const [prefsOpen, setPrefsOpen] = useState(false);
  useSavedView(client, view, savedView ?? null);

  // Opening a plan (from the library, the picker, after an import) starts at its overview.
  const openPlan = useCallback(
    (id: string) => {
      onOpenPlan(id).then(() => navigate({ kind: 'overview' }), onFatal);
    },
    [onOpenPlan, navigate, onFatal],
  );
  const plansChanged = useCallback(() => {
    onPlansChanged().catch(onFatal);
  }, [onPlansChanged, onFatal]);

  // Importing: the file chooser, dropped files, one dialog for the run. One new plan opens;
  // several are shown marked in the library.
  const picker = useRef<HTMLInputElement>(null);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const onImported = ({ imported }: ImportOutcome) => {
    if (imported.length === 0) return;
    setLibraryVersion((v) => v + 1);
    setHighlighted(imported);
    if (imported.length === 1) openPlan(imported[0]!);
    else {
      plansChanged();
      navigate({ kind: 'library' });
    }
  };
  const imports = useImportQueue(client, onImported);
  const dragging = useFileDrop(imports.enqueue);
  // The library's Import new version…: the chosen file comes in as a version of that plan.
  const versionTarget = useRef<VersionTarget | null>(null);
  const chooseFiles = useCallback(() => {
    versionTarget.current = null;
    picker.current?.click();
  }, []);
  const chooseVersion = useCallback((target: VersionTarget) => {
    versionTarget.current = target;
    picker.current?.click();
  }, []);
  const exchange = useAnnotationExchange(client, outline ? { id: outline.meta.id, title: outline.meta.title } : null);

  // The reading tab returns to what was being read, not always to the overview.
  const [lastRead, setLastRead] = useState<Route>(view === 'read' ? route : { kind: 'overview' });
  if (view === 'read' && lastRead !== route) setLastRead(route);

  // Menu items and shortcuts (shared/api/commands.ts). Next/previous only act in the reading
  // view; returning false leaves the key to the browser.
  const step = (direction: 1 | -1) => () => {
    const id = view === 'read' && outline ? neighbourId(outline, route, direction) : null;
    if (!id) return false;
    openInitiative(id);
  };
  const startNote = useRef<StartNote>(null);
  const searchUi = useSearchUiState();
  useAppCommands({
    'view.read': () => navigate(lastRead),
    'view.table': () => navigate({ kind: 'table' }),
    'view.dashboard': () => navigate({ kind: 'dashboard' }),
    'view.library': () => navigate({ kind: 'library' }),
    'view.annotations': () => navigate({ kind: 'annotations' }),
    'view.packets': () => navigate({ kind: 'packets' }),
    import: chooseFiles,
    'annotations.export': exchange.openExport,
    'annotations.import': exchange.openImport,
    'initiative.next': step(1),
    'initiative.previous': step(-1),
    'language.zh': () => onLanguageChange('zh'),
    'language.en': () => onLanguageChange('en'),
    'readingMode.zh': () => actions.setReadingMode('zh'),
    'readingMode.en': () => actions.setReadingMode('en'),
    'readingMode.both': () => actions.setReadingMode('both'),
    'outline.toggle': () => {
      if (view !== 'read') return false;
      actions.setOutlineHidden(!prefs.outlineHidden);
    },
    preferences: () => setPrefsOpen(true),
    newNote: () => startNote.current?.() ?? false,
    // While an item is read, Find looks in its text; elsewhere it focuses the view's search box.
    find: () => (view === 'read' && route.kind === 'initiative' && detail && 'detail' in detail ? searchUi.openFind() : focusFindTarget()),
    search: () => {
      navigate({ kind: 'search' });
      searchUi.requestFocus();
    },
  });

  useFirstGlossaryUse(mainRef);

  // A new view starts at its top, like a new page.
  useEffect(() => {
    if (mainRef.current) mainRef.current.scrollTop = 0;
  }, [address]);

  const current = detail && 'detail' in detail ? detail.detail : null;
  const { t: tSearch } = useTranslation('search');
  const pageTitle =
    view === 'search'
      ? tSearch('title')
      : view === 'library'
      ? tLibrary('title')
      : view === 'annotations'
        ? tAnnotations('title')
        : view === 'packets'
        ? tPackets('title')
        : view === 'table'
        ? tTable('title')
        : view === 'dashboard'
          ? tDashboard('title')
          : route.kind === 'initiative'
            ? current && t('initiativeTitle', { numeral: current.initiative.numeral, headline: reading.zh(current.initiative.headline) })
            : t('overviewTitle');
  useEffect(() => {
    document.title = pageTitle ? t('documentTitle', { page: pageTitle }) : t('documentTitleHome');
  }, [t, pageTitle]);

  const featureProps: FeatureProps | null = planId
    ? { client, planId, readingMode: prefs.readingMode, translation: reading.translation, onOpenInitiative: openInitiative }
    : null;

  usePrefetchViews(firstScreen);
  const loadingView = (
    <p className="view-loading" role="status">
      {t('loading')}
    </p>
  );
  // An annotation opens at its passage: its item (or, for a plan note, its plan's overview),
  // its plan made current first when it is another one.
  const openPassage = useCallback(
    (annotationPlanId: string, itemId: string | null) => {
      const go = () => navigate(itemId ? { kind: 'initiative', id: itemId } : { kind: 'overview' });
      if (annotationPlanId === planId) go();
      else onOpenPlan(annotationPlanId).then(go, onFatal);
    },
    [planId, navigate, onOpenPlan, onFatal],
  );
  // A search result opens at its item with the find bar looking for what was searched; a hit
  // in the English shows the English beside the Chinese when only the Chinese was shown.
  const openResult = useCallback(
    (resultPlanId: string, itemId: string | null, text: string, source: SearchSource) => {
      if (itemId) searchUi.openFind(text);
      if (source === 'translation' && prefs.readingMode === 'zh') actions.setReadingMode('both');
      openPassage(resultPlanId, itemId);
    },
    [searchUi, openPassage, prefs.readingMode, actions],
  );
  let main: ReactNode;
  if (view === 'search')
    main = (
      <Suspense fallback={loadingView}>
        <SearchView client={client} outline={outline} onOpenResult={openResult} />
      </Suspense>
    );
  else if (view === 'packets')
    main = (
      <Suspense fallback={loadingView}>
        <PacketsView client={client} currentPlanId={planId} />
      </Suspense>
    );
  else if (view === 'annotations')
    main = (
      <Suspense fallback={loadingView}>
        <AnnotationsView client={client} onOpenPassage={openPassage} readHref={routeHref(lastRead)} />
      </Suspense>
    );
  else if (route.kind === 'compare')
    main = (
      <Suspense fallback={loadingView}>
        <CompareView key={address} client={client} leftPlanId={route.left} rightPlanId={route.right} libraryHref={routeHref({ kind: 'library' })} />
      </Suspense>
    );
  else if (view === 'library')
    main = (
      <Suspense fallback={loadingView}>
        <LibraryView
          client={client}
          currentPlanId={planId}
          highlighted={highlighted}
          version={libraryVersion}
          onOpen={openPlan}
          onImport={chooseFiles}
          onImportVersion={chooseVersion}
          onDropVersion={(target, files) => imports.enqueue(files, target)}
          onPlansChanged={plansChanged}
        />
      </Suspense>
    );
  else if (!outline || !featureProps) main = <NoPlan libraryHref={routeHref({ kind: 'library' })} onImport={chooseFiles} />;
  else if (view === 'table')
    main = (
      <Suspense fallback={loadingView}>
        <InitiativeTable {...featureProps} />
      </Suspense>
    );
  else if (view === 'dashboard')
    main = (
      <Suspense fallback={loadingView}>
        <Dashboard {...featureProps} />
      </Suspense>
    );
  else
    main = (
      <ReadingPane
        client={client}
        outline={outline}
        route={route}
        detail={detail}
        missingTranslation={<TranslationMissing client={client} planId={outline.meta.id} onAttached={() => setTranslationVersion((v) => v + 1)} />}
        // On an item, the panel waits for the item itself: a missing item has nothing to annotate.
        aside={
          route.kind === 'initiative' && !current ? null : (
            <AnnotationSidebar client={client} planId={outline.meta.id} itemId={current ? current.initiative.id : null} />
          )
        }
      />
    );

  return (
    <ReadingContext.Provider value={reading}>
      <SearchUiProvider value={searchUi}>
      <AnnotationUiProvider>
        <AnnotationExchangeContext.Provider value={exchange}>
        <NoteCommand ref={startNote} planId={planId} itemId={view === 'read' && route.kind === 'initiative' ? route.id : null} />
        <div
          className={`app app-${view}${scrolled && !contextOpen ? ' app-scrolled' : ''}`}
          style={{ '--outline-width': `${prefs.outlineWidth}px` } as CSSProperties}
        >
          <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
            {t('skipToContent')}
          </button>
          <TopBar
            view={view}
            hrefs={{
              read: routeHref(lastRead),
              table: routeHref({ kind: 'table' }),
              dashboard: routeHref({ kind: 'dashboard' }),
              library: routeHref({ kind: 'library' }),
              annotations: routeHref({ kind: 'annotations' }),
              packets: routeHref({ kind: 'packets' }),
            }}
            controls={
              <>
                <SearchButton href={routeHref({ kind: 'search' })} current={view === 'search'} />
                <ReadingControls prefs={prefs} actions={actions} />
                <LanguageSwitch language={language} onChange={onLanguageChange} />
              </>
            }
          >
            {outline && view !== 'library' && view !== 'annotations' && view !== 'search' && view !== 'packets' && (
              <PlanStrip
                meta={outline.meta}
                open={contextOpen}
                onToggle={() => setContextAt((at) => (at === address ? null : address))}
                start={
                  <>
                    {view === 'read' && (
                      <OutlineToggle
                        hidden={prefs.outlineHidden}
                        controls={OUTLINE_ID}
                        onToggle={() => actions.setOutlineHidden(!prefs.outlineHidden)}
                      />
                    )}
                    <PlanPicker client={client} currentPlanId={outline.meta.id} onOpen={openPlan} libraryHref={routeHref({ kind: 'library' })} />
                  </>
                }
              />
            )}
            {outline && contextOpen && <PlanContextPanel meta={outline.meta} onClose={closeContext} />}
          </TopBar>
          <div className={outlineShown ? 'workspace workspace-outlined' : 'workspace'}>
            {outlineShown && outline && (
              <Outline
                outline={outline}
                route={route}
                edge={<OutlineResizer width={prefs.outlineWidth} controls={OUTLINE_ID} onResize={actions.setOutlineWidth} />}
              />
            )}
            <main className="main-pane" ref={mainRef} tabIndex={-1} data-reading-size={prefs.readingSize}>
              {main}
            </main>
          </div>
        </div>
        <ImportFilePicker ref={picker} onFiles={(files) => imports.enqueue(files, versionTarget.current ?? undefined)} />
        {imports.stage && (
          <Suspense fallback={null}>
            <ImportDialog client={client} queue={imports} onOpenPlan={openPlan} onShowLibrary={() => navigate({ kind: 'library' })} />
          </Suspense>
        )}
        {dragging && <DropOverlay />}
        {exchange.dialogs}
        {prefsOpen && (
          <Suspense fallback={null}>
            <PreferencesDialog
              open={prefsOpen}
              onClose={() => setPrefsOpen(false)}
              client={client}
              language={language}
              onLanguageChange={onLanguageChange}
              preferences={prefs}
              actions={actions}
            />
          </Suspense>
        )}
        </AnnotationExchangeContext.Provider>
      </AnnotationUiProvider>
      </SearchUiProvider>
    </ReadingContext.Provider>
  );
}

/**
 * Whether the main pane has been scrolled well down. Collapse only when there is plenty to
 * scroll and come back only near the top, so the strip's own height can never make it flicker
 * (hiding it gives the pane more room, which lowers how far it can scroll).
 */
function useScrolledDown(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolled, setScrolled] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      const room = el.scrollHeight - el.clientHeight;
      setScrolled((was) => (was ? el.scrollTop > 8 : el.scrollTop > 64 && room > 160));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [ref]);
  return scrolled;
}

/**
 * Marks the first use of each glossary term in the main pane (data-first), after every render:
 * the first is underlined, the later ones only answer a hover. Done on the DOM because "first"
 * depends on the order of everything shown, across components.
 */
function useFirstGlossaryUse(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const seen = new Set<string>();
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.glossary-term[data-term]') ?? []) {
      const term = el.dataset.term!;
      el.toggleAttribute('data-first', !seen.has(term));
      seen.add(term);
    }
  });
}

/**
 * Remembers the top-level view for the next launch, once per change (the one stored is not
 * written again). Search is not one a launch reopens (an empty box; VIEWS): it is never written,
 * so the view before it stays the one restored, and a page opened or reloaded on #/search
 * writes nothing — any write also ends what the core keeps while nothing is written, such as a
 * search's estimated total and the table's hit set, which that page is about to ask for.
 */
function useSavedView(client: ApiClient, view: View, stored: View | null): void {
  const saved = useRef<View | null>(stored);
  useEffect(() => {
    if (saved.current === view || !isView(view)) return;
    saved.current = view;
    client.call('settings.set', { key: 'ui.view', value: view }).catch(() => undefined);
  }, [client, view]);
}
