// The app bar: the app's name, the views (阅读 / 举措表 / 仪表盘 / 计划库 / 标注 / 简报包), the reading controls
// and the interface language; below it the plan strip with its context panel.
import { useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { View } from '../routing/hash-route';
import { useAppBarFit } from './use-app-bar-fit';

interface Props {
  view: View;
  /** Where each view's tab leads (the reading tab goes back to what was being read). */
  hrefs: Record<Exclude<View, 'search'>, string>;
  controls: ReactNode;
  children?: ReactNode;
}

const TABS: ReadonlyArray<{ view: Exclude<View, 'search'>; key: 'views.read' | 'views.table' | 'views.dashboard' | 'views.library' | 'views.annotations' | 'views.packets' }> = [
  { view: 'read', key: 'views.read' },
  { view: 'table', key: 'views.table' },
  { view: 'dashboard', key: 'views.dashboard' },
  { view: 'library', key: 'views.library' },
  { view: 'annotations', key: 'views.annotations' },
  { view: 'packets', key: 'views.packets' },
];

export function TopBar({ view, hrefs, controls, children }: Props) {
  const { t, i18n } = useTranslation();
  const row = useRef<HTMLDivElement>(null);
  useAppBarFit(row, i18n.language, view);
  return (
    <header className="top-bar">
      <div className="top-bar-row" ref={row}>
        <p className="app-mark">{t('appName')}</p>
        <nav className="view-tabs" aria-label={t('views.label')}>
          {TABS.map((tab) => (
            <a key={tab.view} href={hrefs[tab.view]} aria-current={tab.view === view ? 'page' : undefined}>
              {t(tab.key)}
            </a>
          ))}
        </nav>
        <div className="top-bar-controls">{controls}</div>
      </div>
      {children}
    </header>
  );
}
