// The rest of what search everywhere looks in, beside the initiatives' text (initiative-docs.ts):
// a plan's title (key = the plan id), its English translation (key = the item id, fields
// headline_en and body_en; the plan's scope, so it goes with the plan) and the reader's notes
// and highlight comments with their tags (key = the annotation id, fields note and noteTags; no
// scope: the reader's text). Each is rewritten in the transaction that changes the text.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeSearchDocs } from './documents';

/** Fields of an annotation's documents. */
export const NOTE_FIELDS = ['note', 'noteTags'] as const;
/** Fields of a translation's documents. */
export const TRANSLATION_FIELDS = ['headline_en', 'body_en'] as const;

interface StoredTranslation {
  initiatives?: Record<string, { headline?: string; body?: string[] }>;
}

/** (Re)writes the English documents of a plan's items from its stored translation (none: removes them). */
export function indexTranslation(db: Db, planId: string): void {
  const row = prepared(db, "SELECT json FROM plan_translations WHERE plan_id = ? AND language = 'en'").get(planId) as
    | { json: string }
    | undefined;
  const translated = row ? ((JSON.parse(row.json) as StoredTranslation).initiatives ?? {}) : {};
  const ids = prepared(db, 'SELECT id FROM initiatives WHERE plan_id = ?').pluck().all(planId) as string[];
  for (const id of ids) {
    const t = translated[id];
    writeSearchDocs(db, planId, id, { headline_en: t?.headline, body_en: t?.body?.join(' ') });
  }
}

/** (Re)writes an annotation's documents from the row as stored now: a note in the trash, or
 *  gone, has none. */
export function indexAnnotation(db: Db, id: string): void {
  const row = prepared(db, 'SELECT body, deleted_at AS deletedAt FROM user_annotations WHERE id = ?').get(id) as
    | { body: string; deletedAt: string | null }
    | undefined;
  const live = row !== undefined && row.deletedAt === null;
  const tags = live
    ? (prepared(db, 'SELECT tag FROM user_annotation_tags WHERE annotation_id = ? ORDER BY rowid').pluck().all(id) as string[])
    : [];
  writeSearchDocs(db, null, id, { note: live ? row.body : null, noteTags: tags });
}
