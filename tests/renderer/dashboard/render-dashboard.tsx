// Renders the dashboard as App would, against a fake desktop bridge answering dashboard.get
// and status.options, inside an i18next provider; charts get a fixed width (jsdom has no layout).
import { render } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import type { ApiBridge } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { Dashboard } from '../../../renderer/src/features/dashboard/Dashboard';
import type { ReadingMode } from '../../../renderer/src/features/feature-props';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { createFakeBridge, type FakeBridge } from '../fake-bridge';
import { PLAN_ID } from '../plan-fixture';
import { DASHBOARD, STATUS_OPTIONS } from './dashboard-fixture';

export const CHART_WIDTH = 720;

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

export interface RenderOptions {
  overrides?: Partial<ApiBridge>;
  language?: 'zh' | 'en';
  /** An i18next instance to use instead of a fresh one in `language` (e.g. the pseudo-language). */
  i18n?: i18n;
  readingMode?: ReadingMode;
  translation?: PlanTranslation | null;
  onOpenInitiative?: (id: string) => void;
}

export function renderDashboard(options: RenderOptions = {}): {
  fake: FakeBridge;
  i18n: i18n;
  container: HTMLElement;
  /** The page's query cache (App's, here the view's own). */
  queryClient: QueryClient;
  rerender(next: RenderOptions): void;
} {
  const fake = createFakeBridge({
    'dashboard.get': async () => ok(DASHBOARD),
    'status.options': async () => ok({ options: STATUS_OPTIONS, revision: 0 }),
    ...options.overrides,
  });
  const client = createClientFromBridge(fake.bridge);
  const i18n = options.i18n ?? createI18n(options.language ?? 'zh');
  const queryClient = createQueryClient();
  const view = (o: RenderOptions) => (
    <QueryClientProvider client={queryClient}>
      <I18nProvider i18n={i18n}>
        <Dashboard
          client={client}
          planId={PLAN_ID}
          readingMode={o.readingMode ?? 'zh'}
          translation={o.translation ?? null}
          onOpenInitiative={o.onOpenInitiative ?? (() => undefined)}
          chartWidth={CHART_WIDTH}
        />
      </I18nProvider>
    </QueryClientProvider>
  );
  const result = render(view(options));
  return { fake, i18n, container: result.container, queryClient, rerender: (next) => result.rerender(view({ ...options, ...next })) };
}
