// The app in Chromium on a library of generated plans (the bench corpus's generator and seed),
// for the views that need more than the embedded plan: a few hundred search hits, several plans
// to filter by. Opened at 1400 × 900 on the reading view.
import { importPlan } from '../../electron/core/plan/store';
import { refreshDerivedData } from '../../electron/core/refresh-derived';
import { articleText, DEFAULT_SEED, DEFAULT_SHAPE, generatePlans } from '../bench/corpus';
import { createTestCore } from '../helpers/core';
import { startAppSession, type AppSession } from './app-session';

export interface CorpusSession {
  app: AppSession;
  /** The generated plans, in the order they were imported. */
  plans: { id: string; title: string }[];
}

export async function startCorpusSession(name: string, planCount: number): Promise<CorpusSession> {
  const plans: CorpusSession['plans'] = [];
  const app = await startAppSession(name, (dataDir) => {
    const core = createTestCore(dataDir);
    try {
      for (const doc of generatePlans(DEFAULT_SEED, { ...DEFAULT_SHAPE, plans: planCount })) {
        importPlan(core.db, doc, articleText(doc));
        plans.push({ id: doc.meta.id, title: doc.meta.title });
      }
      refreshDerivedData(core.db);
    } finally {
      core.close();
    }
  });
  await app.page.setViewportSize({ width: 1400, height: 900 });
  await app.page.goto(app.server.url);
  await app.page.getByRole('navigation', { name: /^(计划大纲|Plan outline)$/ }).waitFor();
  return { app, plans };
}
