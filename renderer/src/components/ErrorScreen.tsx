// What the reader sees when something failed: what failed, why (the backend's own message)
// and its code. UNAUTHORIZED gets its own screen: browser mode opened without its key.
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/ui-text';
import { ApiCallError } from '../api/api-call-error';
import { LANGUAGES } from '../i18n/catalogue';
import { HTML_LANG, isLanguage } from '../i18n/i18n';

interface Props {
  /** What failed, e.g. 无法加载计划. */
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** A full screen (nothing else could load) or a message inside the main pane. */
  variant: 'screen' | 'inline';
  children?: ReactNode;
}

export function ErrorScreen({ title, error, onRetry, variant, children }: Props) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiCallError ? error : null;
  const code = apiError?.code ?? null;
  const detail = error instanceof Error ? error.message : String(error);
  const Wrapper = variant === 'screen' ? 'main' : 'div';
  return (
    <Wrapper className={`error error-${variant}`}>
      <div className="error-box" role="alert">
        <h2 className="error-title">{title}</h2>
        {code === 'UNREACHABLE' && <p>{t('unreachable')}</p>}
        {code === 'NOT_FOUND' && <p>{t('notFound')}</p>}
        {/* The backend's own words, in whatever language it wrote them. */}
        <p className="error-detail">{detail}</p>
        {apiError && <p className="error-code">{t('errorCode', { code: apiError.code, method: apiError.method })}</p>}
        <div className="error-actions">
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('retry')}
            </button>
          )}
          {children}
        </div>
      </div>
    </Wrapper>
  );
}

/** Browser mode without a valid key: says, in every UI language (current first), how to open the app. */
export function UnauthorizedScreen() {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'zh';
  const order = [current, ...LANGUAGES.filter((l) => l !== current)];
  return (
    <main className="error error-screen">
      <div className="error-box" role="alert">
        {order.map((lng) => {
          const t = i18n.getFixedT(lng, 'common');
          return (
            <section key={lng} lang={HTML_LANG[lng]} className="unauthorized-message">
              <h2 className="error-title">{t('unauthorizedTitle')}</h2>
              <p>{withCode(t('unauthorizedBody'))}</p>
            </section>
          );
        })}
      </div>
    </main>
  );
}

/** Renders `backticked` parts of a catalogue string as <code>. */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
