// The page's first script: the api client and the two calls the first screen waits for (the
// storage status and app.start), sent before the rest of the renderer is evaluated. The build
// makes this module an entry of its own, whose <script> comes before the app's in index.html
// (electron.config.ts): a module script runs only once its whole graph is fetched and
// evaluated, and the app's graph (React, i18next, every view's shell) took 20–110 ms of the main
// thread before it sent the calls, while the host's answer (a few ms of its own work, far more
// on a loaded machine) could have been on its way. main.tsx imports this module too, so it
// runs once, first, whichever way the page was built (the dev server has no such entry).
import { createApiClient } from './api/client';
import { sendRememberedFirstPage } from './features/table/first-query';
import { parseRoute } from './routing/hash-route';

export const client = createApiClient();

/** The calls as sent, taken by the storage gate and the App (early-status.ts, load-start.ts). A
 *  failure (the database in recovery) is theirs to handle; marked handled here so it is not
 *  reported as unhandled before the app's code is there to take it. */
export const firstCalls = {
  status: client.call('storage.status', {}),
  start: client.call('app.start', {}),
};
firstCalls.status.catch(() => undefined);
firstCalls.start.catch(() => undefined);
// A page opened on the table: its first page too, as the table showed it last (a guess the
// table checks against the start data, features/table/first-query.ts), rather than one round
// trip after app.start.
if (parseRoute(window.location.hash).kind === 'table') sendRememberedFirstPage(client);
