// The rest of what search everywhere looks in, beside the initiatives' text (initiative-docs.ts):
// a plan's title (key = the plan id), its English translation (key = the item id, fields
// headline_en and body_en; under the plan's id, so it goes with the plan) and the reader's notes
// and highlight comments with their tags (key = the annotation id, fields note and noteTags: the
// reader's text). Each is rewritten in the transaction that changes the text.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { insertNewSearchDocs, writeSearchDocs, type NewSearchDoc } from './documents';
import { normalizeForSearch } from './normalize';
import { scoreCode } from './score';

/** Fields of an annotation's documents. */
export const NOTE_FIELDS = ['note', 'noteTags'] as const;
/** Fields of a translation's documents. */
export const TRANSLATION_FIELDS = ['headline_en', 'body_en'] as const;

interface StoredTranslation {
  initiatives?: Record<string, { headline?: string; body?: string[] }>;
}

/** (Re)writes the English documents of a plan's items from its stored translation (none: removes them). */
export function indexTranslation(db: Db, planId: string): void {
  // Plucked statements carry a comment of their own: statements are shared by SQL text
  // (db/statements.ts), and pluck() changes the statement for every caller.
  const json = prepared(db, "SELECT json FROM plan_translations WHERE plan_id = ? AND language = 'en' -- search: plucked").pluck().get(planId) as
    | string
    | undefined;
  const translated = json ? ((JSON.parse(json) as StoredTranslation).initiatives ?? {}) : {};
  const ids = prepared(db, 'SELECT id FROM initiatives WHERE plan_id = ? -- search: plucked').pluck().all(planId) as string[];
  for (const id of ids) {
    const t = translated[id];
    writeSearchDocs(db, id, { headline_en: t?.headline, body_en: t?.body?.join(' ') });
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
    ? (prepared(db, 'SELECT tag FROM user_annotation_tags WHERE annotation_id = ? ORDER BY rowid -- search: plucked').pluck().all(id) as string[])
    : [];
  writeSearchDocs(db, id, { note: live ? row.body : null, noteTags: tags });
}

/** Annotations read and sorted at a time by indexNewAnnotations. */
const BULK_CHUNK = 10_000;

/**
 * Writes the documents of many annotations that have none yet (a rebuild after
 * deleteAllSearchDocs, a bulk load): the same documents, with the same ids, as indexAnnotation
 * on each in the given order, in far less time. Within each chunk the documents are written in
 * the order of their score codes (stable: within a code, in the given order, which is all an id
 * depends on), so FTS5 keeps the chunk's entries in memory as one rising run of rowids instead
 * of writing a segment at every step down (see indexPlanText), and no document is looked up
 * before it is written.
 */
export function indexNewAnnotations(db: Db, ids: readonly string[]): void {
  const read = prepared(db, 'SELECT body, deleted_at AS deletedAt FROM user_annotations WHERE id = ?');
  const readTags = prepared(db, 'SELECT tag FROM user_annotation_tags WHERE annotation_id = ? ORDER BY rowid -- search: plucked').pluck();
  for (let from = 0; from < ids.length; from += BULK_CHUNK) {
    const docs: (NewSearchDoc & { order: number })[] = [];
    for (const id of ids.slice(from, from + BULK_CHUNK)) {
      const row = read.get(id) as { body: string; deletedAt: string | null } | undefined;
      if (row === undefined || row.deletedAt !== null) continue;
      const add = (field: string, values: readonly string[]) => {
        const normalized = values.map(normalizeForSearch);
        const length = normalized.reduce((n, v) => n + v.length, 0);
        if (length > 0) docs.push({ key: id, field, normalized, code: scoreCode(field, length), order: docs.length });
      };
      add('note', [row.body]);
      add('noteTags', readTags.all(id) as string[]);
    }
    docs.sort((a, b) => a.code - b.code || a.order - b.order);
    insertNewSearchDocs(db, docs);
  }
}
