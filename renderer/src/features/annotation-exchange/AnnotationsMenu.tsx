// The library header's Annotations menu: Export… and Import…, the same as the File menu's
// items (browser mode has no native menu, and the library is where a reader manages files).
import { useRef } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { Chevron } from '../../components/Select';
import { useAnnotationExchangeMenu } from './use-annotation-exchange';
import './exchange.css';

export function AnnotationsMenu() {
  const { t } = useTranslation('annotationExchange');
  const exchange = useAnnotationExchangeMenu();
  const menu = useRef<HTMLDetailsElement>(null);
  if (!exchange) return null;
  const pick = (open: () => void) => () => {
    menu.current?.removeAttribute('open');
    open();
  };
  return (
    <details ref={menu} className="exchange-menu" onKeyDown={(e) => e.key === 'Escape' && menu.current?.removeAttribute('open')}>
      <summary>
        {t('menu')}
        <Chevron />
      </summary>
      <div className="exchange-menu-items" role="menu">
        <button type="button" role="menuitem" onClick={pick(exchange.openExport)}>
          {t('exportItem')}
        </button>
        <button type="button" role="menuitem" onClick={pick(exchange.openImport)}>
          {t('importItem')}
        </button>
      </div>
    </details>
  );
}
