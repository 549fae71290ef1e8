// The sidebar: every theme with its initiatives, as links (keyboard-focusable, and the
// address they change is the view). The current view carries aria-current="page".
import { useEffect, useRef } from 'react';
import type { PlanOutline } from '../../../shared/api/contract';
import { useStrings } from '../i18n/use-strings';
import { routeHref, type Route } from '../routing/hash-route';

export function Outline({ outline, route }: { outline: PlanOutline; route: Route }) {
  const s = useStrings();
  const current = (id: string) => (route.kind === 'initiative' && route.id === id ? 'page' : undefined);
  const navRef = useRef<HTMLElement>(null);
  // Keep the current item in sight, e.g. after a restore or prev/next to another theme.
  useEffect(() => {
    const el = navRef.current?.querySelector('[aria-current="page"]');
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [route]);
  return (
    <nav className="outline" aria-label={s.outlineLabel} ref={navRef}>
      <a
        className="outline-overview"
        href={routeHref({ kind: 'overview' })}
        aria-current={route.kind === 'overview' ? 'page' : undefined}
      >
        {s.overview}
      </a>
      <ol className="outline-themes">
        {outline.themes.map((theme) => (
          <li key={theme.id} className="outline-theme">
            <h2 className="outline-theme-title">
              <span className="outline-theme-label">{s.themeLabel(theme.ordinal)}</span>{' '}
              <span className="outline-theme-headline">{theme.headline}</span>
            </h2>
            <ol className="outline-initiatives">
              {theme.initiatives.map((item) => (
                <li key={item.id}>
                  <a href={routeHref({ kind: 'initiative', id: item.id })} aria-current={current(item.id)}>
                    <span className="numeral">{item.numeral}</span>{' '}
                    <span className="outline-headline">{item.headline}</span>
                  </a>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
