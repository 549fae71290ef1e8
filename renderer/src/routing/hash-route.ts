// Hash routing: `#/` is the plan overview, `#/initiative/<id>` one initiative. The hash keeps
// the view across reloads and works the same on the desktop's page and in a browser tab.

export type Route = { kind: 'overview' } | { kind: 'initiative'; id: string };

const INITIATIVE_PREFIX = '#/initiative/';

export function parseRoute(hash: string): Route {
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
  return route.kind === 'initiative' ? INITIATIVE_PREFIX + encodeURI(route.id) : '#/';
}

/** True when the address names no view at all (first open), so the last one may be restored. */
export function isBlankHash(hash: string): boolean {
  return hash === '' || hash === '#';
}
