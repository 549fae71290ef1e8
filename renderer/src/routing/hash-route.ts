// Hash routing: `#/` is the plan overview, `#/initiative/<id>` one initiative, `#/table` the
// initiative table, `#/dashboard` the dashboard and `#/library` the plan library and `#/annotations` every annotation in the library, `#/packets` the briefing packets. The hash keeps the view across reloads and
// works the same on the desktop's page and in a browser tab.

export type Route =
  | { kind: 'overview' }
  | { kind: 'initiative'; id: string }
  | { kind: 'table' }
  | { kind: 'dashboard' }
  | { kind: 'library' }
  | { kind: 'annotations' }
  | { kind: 'packets' };

/** The top-level views of the app bar; overview and initiative are both "read". */
export type View = 'read' | 'table' | 'dashboard' | 'library' | 'annotations' | 'packets';
export const VIEWS: readonly View[] = ['read', 'table', 'dashboard', 'library', 'annotations', 'packets'];

const INITIATIVE_PREFIX = '#/initiative/';
const TABLE_HASH = '#/table';
const DASHBOARD_HASH = '#/dashboard';
const LIBRARY_HASH = '#/library';
const ANNOTATIONS_HASH = '#/annotations';
const PACKETS_HASH = '#/packets';

export function parseRoute(hash: string): Route {
  if (hash === TABLE_HASH) return { kind: 'table' };
  if (hash === DASHBOARD_HASH) return { kind: 'dashboard' };
  if (hash === LIBRARY_HASH) return { kind: 'library' };
  if (hash === ANNOTATIONS_HASH) return { kind: 'annotations' };
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
    case 'packets':
      return PACKETS_HASH;
    default:
      return '#/';
  }
}

export function viewOf(route: Route): View {
  return route.kind === 'table' || route.kind === 'dashboard' || route.kind === 'library' || route.kind === 'annotations' || route.kind === 'packets'
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
