// The plan library (library.list / update / trash / restore / purge). The reader's record of a
// plan — a rename, tags, the trash — is user data in user_plan_state, keyed by plan id with no
// foreign key into plan content, with a revision: an update names the revision it was made on,
// and one made on an older revision is refused with the current record (StaleWriteError).
// Trash is that record's trashed_at: the plan's content stays until it is purged from the
// trash. Purging deletes the plan's content only; the reader's records on its items (and on
// the plan) stay keyed by their ids, so importing the same file again — whose content-hash ids
// are the same — brings them back.
import { refreshInitiativeSearch } from '../../search/initiative-index';
import { AppError, StaleWriteError } from '../../../../shared/api/result';
import type { LibraryEntry, LibraryMethods } from '../../../../shared/api/library/methods';
import type { SourceFormat } from '../../../../shared/domain/document';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readTransaction, writeTransaction } from '../../db/transaction';
import { DONE_STATUS } from '../dashboard';
import { EMBEDDED_PLAN } from '../../plan/embedded';
import { supersededSql } from '../versions/lineage';

type LibraryPatch = LibraryMethods['library.update']['args']['patch'];

/** The reader's own record of a plan (user data: it outlives the plan's content). */
interface PlanState {
  planId: string;
  /** null: the plan's own title. */
  title: string | null;
  tags: string[];
  trashedAt: string | null;
  revision: number;
  touchedAt: string | null;
}

interface PlanRow {
  id: string;
  originalTitle: string;
  customTitle: string | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  format: SourceFormat | null;
  fileName: string | null;
  importedAt: string;
  tagsJson: string | null;
  trashedAt: string | null;
  revision: number | null;
}

interface CountRow {
  planId: string;
  n: number;
}

// The reader's values on items, per plan: each filled field of an item's record, each tag,
// each note or highlight. Driven from the reader's rows (CROSS JOIN keeps that order), each
// finding its item's plan in initiative_sort_keys (small rows keyed by item id): the cost
// follows the reader's values, not the size of the library.
const STATE_VALUES = `SELECT i.plan_id AS planId,
    count(s.status) AS withStatus, coalesce(sum(s.status = ?), 0) AS done,
    coalesce(sum((s.status IS NOT NULL) + (s.priority IS NOT NULL) + (s.lead_unit IS NOT NULL)
      + (s.responsible_units IS NOT NULL) + (s.deadline IS NOT NULL) + (s.progress_note IS NOT NULL)), 0) AS n
  FROM user_initiative_state s CROSS JOIN initiative_sort_keys i ON i.initiative_id = s.initiative_id`;
const TAG_VALUES = `SELECT i.plan_id AS planId, count(*) AS n
  FROM user_initiative_tags g CROSS JOIN initiative_sort_keys i ON i.initiative_id = g.initiative_id`;
// Annotations carry their plan (notes on the plan itself count too); those in the trash do not.
const NOTE_VALUES = `SELECT i.plan_id AS planId, count(*) AS n
  FROM (SELECT plan_id FROM user_annotations WHERE deleted_at IS NULL) i`;

/** The plans in the library, or (trash: true) those in the trash; newest import first. */
export function listLibrary(db: Db, options: { trash?: boolean } = {}): LibraryEntry[] {
  return readTransaction(db, () => libraryEntries(db, options.trash ? 'trash' : 'library'));
}

/** One plan's entry, trashed or not. */
export function libraryEntry(db: Db, planId: string): LibraryEntry | null {
  return libraryEntries(db, planId)[0] ?? null;
}

function libraryEntries(db: Db, which: 'library' | 'trash' | string): LibraryEntry[] {
  const where =
    which === 'library' ? `WHERE s.trashed_at IS NULL AND NOT ${supersededSql('p')}` : which === 'trash' ? 'WHERE s.trashed_at IS NOT NULL' : 'WHERE p.id = ?';
  const one = which !== 'library' && which !== 'trash';
  const params = one ? [which] : [];
  const plans = prepared(
    db,
    `SELECT p.id, p.title AS originalTitle, s.title AS customTitle, p.issuer, p.doc_number AS docNumber,
       coalesce(p.doc_date, substr(p.published_at, 1, 10)) AS date, p.format, p.file_name AS fileName,
       p.imported_at AS importedAt, s.tags_json AS tagsJson, s.trashed_at AS trashedAt, s.revision
     FROM plans p LEFT JOIN user_plan_state s ON s.plan_id = p.id ${where}
     ORDER BY p.imported_at DESC, p.id`,
  ).all(...params) as PlanRow[];
  // Per-plan counts in one grouped pass each (not one query per plan: the library may hold
  // thousands), restricted to the one plan when only one is asked for.
  const filter = (column: string): string => (one ? `WHERE ${column} = ?` : '');
  const countBy = (sql: string, ...args: unknown[]): Map<string, number> =>
    new Map((prepared(db, sql).all(...args, ...params) as CountRow[]).map((r) => [r.planId, r.n]));
  const themes = countBy(`SELECT plan_id AS planId, count(*) AS n FROM themes ${filter('plan_id')} GROUP BY plan_id`);
  const items = countBy(`SELECT plan_id AS planId, count(*) AS n FROM initiatives ${filter('plan_id')} GROUP BY plan_id`);
  const states = new Map(
    (
      prepared(db, `${STATE_VALUES} ${filter('i.plan_id')} GROUP BY i.plan_id`).all(DONE_STATUS, ...params) as (CountRow & {
        withStatus: number;
        done: number;
      })[]
    ).map((r) => [r.planId, r]),
  );
  const tags = countBy(`${TAG_VALUES} ${filter('i.plan_id')} GROUP BY i.plan_id`);
  const notes = countBy(`${NOTE_VALUES} ${filter('i.plan_id')} GROUP BY i.plan_id`);
  const translations = new Map<string, string[]>();
  for (const r of prepared(db, `SELECT plan_id AS planId, language FROM plan_translations ${filter('plan_id')} ORDER BY language`).all(
    ...params,
  ) as { planId: string; language: string }[]) {
    translations.set(r.planId, [...(translations.get(r.planId) ?? []), r.language]);
  }
  const versions = new Map(
    (
      prepared(
        db,
        `SELECT v.plan_id AS planId, v.version AS number, (SELECT count(*) FROM plan_versions w WHERE w.lineage_id = v.lineage_id) AS count
         FROM plan_versions v ${filter('v.plan_id')}`,
      ).all(...params) as { planId: string; number: number; count: number }[]
    ).map(({ planId, ...v }) => [planId, v]),
  );
  return plans.map((p) => {
    const state = states.get(p.id);
    const version = versions.get(p.id);
    return {
      id: p.id,
      title: p.customTitle ?? p.originalTitle,
      originalTitle: p.originalTitle,
      issuer: p.issuer,
      docNumber: p.docNumber,
      date: p.date,
      format: p.id === EMBEDDED_PLAN.id ? 'embedded' : (p.format ?? 'txt'),
      fileName: p.fileName,
      importedAt: p.importedAt,
      themeCount: themes.get(p.id) ?? 0,
      itemCount: items.get(p.id) ?? 0,
      progress: { withStatus: state?.withStatus ?? 0, done: state?.done ?? 0 },
      tags: p.tagsJson ? (JSON.parse(p.tagsJson) as string[]) : [],
      trashedAt: p.trashedAt,
      revision: p.revision ?? 0,
      readerValues: (state?.n ?? 0) + (tags.get(p.id) ?? 0) + (notes.get(p.id) ?? 0),
      translations: translations.get(p.id) ?? [],
      ...(version ? { version } : {}),
    };
  });
}

/** The reader's record of a plan (revision 0 when there is none yet). */
function readPlanState(db: Db, planId: string): PlanState {
  const row = prepared(
    db,
    `SELECT title, tags_json AS tagsJson, trashed_at AS trashedAt, revision, touched_at AS touchedAt
     FROM user_plan_state WHERE plan_id = ?`,
  ).get(planId) as { title: string | null; tagsJson: string; trashedAt: string | null; revision: number; touchedAt: string } | undefined;
  return row
    ? { planId, title: row.title, tags: JSON.parse(row.tagsJson) as string[], trashedAt: row.trashedAt, revision: row.revision, touchedAt: row.touchedAt }
    : { planId, title: null, tags: [], trashedAt: null, revision: 0, touchedAt: null };
}

/** How many values the reader put on a plan's items. */
export function readerValueCount(db: Db, planId: string): number {
  const state = prepared(db, `${STATE_VALUES} WHERE i.plan_id = ?`).get(DONE_STATUS, planId) as { n: number };
  const tags = prepared(db, `${TAG_VALUES} WHERE i.plan_id = ?`).get(planId) as { n: number };
  const notes = prepared(db, `${NOTE_VALUES} WHERE i.plan_id = ?`).get(planId) as { n: number };
  return state.n + tags.n + notes.n;
}

function requirePlan(db: Db, method: string, planId: string): void {
  if (prepared(db, 'SELECT 1 AS found FROM plans WHERE id = ?').get(planId) === undefined) {
    throw new AppError('NOT_FOUND', `${method}: no plan with id ${planId}`);
  }
}

/** Writes the reader's record after checking it is still at baseRevision. */
function writeState(
  db: Db,
  method: string,
  planId: string,
  baseRevision: number,
  change: (state: PlanState) => Pick<PlanState, 'title' | 'tags' | 'trashedAt'>,
  now: Date,
): LibraryEntry {
  return writeTransaction(db, () => {
    requirePlan(db, method, planId);
    const current = readPlanState(db, planId);
    if (current.revision !== baseRevision) {
      throw new StaleWriteError(
        `${method}: plan ${planId} was changed elsewhere (it is at revision ${current.revision}, this edit was made on ` +
          `revision ${baseRevision}); nothing was saved.`,
        libraryEntry(db, planId),
      );
    }
    const next = change(current);
    prepared(
      db,
      `INSERT INTO user_plan_state (plan_id, title, tags_json, trashed_at, revision, touched_at) VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (plan_id) DO UPDATE SET title = excluded.title, tags_json = excluded.tags_json,
         trashed_at = excluded.trashed_at, revision = revision + 1, touched_at = excluded.touched_at`,
    ).run(planId, next.title, JSON.stringify(next.tags), next.trashedAt, now.toISOString());
    // Read inside the write transaction: the entry is the record this write committed.
    return libraryEntry(db, planId)!;
  });
}

/** library.update: rename (null: back to the plan's title) and retag a plan. */
export function updateLibraryPlan(db: Db, planId: string, baseRevision: number, patch: LibraryPatch, now = new Date()): LibraryEntry {
  return writeState(
    db,
    'library.update',
    planId,
    baseRevision,
    (s) => ({
      title: patch.title === undefined ? s.title : patch.title?.trim() || null,
      tags: patch.tags === undefined ? s.tags : [...new Set(patch.tags.map((t) => t.trim()).filter(Boolean))],
      trashedAt: s.trashedAt,
    }),
    now,
  );
}

/** library.trash: moves a plan to the trash. A plan carrying the reader's values needs confirm. */
export function trashPlan(db: Db, planId: string, baseRevision: number, confirm = false, now = new Date()): LibraryEntry {
  return writeState(
    db,
    'library.trash',
    planId,
    baseRevision,
    (s) => {
      if (s.trashedAt !== null) throw new AppError('BAD_REQUEST', `library.trash: plan ${planId} is already in the trash`);
      const values = readerValueCount(db, planId);
      if (values > 0 && !confirm) {
        throw new AppError(
          'BAD_REQUEST',
          `library.trash: plan ${planId} carries ${values} value${values === 1 ? '' : 's'} of yours (statuses, fields, tags, ` +
            'notes); confirm to move it to the trash. Nothing was changed.',
        );
      }
      return { title: s.title, tags: s.tags, trashedAt: now.toISOString() };
    },
    now,
  );
}

/** library.restore: takes a plan out of the trash. */
export function restorePlan(db: Db, planId: string, baseRevision: number, now = new Date()): LibraryEntry {
  return writeState(
    db,
    'library.restore',
    planId,
    baseRevision,
    (s) => {
      if (s.trashedAt === null) throw new AppError('BAD_REQUEST', `library.restore: plan ${planId} is not in the trash`);
      return { title: s.title, tags: s.tags, trashedAt: null };
    },
    now,
  );
}

/**
 * library.purge: deletes a trashed plan's content (its tree, items, lists, translations, search
 * documents, files — all by cascade). The reader's records stay: on the items, keyed by item id;
 * on the plan, its record stays trashed so it is not shown, until the same file is imported again.
 */
export function purgePlan(db: Db, planId: string, baseRevision: number): void {
  writeTransaction(db, () => {
    requirePlan(db, 'library.purge', planId);
    const current = readPlanState(db, planId);
    if (current.revision !== baseRevision) {
      throw new StaleWriteError(
        `library.purge: plan ${planId} was changed elsewhere (it is at revision ${current.revision}, this was asked on ` +
          `revision ${baseRevision}); nothing was deleted.`,
        libraryEntry(db, planId),
      );
    }
    if (current.trashedAt === null) {
      throw new AppError('BAD_REQUEST', `library.purge: plan ${planId} is not in the trash; move it there first`);
    }
    prepared(db, 'DELETE FROM plans WHERE id = ?').run(planId);
    // Its rows leave the initiatives' search index (named by their rows' triggers).
    refreshInitiativeSearch(db);
  });
}
