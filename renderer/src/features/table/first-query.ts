// The table's first page, sent by the page's first script when the page opens on the table
// (#/table), beside app.start rather than after it. The query of that page depends on the stored
// table state and the current plan, both in the start data; waiting for them put a round trip
// to the host, and the host's work on it, between the start data and the table's rows. So the
// table remembers (in this window's localStorage) the first-page call of the last query it
// showed, and the first script sends that call at once. It is only a guess of the query: the
// answer is fresh (asked now), and it is used only when the call the start data make is the same
// call, character for character (first-page.ts); otherwise it is dropped and the right one sent.
// Kept free of imports but types: first-calls.ts imports it, and that script has none.
import type { ApiArgs } from '../../../../shared/api/contract';
import type { ApiClient } from '../../api/client';
import type { PageAnswer } from './page-cache';

/** Under the app's origin: the first-page call (table.query's arguments, as JSON) of the last
 *  query the table showed. */
export const FIRST_QUERY_STORAGE_KEY = 'briefbook.table.firstQuery';

interface Sent {
  /** The call's arguments as remembered (JSON). */
  args: string;
  answer: Promise<PageAnswer>;
}

let sent: Sent | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A page whose storage is denied: no guess, the table asks once the start data are in.
    return null;
  }
}

/** Sends the remembered first-page call, if there is one (the page's first script, on #/table). */
export function sendRememberedFirstPage(client: ApiClient): void {
  const args = storage()?.getItem(FIRST_QUERY_STORAGE_KEY) ?? null;
  if (args === null) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(args);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) return;
  const answer = client.call('table.query', parsed as ApiArgs<'table.query'>);
  // A failure (the database in recovery, a query no longer valid) is the table's to meet by
  // asking again; marked handled so it is not reported before the table's code is there.
  answer.catch(() => undefined);
  sent = { args, answer };
}

/** The answer of the call sent at the start if it is this call (`args` as JSON), else null.
 *  Taken once: a later open of the table asks afresh. */
export function takeSentFirstPage(args: string): Promise<PageAnswer> | null {
  const early = sent;
  sent = null;
  return early && early.args === args ? early.answer : null;
}

/** Remembers the first-page call of the query the table shows, for the next start. */
export function rememberFirstPage(args: string): void {
  const store = storage();
  try {
    if (store && store.getItem(FIRST_QUERY_STORAGE_KEY) !== args) store.setItem(FIRST_QUERY_STORAGE_KEY, args);
  } catch {
    // Storage full or denied: the next start asks after the start data, as without the guess.
  }
}
