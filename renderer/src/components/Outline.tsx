// The sidebar: every theme with its initiatives, as links (the address they change is the
// view). The open view carries aria-current="page", is scrolled into sight and is the outline's
// one Tab stop; ↑/↓ (and Home/End) move between the links, Enter opens the focused one. When
// another view opens while the focus is in the outline (Alt+↓, the pager), the focus follows
// it, so the focus ring and the highlight never sit on two different items.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { PlanOutline } from '../../../shared/api/contract';
import { useReading } from '../reading/reading-context';
import { routeHref, type Route } from '../routing/hash-route';
import { InitiativeLinks } from './InitiativeLinks';
import { planText } from './PlanText';

export const OUTLINE_ID = 'plan-outline';

/** `edge`: the resize handle, inside the outline's landmark (it is positioned on its edge). */
export function Outline({ outline, route, edge }: { outline: PlanOutline; route: Route; edge?: ReactNode }) {
  const { t } = useTranslation();
  const reading = useReading();
  const { showEn, translation } = reading;
  const shownRoute = useRef(route);
  const navRef = useRef<HTMLElement>(null);
  const openId = route.kind === 'initiative' ? route.id : null;
  const onOverview = route.kind === 'overview';
  // The initiative shown may be missing from the outline (a stale address): then the overview
  // link keeps the Tab stop so the outline stays reachable.
  const openInOutline = openId !== null && outline.themes.some((th) => th.initiatives.some((i) => i.id === openId));

  // Keep the open item in sight, e.g. after a restore, a shortcut or prev/next to another theme.
  useEffect(() => {
    const el = navRef.current?.querySelector('[aria-current="page"]');
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [route, showEn]);

  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && current && nav.contains(document.activeElement) && document.activeElement !== current) {
      current.focus({ preventScroll: true });
    }
  }, [route]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const links = [...(navRef.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = links.length - 1;
    else if (at < 0) next = 0;
    else next = Math.min(links.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    links[next]!.focus();
    links[next]!.scrollIntoView?.({ block: 'nearest' });
  };

  return (
    <nav id={OUTLINE_ID} className="outline" aria-label={t('outlineLabel')} ref={navRef} onKeyDown={onKeyDown}>
      <a
        className="outline-overview"
        href={routeHref({ kind: 'overview' })}
        aria-current={onOverview ? 'page' : undefined}
        tabIndex={onOverview || !openInOutline ? 0 : -1}
      >
        {t('overview')}
      </a>
      <ol className="outline-themes">
        {outline.themes.map((theme) => (
          <li key={theme.id} className="outline-theme">
            <h2 className="outline-theme-title">
              <span className="outline-theme-label">{t('themeLabel', { ordinal: theme.ordinal })}</span>{' '}
              <span className="outline-theme-headline">
                {planText(reading, theme.headline, translation?.themes[theme.id])}
              </span>
            </h2>
            <InitiativeLinks
              initiatives={theme.initiatives}
              className="outline-initiatives"
              headlineClassName="outline-headline"
              current={{ openId }}
            />
          </li>
        ))}
      </ol>
      <p className="outline-hint">{t('outlineHint')}</p>
      {edge}
    </nav>
  );
}
