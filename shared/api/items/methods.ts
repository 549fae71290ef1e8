// One item of a plan (an initiative): its text in reading order, and the reader's fields on it.
import type { Initiative, PlanList, Theme } from '../../domain/plan';
import type { InitiativeFields, InitiativeRow } from '../../domain/table';

export interface InitiativeDetail {
  initiative: Initiative;
  theme: Theme;
  planId: string;
  /** Lists the initiative's text states (e.g. the 8 emerging industries). */
  lists: PlanList[];
  previousId: string | null;
  nextId: string | null;
}

export interface ItemMethods {
  'initiative.get': { args: { initiativeId: string }; result: InitiativeDetail };
  // Writes of user records name the revision they were made on (`baseRevision`; 0 for a record
  // that did not exist yet). A stale one is refused with CONFLICT carrying `conflict`, the
  // record as stored now, and changes nothing.
  'initiative.update': {
    args: { initiativeId: string; baseRevision: number; patch: Partial<InitiativeFields> };
    result: InitiativeRow;
    conflict: InitiativeRow;
  };
}

export const ITEM_METHODS = ['initiative.get', 'initiative.update'] as const satisfies readonly (keyof ItemMethods)[];
