// Reading a plan: the plans there are, one plan's outline, its translations.
import type { PlanList, PlanMeta, Theme } from '../../domain/plan';
import type { PlanTranslation } from '../../domain/translation';
import type { NoArgs } from '../common';

export interface PlanSummary {
  id: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  themeCount: number;
  initiativeCount: number;
  /** An earlier version of a plan: the id of the lineage's current version. Listed so that a
   *  reader who picked it keeps it; the plan choices and counts leave these out. */
  supersededBy?: string;
}

export interface InitiativeHeading {
  id: string;
  ordinal: number;
  numeral: string;
  headline: string;
}

export interface ThemeOutline extends Theme {
  initiatives: InitiativeHeading[];
}

export interface PlanOutline {
  meta: PlanMeta;
  themes: ThemeOutline[];
  lists: PlanList[];
}

export interface PlanMethods {
  /** Plans not in the trash. */
  'plan.list': { args: NoArgs; result: PlanSummary[] };
  'plan.get': { args: { planId: string }; result: PlanOutline };
  /** null: the plan has no translation into that language (yet). */
  'plan.translation': { args: { planId: string; language: string }; result: PlanTranslation | null };
}

export const PLAN_METHODS = ['plan.list', 'plan.get', 'plan.translation'] as const satisfies readonly (keyof PlanMethods)[];
