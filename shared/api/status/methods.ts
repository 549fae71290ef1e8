// The reader's list of statuses (keys and their labels in both languages).
import type { StatusOption, StatusOptionsRecord } from '../../domain/table';
import type { NoArgs } from '../common';

export interface StatusMethods {
  'status.options': { args: NoArgs; result: StatusOptionsRecord };
  'status.setOptions': {
    args: { options: StatusOption[]; baseRevision: number };
    result: StatusOptionsRecord;
    conflict: StatusOptionsRecord;
  };
}

export const STATUS_METHODS = ['status.options', 'status.setOptions'] as const satisfies readonly (keyof StatusMethods)[];
