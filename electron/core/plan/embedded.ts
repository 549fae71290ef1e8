// The plan Briefbook ships with, and first-run seeding from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import { parseArticle } from './parse-article';
import { hasPlan, importPlan, readPlanDocument } from './store';
import { hasTranslation, importTranslation, parseTranslation, readTranslation, TranslationError } from './translation';
import { writeTransaction } from '../db/transaction';

export const EMBEDDED_PLAN = {
  id: 'hz-2024',
  /** Relative to the resources folder. */
  file: join('plans', 'hangzhou-2024-05-11.txt'),
  /** Its shipped translations, relative to the resources folder. */
  translations: [{ language: 'en', file: join('plans', 'hangzhou-2024-05-11.en.json') }],
} as const;

/**
 * Imports the embedded plan unless the database already has it, and each shipped translation
 * the database lacks or holds in an older wording (so a database seeded before translations
 * existed, or before a translation was revised, gets the shipped one on its next start; a
 * translation is shipped text, never the reader's). All in one transaction: a plan or translation that fails its checks leaves nothing.
 * Returns true if it imported the plan.
 */
export function seedEmbeddedPlan(db: Db, resourcesDir: string): boolean {
  return writeTransaction(db, () => {
    let imported = false;
    if (!hasPlan(db, EMBEDDED_PLAN.id)) {
      const text = readFileSync(join(resourcesDir, EMBEDDED_PLAN.file), 'utf8');
      importPlan(db, parseArticle(text, { planId: EMBEDDED_PLAN.id }), text);
      imported = true;
    }
    for (const t of EMBEDDED_PLAN.translations) {
      const file = join(resourcesDir, t.file);
      const translation = parseTranslation(readFileSync(file, 'utf8'), file);
      const stored = hasTranslation(db, EMBEDDED_PLAN.id, t.language) ? readTranslation(db, EMBEDDED_PLAN.id, t.language) : null;
      if (stored && JSON.stringify(stored) === JSON.stringify(translation)) continue;
      if (translation.language !== t.language) {
        throw new TranslationError(`${file} says its language is ${translation.language}, not ${t.language}`);
      }
      importTranslation(db, translation, readPlanDocument(db, EMBEDDED_PLAN.id)!);
    }
    return imported;
  });
}
