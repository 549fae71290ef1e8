// The current route, following the address hash (links, back/forward, typed addresses).
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './hash-route';

export function useHashRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const href = routeHref(next);
    if (options.replace) {
      // replaceState fires no hashchange: set the route ourselves.
      window.history.replaceState(window.history.state, '', href);
      setRoute(next);
    } else if (window.location.hash !== href) {
      window.location.hash = href;
    }
  }, []);

  return [route, navigate];
}
