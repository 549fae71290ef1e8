// Hash routing: `#/` is the plan overview, `#/initiative/<id>` one initiative, `#/table` the
// initiative table, `#/dashboard` the dashboard and `#/library` the plan library and `#/annotations` every annotation in the library, `#/packets` the briefing packets; `#/search` searches everywhere. The hash keeps the view across reloads and
// works the same on the desktop's page and in a browser tab.

export type Route =
  | { kind: 'overview' }
  | { kind: 'initiative'; id: string }
  | { kind: 'table' }
  | { kind: 'dashboard' }
  | { kind: 'library' }
  | { kind: 'annotations' }
  | { kind: 'compare'; left: string; right: string }
  | { kind: 'search' }
  | { kind: 'packets' };

/** The top-level views of the app bar; overview and initiative are both "read". Search has no
 *  tab of its own (the app bar's search button and Ctrl+Shift+F open it). */
export type View = 'read' | 'table' | 'dashboard' | 'library' | 'annotations' | 'packets' | 'search';
/** The views a launch may reopen (the one last shown is stored as ui.view); search is not among
 *  them: it opens with an empty box, so the view before it is the one to come back to. */
export const VIEWS: readonly View[] = ['read', 'table', 'dashboard', 'library', 'annotations', 'packets'];

const INITIATIVE_PREFIX = '#/initiative/';
const TABLE_HASH = '#/table';
const DASHBOARD_HASH = '#/dashboard';
const LIBRARY_HASH = '#/library';
const ANNOTATIONS_HASH = '#/annotations';
const COMPARE_PREFIX = '#/compare/';
/** Plan ids (hz-2024, p-1a2b3c4d5e) never hold a slash: the two of a comparison are split on it. */
const COMPARE_IDS = /^([a-z0-9][a-z0-9-]{0,63})\/([a-z0-9][a-z0-9-]{0,63})$/;
const SEARCH_HASH = '#/search';
const PACKETS_HASH = '#/packets';

export function parseRoute(hash: string): Route {
  if (hash === TABLE_HASH) return { kind: 'table' };
  if (hash === DASHBOARD_HASH) return { kind: 'dashboard' };
  if (hash === LIBRARY_HASH) return { kind: 'library' };
  if (hash === ANNOTATIONS_HASH) return { kind: 'annotations' };
  if (hash.startsWith(COMPARE_PREFIX)) {
    const ids = COMPARE_IDS.exec(hash.slice(COMPARE_PREFIX.length));
    if (ids) return { kind: 'compare', left: ids[1]!, right: ids[2]! };
  }
  if (hash === SEARCH_HASH) return { kind: 'search' };
  if (hash === PACKETS_HASH) return { kind: 'packets' };
  if (hash.startsWith(INITIATIVE_PREFIX)) {
    const raw = hash.slice(INITIATIVE_PREFIX.length);
    try {
      const id = decodeURIComponent(raw);
      if (id) return { kind: 'initiative', id };
    } catch {
      // A malformed escape: fall through to the overview rather than fail the page.
    }
  }
  return { kind: 'overview' };
}

/** Ids keep their slashes (hz-2024/T3/I3) so the address stays readable. */
export function routeHref(route: Route): string {
  switch (route.kind) {
    case 'initiative':
      return INITIATIVE_PREFIX + encodeURI(route.id);
    case 'table':
      return TABLE_HASH;
    case 'dashboard':
      return DASHBOARD_HASH;
    case 'library':
      return LIBRARY_HASH;
    case 'annotations':
      return ANNOTATIONS_HASH;
    case 'compare':
      return `${COMPARE_PREFIX}${route.left}/${route.right}`;
    case 'search':
      return SEARCH_HASH;
    case 'packets':
      return PACKETS_HASH;
    default:
      return '#/';
  }
}

export function viewOf(route: Route): View {
  if (route.kind === 'compare') return 'library';
  return route.kind === 'table' || route.kind === 'dashboard' || route.kind === 'library' || route.kind === 'annotations' || route.kind === 'packets' || route.kind === 'search'
    ? route.kind
    : 'read';
}

export function isView(value: string | null): value is View {
  return value !== null && (VIEWS as readonly string[]).includes(value);
}

/** True when the address names no view at all (first open), so the last one may be restored. */
export function isBlankHash(hash: string): boolean {
  return hash === '' || hash === '#';
}
