// The library, import and translation methods as the renderer calls them. They are declared in
// the contract's feature folders; this typed view of the client lets the screens use them with
// their exact argument and result types.
import type { ImportMethods } from '../../../../shared/api/import/methods';
import type { LibraryMethods } from '../../../../shared/api/library/methods';
import type { TranslationMethods } from '../../../../shared/api/translations/methods';
import type { ApiClient } from '../../api/client';

type PlanLibraryMethods = LibraryMethods & ImportMethods & TranslationMethods;
export type PlanLibraryMethod = keyof PlanLibraryMethods;

export interface PlanLibraryClient {
  call<M extends PlanLibraryMethod>(method: M, args: PlanLibraryMethods[M]['args']): Promise<PlanLibraryMethods[M]['result']>;
}

export function planLibraryClient(client: ApiClient): PlanLibraryClient {
  return client as unknown as PlanLibraryClient;
}
