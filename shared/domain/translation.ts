// An unofficial rendering of a plan in another language, keyed by the plan's stable ids and
// aligned by sentence: `lead` and each initiative `body` hold one string per source sentence.
export interface PlanTranslation {
  planId: string;
  language: string;
  unofficial: boolean;
  translator: string;
  meta: {
    title: string;
    column?: string;
    source?: string;
    author?: string;
    editor?: string;
    graphics?: string;
    tags?: string[];
    themeLine?: string;
    lead: string[];
    authorNote?: string;
  };
  themes: Record<string, string>;
  initiatives: Record<string, { headline: string; body: string[] }>;
  lists: Record<string, { label: string; items: string[] }>;
}
