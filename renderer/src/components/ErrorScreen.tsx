// What the reader sees when something failed: what failed, why (the backend's own message)
// and its code. UNAUTHORIZED gets its own screen: browser mode opened without its key.
import type { ReactNode } from 'react';
import { ApiCallError } from '../api/api-call-error';
import { CATALOGUE } from '../i18n/strings';
import { useStrings } from '../i18n/use-strings';

interface Props {
  /** What failed, e.g. 无法载入计划. */
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** A full screen (nothing else could load) or a message inside the main pane. */
  variant: 'screen' | 'inline';
  children?: ReactNode;
}

export function ErrorScreen({ title, error, onRetry, variant, children }: Props) {
  const s = useStrings();
  const apiError = error instanceof ApiCallError ? error : null;
  const code = apiError?.code ?? null;
  const detail = error instanceof Error ? error.message : String(error);
  const Wrapper = variant === 'screen' ? 'main' : 'div';
  return (
    <Wrapper className={`error error-${variant}`}>
      <div className="error-box" role="alert">
        <h2 className="error-title">{title}</h2>
        {code === 'UNREACHABLE' && <p>{s.unreachable}</p>}
        {code === 'NOT_FOUND' && <p>{s.notFound}</p>}
        <p className="error-detail">{detail}</p>
        {apiError && <p className="error-code">{s.errorCode(apiError.code, apiError.method)}</p>}
        <div className="error-actions">
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {s.retry}
            </button>
          )}
          {children}
        </div>
      </div>
    </Wrapper>
  );
}

/** Browser mode without a valid key: says, in both languages, how to open the app. */
export function UnauthorizedScreen() {
  const s = useStrings();
  const others = Object.values(CATALOGUE).filter((c) => c !== s);
  return (
    <main className="error error-screen">
      <div className="error-box" role="alert">
        {[s, ...others].map((c) => (
          <section key={c.lang} lang={c.lang} className="unauthorized-message">
            <h2 className="error-title">{c.unauthorizedTitle}</h2>
            <p>{withCode(c.unauthorizedBody)}</p>
          </section>
        ))}
      </div>
    </main>
  );
}

/** Renders `backticked` parts of a catalogue string as <code>. */
function withCode(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
