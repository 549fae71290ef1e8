// Translations the reader attaches to an imported plan: a JSON file aligned by item id. The
// template lists every item with its text, for a translator to fill in.
export interface TranslationAttachResult {
  language: string;
  /** Items the file translates, of the plan's items. */
  matched: number;
  total: number;
}

export interface TranslationMethods {
  /** A translation file to fill in: the plan's items by id with their Chinese text. */
  'translation.template': { args: { planId: string; language: string }; result: { fileName: string; json: string } };
  /** Checks the file against the plan (every id must be one of its items) and stores it,
   *  replacing an earlier one in that language; all or nothing. */
  'translation.attach': { args: { planId: string; fileName: string; text: string }; result: TranslationAttachResult };
}

export const TRANSLATION_METHODS = ['translation.template', 'translation.attach'] as const satisfies readonly (keyof TranslationMethods)[];
