// Tags the reader has used, for suggestions.
import type { NoArgs } from '../common';

/** A tag in use and on how many initiatives. */
export interface TagCount {
  tag: string;
  count: number;
}

export interface TagMethods {
  /** Every tag in use, most used first (suggestions for the tag editor). */
  'tags.list': { args: NoArgs; result: TagCount[] };
}

export const TAG_METHODS = ['tags.list'] as const satisfies readonly (keyof TagMethods)[];
