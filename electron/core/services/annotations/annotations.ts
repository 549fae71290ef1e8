// annotation.*: the reader's highlights and notes (user data, see migration 0006). Every write
// is one IMMEDIATE transaction that checks the revision it was made on, writes the record and
// its history entry, and returns the record as committed; a stale write changes nothing and
// gets the stored record back (CONFLICT). Deleting moves to the trash; only emptyTrash removes.
import type {
  Annotation,
  AnnotationEntry,
  AnnotationPage,
  AnnotationPatch,
  AnnotationQuery,
  AnnotationRevision,
  ColorNames,
  HighlightColor,
  NewAnnotation,
} from '../../../../shared/api/annotations/methods';
import { HIGHLIGHT_COLORS } from '../../../../shared/api/annotations/methods';
import { AppError, StaleWriteError } from '../../../../shared/api/result';
import type { Db } from '../../db/open';
import { prepared, stampAfterLatest } from '../../db/statements';
import { readTransaction, writeTransaction } from '../../db/transaction';
import { planTitle } from '../table/plans';
import { canonicalText } from './canonical';
import {
  ANNOTATION_COLUMNS,
  readAnnotation,
  recordState,
  selectorsJson,
  toAnnotation,
  writeTags,
  type AnnotationRow,
} from './store';

export function getAnnotation(db: Db, id: string): Annotation {
  const a = readAnnotation(db, id);
  if (!a) throw new AppError('NOT_FOUND', `No annotation with id ${id}`);
  return a;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

function sameContent(stored: Annotation, a: NewAnnotation): boolean {
  return (
    stored.kind === a.kind &&
    stored.planId === a.planId &&
    stored.itemId === a.itemId &&
    stored.color === a.color &&
    stored.body === a.body &&
    sameTags(stored.tags, a.tags) &&
    (stored.target === null || a.target === null
      ? stored.target === a.target
      : stored.target.part === a.target.part &&
        stored.target.language === a.target.language &&
        selectorsJson(stored.target.selectors) === selectorsJson(a.target.selectors))
  );
}

/** Checks that the plan and item exist and that a highlight's quote is where its position says. */
function checkPlace(db: Db, a: NewAnnotation): void {
  if (!prepared(db, 'SELECT 1 FROM plans WHERE id = ?').get(a.planId)) throw new AppError('NOT_FOUND', `No plan with id ${a.planId}`);
  if (a.itemId !== null) {
    const item = prepared(db, 'SELECT plan_id AS planId FROM initiatives WHERE id = ?').get(a.itemId) as { planId: string } | undefined;
    if (!item) throw new AppError('NOT_FOUND', `No item with id ${a.itemId}`);
    if (item.planId !== a.planId) {
      throw new AppError('BAD_REQUEST', `itemId: the item ${a.itemId} is in plan ${item.planId}, not in ${a.planId}`);
    }
  }
  if (a.target) {
    const { itemId, part, language, selectors } = a.target;
    const text = canonicalText(db, itemId, part, language);
    if (text === null) throw new AppError('NOT_FOUND', `The item ${itemId} has no ${language} text to highlight (no translation)`);
    const quoted = Array.from(text).slice(selectors.position.start, selectors.position.end).join('');
    if (quoted !== selectors.quote.exact) {
      throw new AppError(
        'BAD_REQUEST',
        `target.selectors: the ${language} ${part} of ${itemId} does not read “${selectors.quote.exact}” at ` +
          `${selectors.position.start}–${selectors.position.end}; nothing was saved`,
      );
    }
  }
}

/** Creates an annotation; the same id again with the same content returns it (a retried save). */
export function createAnnotation(db: Db, a: NewAnnotation, now = new Date()): Annotation {
  return writeTransaction(db, () => {
    const existing = readAnnotation(db, a.id);
    if (existing) {
      if (sameContent(existing, a)) return existing;
      throw new StaleWriteError(`annotation.create: an annotation with id ${a.id} already exists with other content; nothing was saved.`, existing);
    }
    checkPlace(db, a);
    const at = modifiedStamp(db, now);
    prepared(
      db,
      `INSERT INTO user_annotations (id, plan_id, item_id, kind, part, language, selectors_json, color, body, anchor_status,
         created_at, modified_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ).run(
      a.id,
      a.planId,
      a.itemId,
      a.kind,
      a.target?.part ?? null,
      a.target?.language ?? null,
      a.target ? selectorsJson(a.target.selectors) : null,
      a.color,
      a.body,
      a.target ? 'anchored' : null,
      at,
      at,
    );
    writeTags(db, a.id, a.tags);
    recordState(db, a.id, 'edit', now);
    return readAnnotation(db, a.id)!;
  });
}

/** The stored annotation when `baseRevision` is its revision; else a CONFLICT with it (or null: gone). */
function current(db: Db, method: string, id: string, baseRevision: number): Annotation {
  const stored = readAnnotation(db, id);
  if (stored?.revision === baseRevision) return stored;
  throw new StaleWriteError(
    stored
      ? `${method}: the annotation was changed elsewhere (it is at revision ${stored.revision}, this change was made on ` +
          `revision ${baseRevision}); nothing was saved.`
      : `${method}: there is no annotation ${id} (an annotation is removed only by emptying the trash); nothing was saved.`,
    stored,
  );
}

/** The time a write stamps on an annotation: after every other live annotation's, so the list
 *  sorted "last changed first" keeps the order of the writes within one millisecond. */
function modifiedStamp(db: Db, now: Date): string {
  return stampAfterLatest(db, 'user_annotations', 'modified_at', now, 'deleted_at IS NULL');
}

function bump(db: Db, id: string, now: Date): void {
  prepared(db, 'UPDATE user_annotations SET modified_at = ?, revision = revision + 1 WHERE id = ?').run(modifiedStamp(db, now), id);
}

export function updateAnnotation(db: Db, id: string, baseRevision: number, patch: AnnotationPatch, now = new Date()): Annotation {
  return writeTransaction(db, () => {
    const stored = current(db, 'annotation.update', id, baseRevision);
    if (stored.deletedAt !== null) throw new AppError('BAD_REQUEST', `annotation.update: the annotation is in the trash; restore it first. Nothing was saved.`);
    if (patch.color !== undefined && stored.kind === 'note') {
      throw new AppError('BAD_REQUEST', 'patch.color: a note has no colour (only highlights do); nothing was saved.');
    }
    const body = patch.body !== undefined && patch.body !== stored.body;
    const color = patch.color !== undefined && patch.color !== stored.color;
    const tags = patch.tags !== undefined && !sameTags(patch.tags, stored.tags);
    if (!body && !color && !tags) return stored;
    if (body) prepared(db, 'UPDATE user_annotations SET body = ? WHERE id = ?').run(patch.body, id);
    if (color) prepared(db, 'UPDATE user_annotations SET color = ? WHERE id = ?').run(patch.color, id);
    if (tags) writeTags(db, id, patch.tags!);
    bump(db, id, now);
    recordState(db, id, 'edit', now, body && !color && !tags);
    return readAnnotation(db, id)!;
  });
}

/** Moves to the trash (trash: true) or takes out of it. */
export function trashAnnotation(db: Db, id: string, baseRevision: number, trash: boolean, now = new Date()): Annotation {
  const at = now.toISOString();
  return writeTransaction(db, () => {
    const stored = current(db, trash ? 'annotation.delete' : 'annotation.restore', id, baseRevision);
    if ((stored.deletedAt !== null) === trash) return stored;
    prepared(db, 'UPDATE user_annotations SET deleted_at = ? WHERE id = ?').run(trash ? at : null, id);
    bump(db, id, now);
    recordState(db, id, trash ? 'trash' : 'untrash', now);
    return readAnnotation(db, id)!;
  });
}

/** Removes every annotation in the trash, with its tags and history. */
export function emptyTrash(db: Db): { removed: number } {
  return writeTransaction(db, () => {
    prepared(
      db,
      'DELETE FROM user_annotation_tags WHERE annotation_id IN (SELECT id FROM user_annotations WHERE deleted_at IS NOT NULL)',
    ).run();
    prepared(
      db,
      'DELETE FROM user_annotation_revisions WHERE annotation_id IN (SELECT id FROM user_annotations WHERE deleted_at IS NOT NULL)',
    ).run();
    return { removed: prepared(db, 'DELETE FROM user_annotations WHERE deleted_at IS NOT NULL').run().changes };
  });
}

interface RevisionRow {
  revision: number;
  body: string;
  color: HighlightColor | null;
  tags_json: string;
  saved_at: string;
  reason: AnnotationRevision['reason'];
}

const toRevision = (r: RevisionRow): AnnotationRevision => ({
  revision: r.revision,
  body: r.body,
  color: r.color,
  tags: JSON.parse(r.tags_json) as string[],
  savedAt: r.saved_at,
  reason: r.reason,
});

/** Every saved state, newest first. */
export function annotationHistory(db: Db, id: string): AnnotationRevision[] {
  return readTransaction(db, () => {
    getAnnotation(db, id);
    const rows = prepared(
      db,
      'SELECT revision, body, color, tags_json, saved_at, reason FROM user_annotation_revisions WHERE annotation_id = ? ORDER BY revision DESC',
    ).all(id) as RevisionRow[];
    return rows.map(toRevision);
  });
}

/** Makes an earlier saved state the current one: a new revision, the history keeps all. */
export function restoreRevision(db: Db, id: string, baseRevision: number, revision: number, now = new Date()): Annotation {
  return writeTransaction(db, () => {
    const stored = current(db, 'annotation.restoreRevision', id, baseRevision);
    if (stored.deletedAt !== null) throw new AppError('BAD_REQUEST', 'annotation.restoreRevision: the annotation is in the trash; restore it first.');
    const row = prepared(
      db,
      'SELECT revision, body, color, tags_json, saved_at, reason FROM user_annotation_revisions WHERE annotation_id = ? AND revision = ?',
    ).get(id, revision) as RevisionRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `revision: the annotation has no saved state ${revision} in its history`);
    const saved = toRevision(row);
    prepared(db, 'UPDATE user_annotations SET body = ?, color = coalesce(?, color) WHERE id = ?').run(saved.body, saved.color, id);
    writeTags(db, id, saved.tags);
    bump(db, id, now);
    recordState(db, id, 'restore', now);
    return readAnnotation(db, id)!;
  });
}

// --- The list ---------------------------------------------------------------------------

const DEFAULT_LIMIT = 200;

// 'text': plan, the item's place in reading order (items that are gone last), notes on the plan
// first and notes on an item before its highlights, the headline before the body, the Chinese
// text before the English, then the position in the text.
const ORDER: Record<NonNullable<AnnotationQuery['sort']>, string> = {
  text: `a.plan_id, a.item_id IS NOT NULL, k.initiative_id IS NULL, k.theme_ordinal, k.ordinal, a.item_id,
    a.kind = 'highlight', a.part = 'body', a.language = 'en',
    json_extract(a.selectors_json, '$.position.start'), a.created_at, a.id`,
  modified: 'a.modified_at DESC, a.id',
  created: 'a.created_at DESC, a.id',
};

export function listAnnotations(db: Db, query: AnnotationQuery): AnnotationPage {
  const clauses = [query.trashed ? 'a.deleted_at IS NOT NULL' : 'a.deleted_at IS NULL'];
  const params: unknown[] = [];
  const eq = (column: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  eq('a.plan_id', query.planId);
  eq('a.item_id', query.itemId);
  eq('a.kind', query.kind);
  eq('a.color', query.color);
  eq('a.anchor_status', query.anchor);
  if (query.tag !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM user_annotation_tags t WHERE t.annotation_id = a.id AND t.tag = ?)');
    params.push(query.tag);
  }
  const where = `WHERE ${clauses.join(' AND ')}`;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  return readTransaction(db, () => {
    const rows = prepared(
      db,
      `SELECT ${ANNOTATION_COLUMNS} FROM user_annotations a
       LEFT JOIN initiative_sort_keys k ON k.initiative_id = a.item_id
       ${where} ORDER BY ${ORDER[query.sort ?? 'text']} LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as AnnotationRow[];
    const total = (prepared(db, `SELECT count(*) AS n FROM user_annotations a ${where}`).get(...params) as { n: number }).n;
    // The names of the few plans and items a page is on, read once each rather than per row.
    const plans = new Map([...new Set(rows.map((r) => r.plan_id))].map((id) => [id, planTitle(db, id)?.title ?? id]));
    const itemIds = [...new Set(rows.flatMap((r) => (r.item_id === null ? [] : [r.item_id])))];
    const items = new Map(
      (
        prepared(db, 'SELECT id, numeral, headline FROM initiatives WHERE id IN (SELECT value FROM json_each(?))').all(
          JSON.stringify(itemIds),
        ) as { id: string; numeral: string | null; headline: string | null }[]
      ).map((i) => [i.id, i]),
    );
    const entries: AnnotationEntry[] = rows.map((r) => {
      const item = r.item_id === null ? undefined : items.get(r.item_id);
      // Completed in place: a copy per entry costs more than the SQL on a panel of 500.
      const entry = toAnnotation(r) as AnnotationEntry;
      entry.planTitle = plans.get(r.plan_id)!;
      entry.itemNumeral = item?.numeral ?? null;
      entry.itemHeadline = item?.headline ?? null;
      return entry;
    });
    return { entries, total };
  });
}

// --- Colour names ------------------------------------------------------------------------

export function colorNames(db: Db): ColorNames {
  const rows = prepared(db, 'SELECT color, name FROM user_annotation_color_names').all() as { color: HighlightColor; name: string }[];
  const names: ColorNames = {};
  for (const c of HIGHLIGHT_COLORS) {
    const row = rows.find((r) => r.color === c);
    if (row) names[c] = row.name;
  }
  return names;
}

/** Replaces the names: a colour absent or named '' is unnamed. */
export function setColorNames(db: Db, names: ColorNames, now = new Date()): ColorNames {
  const at = now.toISOString();
  return writeTransaction(db, () => {
    for (const c of HIGHLIGHT_COLORS) {
      const name = names[c]?.trim() ?? '';
      if (name === '') {
        prepared(db, 'DELETE FROM user_annotation_color_names WHERE color = ?').run(c);
      } else {
        prepared(
          db,
          `INSERT INTO user_annotation_color_names (color, name, modified_at) VALUES (?, ?, ?)
           ON CONFLICT (color) DO UPDATE SET name = excluded.name, modified_at = excluded.modified_at, revision = revision + 1
           WHERE name <> excluded.name`,
        ).run(c, name, at);
      }
    }
    return colorNames(db);
  });
}
