// The app bar's way to search everywhere (also Ctrl+Shift+F): a magnifier and a short word
// (the magnifier alone on a narrow window, where the app bar must stay one line).
import { useTranslation } from '../../i18n/ui-text';
import './search-button.css';

export function SearchButton({ href, current }: { href: string; current: boolean }) {
  const { t } = useTranslation('search');
  return (
    <a className="search-button" href={href} title={t('buttonTitle')} aria-label={t('button')} aria-current={current ? 'page' : undefined}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.4 10.4L14 14" />
      </svg>
      <span>{t('button')}</span>
    </a>
  );
}
