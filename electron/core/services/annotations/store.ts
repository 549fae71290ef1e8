// Reading and writing annotation rows: the mapping between user_annotations (+ tags) and the
// contract's Annotation, and the history rows every saved state leaves (see migration 0006).
import type {
  Annotation,
  AnnotationRevision,
  HighlightColor,
} from '../../../../shared/api/annotations/methods';
import type { AnchorStatus, TextSelectors } from '../../../../shared/domain/anchoring';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { indexAnnotation } from '../../search/source-docs';

export interface AnnotationRow {
  id: string;
  plan_id: string;
  item_id: string | null;
  kind: 'highlight' | 'note';
  part: 'headline' | 'body' | null;
  language: 'zh' | 'en' | null;
  selectors_json: string | null;
  color: HighlightColor | null;
  body: string;
  anchor_status: AnchorStatus | null;
  previous_quote: string | null;
  created_at: string;
  modified_at: string;
  revision: number;
  deleted_at: string | null;
  tags_json: string;
}

/** The columns of an annotation with its tags in the reader's order, for `FROM user_annotations a`. */
export const ANNOTATION_COLUMNS = `a.id, a.plan_id, a.item_id, a.kind, a.part, a.language, a.selectors_json, a.color, a.body,
  a.anchor_status, a.previous_quote, a.created_at, a.modified_at, a.revision, a.deleted_at,
  (SELECT json_group_array(t.tag ORDER BY t.rowid) FROM user_annotation_tags t WHERE t.annotation_id = a.id) AS tags_json`;

export function toAnnotation(r: AnnotationRow): Annotation {
  const highlight = r.kind === 'highlight';
  return {
    id: r.id,
    kind: r.kind,
    planId: r.plan_id,
    itemId: r.item_id,
    target: highlight
      ? { itemId: r.item_id!, part: r.part!, language: r.language!, selectors: JSON.parse(r.selectors_json!) as TextSelectors }
      : null,
    anchor: highlight
      ? { status: r.anchor_status!, ...(r.previous_quote !== null ? { previousQuote: r.previous_quote } : {}) }
      : null,
    color: r.color,
    body: r.body,
    tags: JSON.parse(r.tags_json) as string[],
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
    revision: r.revision,
    deletedAt: r.deleted_at,
  };
}

export function readAnnotation(db: Db, id: string): Annotation | null {
  const row = prepared(db, `SELECT ${ANNOTATION_COLUMNS} FROM user_annotations a WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  return row ? toAnnotation(row) : null;
}

/** Selectors as stored: one key order, so equal selectors are equal strings. */
export function selectorsJson(s: TextSelectors): string {
  return JSON.stringify({
    quote: { type: 'TextQuoteSelector', exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix },
    position: { type: 'TextPositionSelector', start: s.position.start, end: s.position.end },
  });
}

export function writeTags(db: Db, id: string, tags: readonly string[]): void {
  prepared(db, 'DELETE FROM user_annotation_tags WHERE annotation_id = ?').run(id);
  const insert = prepared(db, 'INSERT INTO user_annotation_tags (annotation_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(id, tag);
}

/** Body edits closer together than this share one history entry (typing autosaves often). */
export const COALESCE_MS = 2 * 60 * 1000;

/**
 * Records the annotation's state as it is now (after a write) in its history. A body-only edit
 * replaces the newest entry when that entry was also made by body-only edits that began less
 * than COALESCE_MS ago; the entry then carries the new revision number.
 */
export function recordState(db: Db, id: string, reason: AnnotationRevision['reason'], now: Date, bodyOnly = false): void {
  const at = now.toISOString();
  // Every change of an annotation's body, tags or trash passes here: its search documents follow.
  indexAnnotation(db, id);
  const a = readAnnotation(db, id)!;
  const tags = JSON.stringify(a.tags);
  if (bodyOnly && reason === 'edit') {
    const last = prepared(
      db,
      'SELECT revision, coalesce_until AS until FROM user_annotation_revisions WHERE annotation_id = ? ORDER BY revision DESC LIMIT 1',
    ).get(id) as { revision: number; until: string | null } | undefined;
    if (last?.until && last.until > at) {
      prepared(
        db,
        `UPDATE user_annotation_revisions SET revision = ?, body = ?, color = ?, tags_json = ?, saved_at = ?
         WHERE annotation_id = ? AND revision = ?`,
      ).run(a.revision, a.body, a.color, tags, at, id, last.revision);
      return;
    }
  }
  const until = bodyOnly && reason === 'edit' ? new Date(now.getTime() + COALESCE_MS).toISOString() : null;
  prepared(
    db,
    `INSERT INTO user_annotation_revisions (annotation_id, revision, body, color, tags_json, saved_at, reason, coalesce_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, a.revision, a.body, a.color, tags, at, reason, until);
}
