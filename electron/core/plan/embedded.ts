// The plan Briefbook ships with, and first-run seeding from it. It goes through the same
// importer as any file (its format profile: a newspaper commentary with unnumbered theme
// headlines and 第一、 initiatives) and is stored like one; only its ids differ. They are the
// names fixed at its first import by earlier versions (`hz-2024`, `hz-2024/T3/I3`,
// `hz-2024/L1`), which the reader's data and the shipped translation refer to. They ship beside
// the plan (hangzhou-2024-05-11.ids.json: each id with its numbering and heading) and are given
// to the importer's sections by matching that text under the matched parent, never by position;
// a section or an id left unmatched stops the seeding with both named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedDocument, Section } from '../../../shared/domain/document';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { documentFromRaw } from '../import/pipeline';
import { readText } from '../import/read-text';
import { hasPlan, readPlanDocument } from './store';
import { storeImportedPlan } from './store-imported';
import { hasTranslation, importTranslation, parseTranslation, readTranslation, TranslationError } from './translation';

export const EMBEDDED_PLAN = {
  id: 'hz-2024',
  /** Relative to the resources folder. */
  file: join('plans', 'hangzhou-2024-05-11.txt'),
  /** The ids fixed at its first import, relative to the resources folder. */
  ids: join('plans', 'hangzhou-2024-05-11.ids.json'),
  /** Its shipped translations, relative to the resources folder. */
  translations: [{ language: 'en', file: join('plans', 'hangzhou-2024-05-11.en.json') }],
} as const;

export class EmbeddedPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPlanError';
  }
}

export interface ShippedIds {
  planId: string;
  sections: { id: string; parent: string | null; numbering: string; heading: string }[];
  lists: { id: string; section: string; label: string }[];
}

/** The embedded plan as the importer reads it (synchronous: a shipped UTF-8 text file). */
export function readEmbeddedDocument(resourcesDir: string): ImportedDocument {
  const bytes = readFileSync(join(resourcesDir, EMBEDDED_PLAN.file));
  const name = EMBEDDED_PLAN.file.split(/[\\/]/).pop()!;
  const doc = documentFromRaw(readText(bytes, name, false), bytes, name);
  // The shipped text must import cleanly: a warning (a stated count that disagrees, text not
  // placed) means the file or the importer changed in a way the reader would see.
  if (doc.warnings.length > 0) {
    const w = doc.warnings[0]!;
    throw new EmbeddedPlanError(`The embedded plan ${EMBEDDED_PLAN.file} does not import cleanly${w.at ? ` (${w.at})` : ''}: ${w.message}`);
  }
  return doc;
}

/** Importer id → shipped id, matched by numbering and heading under the matched parent. */
export function matchShippedIds(doc: ImportedDocument, shipped: ShippedIds): Map<string, string> {
  const ids = new Map<string, string>();
  const unused = new Set(shipped.sections.map((s) => s.id));
  const unmatched: string[] = [];
  const walk = (sections: readonly Section[], parent: string | null): void => {
    for (const s of sections) {
      const found = shipped.sections.find(
        (e) => unused.has(e.id) && e.parent === parent && e.numbering === s.numbering && e.heading === s.heading,
      );
      if (found) {
        unused.delete(found.id);
        ids.set(s.id, found.id);
      } else unmatched.push(`${s.numbering}${s.heading}`);
      walk(s.children, found?.id ?? null);
    }
  };
  walk(doc.sections, null);
  const perSection = new Map<string, number>();
  const unusedLists = new Set(shipped.lists.map((l) => l.id));
  for (const e of doc.enumerations) {
    const k = (perSection.get(e.sectionId) ?? 0) + 1;
    perSection.set(e.sectionId, k);
    const section = ids.get(e.sectionId);
    const found = shipped.lists.find((l) => unusedLists.has(l.id) && l.section === section && l.label === e.label);
    if (found) {
      unusedLists.delete(found.id);
      ids.set(`${e.sectionId}/L${k}`, found.id);
    } else unmatched.push(`the list of ${e.statedCount}大${e.label}`);
  }
  if (unmatched.length > 0 || unused.size > 0 || unusedLists.size > 0) {
    throw new EmbeddedPlanError(
      `The embedded plan's text no longer matches its shipped ids (${EMBEDDED_PLAN.ids}): ` +
        [
          unmatched.length ? `no id for ${unmatched.join('; ')}` : '',
          unused.size + unusedLists.size ? `no text for ${[...unused, ...unusedLists].join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    );
  }
  return ids;
}

export function readShippedIds(resourcesDir: string): ShippedIds {
  return JSON.parse(readFileSync(join(resourcesDir, EMBEDDED_PLAN.ids), 'utf8')) as ShippedIds;
}

/** Whether the stored plan came from an import that kept its tree (not a legacy store). */
function hasTree(db: Db, planId: string): boolean {
  return prepared(db, 'SELECT 1 AS found FROM plan_files WHERE plan_id = ? LIMIT 1').get(planId) !== undefined;
}

/** The reader purged the plan from the trash: seeding must not bring it back. */
function purgedByReader(db: Db, planId: string): boolean {
  return (
    prepared(db, 'SELECT 1 AS found FROM user_plan_state WHERE plan_id = ? AND trashed_at IS NOT NULL').get(planId) !== undefined &&
    !hasPlan(db, planId)
  );
}

/**
 * Imports the embedded plan unless the database already has it (a database filled by an older
 * version, whose plan has no tree yet, gets it stored again under the same ids; the reader's
 * data, keyed by those ids, stays where it is), and each shipped translation
 * the database lacks or holds in an older wording (so a database seeded before translations
 * existed, or before a translation was revised, gets the shipped one on its next start; a
 * translation is shipped text, never the reader's). All in one transaction: a plan or translation that fails its checks leaves nothing.
 * Returns true if it imported the plan.
 */
export function seedEmbeddedPlan(db: Db, resourcesDir: string): boolean {
  return writeTransaction(db, () => {
    let imported = false;
    const legacy = hasPlan(db, EMBEDDED_PLAN.id) && !hasTree(db, EMBEDDED_PLAN.id);
    if ((!hasPlan(db, EMBEDDED_PLAN.id) && !purgedByReader(db, EMBEDDED_PLAN.id)) || legacy) {
      const doc = readEmbeddedDocument(resourcesDir);
      const shipped = readShippedIds(resourcesDir);
      const importedAt = legacy
        ? (prepared(db, 'SELECT imported_at AS at FROM plans WHERE id = ?').get(EMBEDDED_PLAN.id) as { at: string }).at
        : undefined;
      storeImportedPlan(db, doc, { planId: shipped.planId, inheritIds: matchShippedIds(doc, shipped), replace: legacy, importedAt });
      imported = true;
    }
    if (!hasPlan(db, EMBEDDED_PLAN.id)) return imported;
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
