// The canonical text of one part of an item, the text a highlight's selectors count in: for zh
// the item's headline or body as stored; for en the plan's English translation of it (the
// headline, or the body's sentences joined with one space, as the reading view shows them).
import type { AnnotatedLanguage, AnnotatedPart } from '../../../../shared/api/annotations/methods';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';

/** The text, or null when the item (or, for en, its translation) does not exist. */
export function canonicalText(db: Db, itemId: string, part: AnnotatedPart, language: AnnotatedLanguage): string | null {
  if (language === 'zh') {
    const row = prepared(db, 'SELECT headline, body FROM initiatives WHERE id = ?').get(itemId) as
      | { headline: string | null; body: string | null }
      | undefined;
    if (!row) return null;
    return (part === 'headline' ? row.headline : row.body) ?? '';
  }
  // Item ids are [A-Za-z0-9-/] only (the contract's id schema), safe inside a quoted JSON path label.
  const row = prepared(
    db,
    `SELECT json_extract(t.json, '$.initiatives."' || i.id || '"') AS entry
     FROM initiatives i JOIN plan_translations t ON t.plan_id = i.plan_id AND t.language = 'en' WHERE i.id = ?`,
  ).get(itemId) as { entry: string | null } | undefined;
  if (!row?.entry) return null;
  const entry = JSON.parse(row.entry) as { headline?: unknown; body?: unknown };
  if (part === 'headline') return typeof entry.headline === 'string' ? entry.headline : null;
  return Array.isArray(entry.body) ? entry.body.filter((s): s is string => typeof s === 'string').join(' ') : null;
}
