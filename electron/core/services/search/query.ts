// Search everywhere. Each needle (word or phrase, see parse.ts) is looked up in the full-text
// index and checked exactly against the normalized text (search/match.ts: the hits are what a
// plain substring search finds). A hit is an item — its plan text, its English, the reader's
// fields and tags on it, the notes on it — or a plan (its title and the notes on the plan as a
// whole); it must contain every needle somewhere in the sources searched and no exclusion.
//
// Ranking: BM25 per matching text (idf of the needle over the indexed texts; the index keeps no
// counts, so each text counts once, normalized by its length with b), weighted by field — title and
// headline above tags and theme above body, fields and notes — summed over the item; an item
// where the words occur side by side, as the phrase typed, gets the phrase's score again.
import type {
  SearchField,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchResult,
  SearchSource,
} from '../../../../shared/api/search/methods';
import type { Db } from '../../db/open';
import { placeholders, prepared } from '../../db/statements';
import { readTransaction } from '../../db/transaction';
import { matchingDocsSql } from '../../search/match';
import { planTitleSql } from '../table/plans';
import { supersededSql } from '../versions/lineage';
import { parseQuery } from './parse';
import { snippet } from './snippet';

/** Index fields by the source they belong to (the index's own names). */
const SOURCE_FIELDS: Record<SearchSource, readonly string[]> = {
  plan: ['title', 'theme', 'headline', 'body'],
  translation: ['headline_en', 'body_en'],
  notes: ['leadUnit', 'responsibleUnits', 'progressNote', 'tags', 'note', 'noteTags'],
};

/** The contract's name and source of each index field. */
const FIELD_INFO: Record<string, { field: SearchField; source: SearchSource; weight: number }> = {
  title: { field: 'title', source: 'plan', weight: 4 },
  headline: { field: 'headline', source: 'plan', weight: 4 },
  theme: { field: 'theme', source: 'plan', weight: 2 },
  body: { field: 'body', source: 'plan', weight: 1 },
  headline_en: { field: 'headline_en', source: 'translation', weight: 4 },
  body_en: { field: 'body_en', source: 'translation', weight: 1 },
  leadUnit: { field: 'fields', source: 'notes', weight: 1 },
  responsibleUnits: { field: 'fields', source: 'notes', weight: 1 },
  progressNote: { field: 'fields', source: 'notes', weight: 1 },
  tags: { field: 'tags', source: 'notes', weight: 2 },
  note: { field: 'note', source: 'notes', weight: 1 },
  noteTags: { field: 'tags', source: 'notes', weight: 2 },
};

export const BM25 = { k1: 1.2, b: 0.75, averageLength: 120 };

interface DocHit {
  planId: string;
  itemId: string | null;
  themeId: string | null;
  field: string;
  annotationId: string | null;
  len: number;
  tf: number;
}

/** The SQL (and its parameters) finding every text of `fields` containing the normalized,
 *  non-empty needle, with its item or plan: one row per text (DocHit). The index keeps no
 *  counts (detail=none), so a text counts once (tf 1); its length is stored beside it. The
 *  matches are MATERIALIZED: the three joins below read them once, not an index lookup each;
 *  CROSS JOIN keeps the matches as the outer loop of the notes' join (left to the planner it
 *  scanned every note and probed the matches, which grows with the notes, not the hits); an
 *  item's plan and theme come from the small index search_initiative_units (migration 0008). */
export function needleSql(needle: string, fields: readonly string[]): { sql: string; params: unknown[] } {
  const docs = matchingDocsSql(needle, fields);
  const sql = `
    WITH m AS MATERIALIZED (SELECT d.key AS key, d.field AS field, d.len AS len ${docs.sql})
    SELECT i.plan_id AS planId, i.id AS itemId, i.theme_id AS themeId, m.field, NULL AS annotationId, m.len, 1 AS tf
      FROM m JOIN initiatives i INDEXED BY search_initiative_units ON i.id = m.key WHERE m.field NOT IN ('title', 'note', 'noteTags')
    UNION ALL
    SELECT a.plan_id, a.item_id, i.theme_id, m.field, a.id, m.len, 1
      FROM m CROSS JOIN user_annotations a ON a.id = m.key AND a.deleted_at IS NULL
      JOIN plans p ON p.id = a.plan_id LEFT JOIN initiatives i INDEXED BY search_initiative_units ON i.id = a.item_id
      WHERE m.field IN ('note', 'noteTags') AND (a.item_id IS NULL OR i.id IS NOT NULL)
    UNION ALL
    SELECT p.id, NULL, NULL, m.field, NULL, m.len, 1 FROM m JOIN plans p ON p.id = m.key WHERE m.field = 'title'`;
  return { sql, params: docs.params };
}

/** Every text (of `fields`) containing the normalized needle, with its item or plan. */
export function needleHits(db: Db, needle: string, fields: readonly string[]): DocHit[] {
  if (needle === '' || fields.length === 0) return [];
  const { sql, params } = needleSql(needle, fields);
  return prepared(db, sql).all(...params) as DocHit[];
}

const unitKey = (h: { planId: string; itemId: string | null }): string => h.itemId ?? `plan:${h.planId}`;

interface Unit {
  planId: string;
  itemId: string | null;
  themeId: string | null;
  score: number;
  docs: Map<string, { field: string; annotationId: string | null; score: number }>;
}

export function searchedFields(filters: SearchFilters): string[] {
  const sources = filters.sources?.length ? filters.sources : (['plan', 'translation', 'notes'] as const);
  return sources.flatMap((s) => SOURCE_FIELDS[s]);
}

/** Plans searched: in the filter (or all), not in the trash, current versions unless allVersions. */
function plansInScope(db: Db, filters: SearchFilters): Set<string> {
  const rows = prepared(
    db,
    `SELECT p.id FROM plans p LEFT JOIN user_plan_state u ON u.plan_id = p.id
     WHERE u.trashed_at IS NULL AND (? OR NOT ${supersededSql('p')})`,
  )
    .pluck()
    .all(filters.allVersions ? 1 : 0) as string[];
  const named = filters.planIds?.length ? new Set(filters.planIds) : null;
  return new Set(rows.filter((id) => !named || named.has(id)));
}

function bm25(idf: number, tf: number, len: number): number {
  const { k1, b, averageLength } = BM25;
  return (idf * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * len) / averageLength));
}

/** The units meeting the filters that are not about text (plan scope, theme, status, tags). */
function passesFilters(db: Db, units: Map<string, Unit>, filters: SearchFilters): void {
  const plans = plansInScope(db, filters);
  const themes = filters.themeIds?.length ? new Set(filters.themeIds) : null;
  for (const [key, u] of units) {
    if (!plans.has(u.planId) || (themes && (u.themeId === null || !themes.has(u.themeId)))) units.delete(key);
  }
  if (filters.statuses?.length) {
    const wanted = new Set(filters.statuses);
    const status = new Map(
      (prepared(db, 'SELECT initiative_id AS id, status FROM user_initiative_state WHERE status IS NOT NULL').all() as {
        id: string;
        status: string;
      }[]).map((r) => [r.id, r.status]),
    );
    for (const [key, u] of units) {
      if (u.itemId === null || !wanted.has(status.get(u.itemId) ?? null)) units.delete(key);
    }
  }
  if (filters.tags?.length) {
    const tags = filters.tags;
    const has = new Map<string, Set<string>>();
    const add = (key: string, tag: string) => has.set(key, (has.get(key) ?? new Set()).add(tag));
    for (const r of prepared(db, `SELECT initiative_id AS id, tag FROM user_initiative_tags WHERE tag IN (${placeholders(tags.length)})`).all(
      ...tags,
    ) as { id: string; tag: string }[]) {
      add(r.id, r.tag);
    }
    for (const r of prepared(
      db,
      `SELECT a.plan_id AS planId, a.item_id AS itemId, t.tag FROM user_annotation_tags t JOIN user_annotations a ON a.id = t.annotation_id
       WHERE a.deleted_at IS NULL AND t.tag IN (${placeholders(tags.length)})`,
    ).all(...tags) as { planId: string; itemId: string | null; tag: string }[]) {
      add(unitKey(r), r.tag);
    }
    for (const r of prepared(db, "SELECT plan_id AS planId, tags_json AS json FROM user_plan_state WHERE tags_json <> '[]'").all() as {
      planId: string;
      json: string;
    }[]) {
      for (const tag of JSON.parse(r.json) as string[]) if (tags.includes(tag)) add(`plan:${r.planId}`, tag);
    }
    for (const [key] of units) {
      const got = has.get(key);
      if (!got || !tags.every((t) => got.has(t))) units.delete(key);
    }
  }
}

/** Total number of indexed texts, for the idf. */
function documentCount(db: Db): number {
  return (prepared(db, 'SELECT max(id) AS n FROM search_docs').get() as { n: number | null }).n ?? 1;
}

/** Scores and orders the units matching a parsed query (every hit, not a page). */
export function rankUnits(db: Db, needles: readonly string[], excluded: readonly string[], filters: SearchFilters): Unit[] {
  const fields = searchedFields(filters);
  const n = documentCount(db);
  let units: Map<string, Unit> | null = null;
  for (const needle of needles) {
    const hits = needleHits(db, needle, fields);
    const idf = Math.log(1 + (n - hits.length + 0.5) / (hits.length + 0.5));
    const found = new Map<string, Unit>();
    for (const h of hits) {
      const key = unitKey(h);
      if (units && !units.has(key)) continue;
      const unit =
        found.get(key) ??
        (units?.get(key) || { planId: h.planId, itemId: h.itemId, themeId: h.themeId, score: 0, docs: new Map() });
      found.set(key, unit);
      const s = FIELD_INFO[h.field]!.weight * bm25(idf, h.tf, h.len);
      unit.score += s;
      const docKey = `${h.field}\u0000${h.annotationId ?? ''}`;
      const doc = unit.docs.get(docKey) ?? { field: h.field, annotationId: h.annotationId, score: 0 };
      doc.score += s;
      unit.docs.set(docKey, doc);
    }
    units = found;
    if (units.size === 0) break;
  }
  if (!units) return [];
  for (const needle of excluded) {
    for (const h of needleHits(db, needle, fields)) units.delete(unitKey(h));
  }
  passesFilters(db, units, filters);
  if (needles.length > 1 && units.size > 0) {
    // The words side by side as typed: a phrase match scores again (with the phrase's own idf).
    const joined = [...new Set([needles.join(' '), needles.join('')])];
    for (const phrase of joined) {
      const hits = needleHits(db, phrase, fields);
      const idf = Math.log(1 + (n - hits.length + 0.5) / (hits.length + 0.5));
      for (const h of hits) {
        const unit = units.get(unitKey(h));
        if (unit) unit.score += FIELD_INFO[h.field]!.weight * bm25(idf, h.tf, h.len) * needles.length;
      }
    }
  }
  return [...units.values()].sort((a, b) => b.score - a.score || compareIds(a, b));
}

function compareIds(a: Unit, b: Unit): number {
  const ka = `${a.planId}\u0000${a.itemId ?? ''}`;
  const kb = `${b.planId}\u0000${b.itemId ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The weight × BM25 shape of one hit row (`len`, `field` columns) without its idf (tf 1), in SQL. */
function hitScoreSql(): string {
  const { k1, b, averageLength } = BM25;
  const weight = `CASE field ${Object.entries(FIELD_INFO)
    .map(([f, info]) => `WHEN '${f}' THEN ${info.weight}`)
    .join(' ')} END`;
  return `(${weight}) * ${k1 + 1} / (1 + ${k1} * (${1 - b} + ${b} * len / ${averageLength}.0))`;
}

/** Whether one query can be ranked and paged in SQL (rankedPage): one needle (so no phrase
 *  bonus), no exclusions and no filter but the plans and sources. The rest is ranked in JS. */
function pagedInSql(needles: readonly string[], excluded: readonly string[], filters: SearchFilters): boolean {
  return needles.length === 1 && excluded.length === 0 && !filters.themeIds?.length && !filters.statuses?.length && !filters.tags?.length;
}

/** The SQL of rankedPage (also the bench's raw figure): the page's units ordered by score
 *  without the idf (the same factor for every unit of one needle), the total, and the number of
 *  hit texts (for the idf). */
export function rankedPageSql(db: Db, needle: string, filters: SearchFilters, offset: number, limit: number): { sql: string; params: unknown[] } {
  const { sql, params } = needleSql(needle, searchedFields(filters));
  return {
    sql: `WITH h AS MATERIALIZED (${sql}),
     u AS (SELECT planId, itemId, max(themeId) AS themeId, sum(${hitScoreSql()}) AS s,
             group_concat(field || char(1) || coalesce(annotationId, '') || char(1) || (${hitScoreSql()}), char(2)) AS docs
           FROM h WHERE planId IN (SELECT value FROM json_each(?)) GROUP BY planId, itemId)
     SELECT planId, itemId, themeId, s, docs, count(*) OVER () AS total, (SELECT count(*) FROM h) AS hits
     FROM u ORDER BY s DESC, planId, coalesce(itemId, '') LIMIT ? OFFSET ?`,
    params: [...params, JSON.stringify([...plansInScope(db, filters)]), limit, offset],
  };
}

/**
 * The page of units for one needle, ranked in SQL: the same scores and order as rankUnits, but
 * only the page's units (with their matching texts) come back to JS, and the total is counted
 * there. With a common needle (a character in most texts) that is what keeps a search from
 * growing with its hits in JS: returning one row per hit cost more than finding them.
 */
function rankedPage(db: Db, needle: string, filters: SearchFilters, offset: number, limit: number): { units: Unit[]; total: number } {
  const page = rankedPageSql(db, needle, filters, offset, limit);
  const rows = prepared(db, page.sql).all(...page.params) as {
    planId: string;
    itemId: string | null;
    themeId: string | null;
    s: number;
    docs: string;
    total: number;
    hits: number;
  }[];
  if (rows.length === 0) {
    // Past the last page: the total still counts.
    const total = offset > 0 ? rankedPage(db, needle, filters, 0, 1).total : 0;
    return { units: [], total };
  }
  const n = documentCount(db);
  const idf = Math.log(1 + (n - rows[0]!.hits + 0.5) / (rows[0]!.hits + 0.5));
  const units = rows.map((r): Unit => {
    const docs = new Map<string, { field: string; annotationId: string | null; score: number }>();
    for (const d of r.docs.split('\u0002')) {
      const [field, annotationId, score] = d.split('\u0001') as [string, string, string];
      docs.set(`${field}\u0000${annotationId}`, { field, annotationId: annotationId || null, score: idf * Number(score) });
    }
    return { planId: r.planId, itemId: r.itemId, themeId: r.themeId, score: idf * r.s, docs };
  });
  return { units, total: rows[0]!.total };
}

export function searchQuery(db: Db, query: SearchQuery): SearchResult {
  const parsed = parseQuery(query.text);
  const needles = [...parsed.terms, ...parsed.phrases];
  if (needles.length === 0) {
    return { hits: [], total: 0, totalExact: true, parsed, message: parsed.excluded.length ? 'only-exclusions' : 'empty' };
  }
  return readTransaction(db, () => {
    if (pagedInSql(needles, parsed.excluded, query.filters)) {
      const { units, total } = rankedPage(db, needles[0]!, query.filters, query.offset, query.limit);
      const texts = new TextReader(db);
      return { hits: units.map((u) => toHit(db, u, needles, texts)), total, totalExact: true, parsed };
    }
    const units = rankUnits(db, needles, parsed.excluded, query.filters);
    const page = units.slice(query.offset, query.offset + query.limit);
    const texts = new TextReader(db);
    return { hits: page.map((u) => toHit(db, u, needles, texts)), total: units.length, totalExact: true, parsed };
  });
}

interface UnitRow {
  planTitle: string;
  version: number;
  themeHeadline: string | null;
  numeral: string | null;
  headline: string | null;
}

function toHit(db: Db, u: Unit, needles: readonly string[], texts: TextReader): SearchHit {
  const row = prepared(
    db,
    `SELECT ${planTitleSql('p')} AS planTitle, coalesce(v.version, 1) AS version, t.headline AS themeHeadline,
       i.numeral AS numeral, i.headline AS headline
     FROM plans p LEFT JOIN plan_versions v ON v.plan_id = p.id LEFT JOIN initiatives i ON i.id = ?
     LEFT JOIN themes t ON t.id = i.theme_id WHERE p.id = ?`,
  ).get(u.itemId, u.planId) as UnitRow;
  const docs = [...u.docs.values()].sort((a, b) => b.score - a.score).slice(0, 3);
  return {
    planId: u.planId,
    planTitle: row.planTitle,
    version: row.version,
    themeId: u.themeId,
    themeHeadline: row.themeHeadline,
    itemId: u.itemId,
    numeral: row.numeral,
    headline: row.headline,
    matches: docs.map((d) => {
      const info = FIELD_INFO[d.field]!;
      const text = texts.read(u, d.field, d.annotationId);
      return {
        field: info.field,
        source: info.source,
        ...(d.annotationId ? { annotationId: d.annotationId } : {}),
        snippet: snippet(text, needles),
      };
    }),
    score: u.score,
  };
}

/** The stored (not normalized) text of one field of a hit, for its snippet. */
class TextReader {
  private translations = new Map<string, Record<string, { headline?: string; body?: string[] }>>();
  constructor(private readonly db: Db) {}

  read(u: { planId: string; itemId: string | null }, field: string, annotationId: string | null): string {
    const db = this.db;
    const one = (sql: string, ...params: unknown[]): string =>
      ((prepared(db, `${sql} -- search: plucked`).pluck().get(...params) as string | null | undefined) ?? '');
    const list = (sql: string, ...params: unknown[]): string => (prepared(db, `${sql} -- search: plucked`).pluck().all(...params) as string[]).join(' · ');
    switch (field) {
      case 'title':
        return one('SELECT title FROM plans WHERE id = ?', u.planId);
      case 'headline':
      case 'body':
        return one(`SELECT ${field} FROM initiatives WHERE id = ?`, u.itemId);
      case 'theme':
        return one('SELECT t.headline FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.id = ?', u.itemId);
      case 'headline_en':
      case 'body_en': {
        const t = this.translation(u.planId)[u.itemId ?? ''];
        return (field === 'headline_en' ? t?.headline : t?.body?.join(' ')) ?? '';
      }
      case 'leadUnit':
        return one('SELECT lead_unit FROM user_initiative_state WHERE initiative_id = ?', u.itemId);
      case 'responsibleUnits':
        return one('SELECT responsible_units FROM user_initiative_state WHERE initiative_id = ?', u.itemId);
      case 'progressNote':
        return one('SELECT progress_note FROM user_initiative_state WHERE initiative_id = ?', u.itemId);
      case 'tags':
        return list('SELECT tag FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid', u.itemId);
      case 'note':
        return one('SELECT body FROM user_annotations WHERE id = ?', annotationId);
      case 'noteTags':
        return list('SELECT tag FROM user_annotation_tags WHERE annotation_id = ? ORDER BY rowid', annotationId);
      default:
        return '';
    }
  }

  private translation(planId: string): Record<string, { headline?: string; body?: string[] }> {
    let t = this.translations.get(planId);
    if (!t) {
      const json = prepared(this.db, "SELECT json FROM plan_translations WHERE plan_id = ? AND language = 'en' -- search: plucked").pluck().get(planId) as
        | string
        | undefined;
      t = json ? ((JSON.parse(json) as { initiatives?: typeof t }).initiatives ?? {}) : {};
      this.translations.set(planId, t);
    }
    return t;
  }
}

