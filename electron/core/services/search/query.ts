// Search everywhere. Each needle (word or phrase, see parse.ts) is looked up in the full-text
// index and checked exactly against the normalized text (search/match.ts: the hits are what a
// plain substring search finds). A hit is a unit — an item (its plan text, its English, the
// reader's fields and tags on it, the notes on it) or a plan (its title and the notes on the plan
// as a whole); it must contain every needle somewhere in the sources searched and no exclusion.
//
// Ranking, by a unit's best text rather than a sum over its texts, so that a page can be found
// without reading every hit:
//  - A text's static score is weight(field) × BM25's length normalization (search/score.ts: title
//    and headline above tags and theme above body, fields and notes; shorter texts above longer
//    ones). The needle's idf is the same factor for every text of one needle, so it is left out.
//  - One needle: a unit ranks by its best text containing the needle.
//  - Several: first the units with a text holding the words side by side as typed (the phrase,
//    see phraseOf), by their best such text; then the rest, by their best text
//    containing the driving needle — the one with the fewest candidate texts, so the walk below
//    checks the fewest units for the other needles.
//  - Ties go to the text written later (the higher id).
// The ranking tests on the fixed list (headline above body, the exact phrase above scattered
// words) hold under this rule; a sum let a unit with many weak texts (an item with fifty notes
// each saying 数字) outrank its headline match, and made every hit count.
//
// How: text ids are in static-score order (score.ts), so the index read backwards by id gives a
// needle's texts best first; the first time a unit shows up is at its best text. The walk reads
// texts in that order, resolves each to its unit in the same statement (initiatives through the
// small index search_initiative_units, notes through their row), keeps the first appearance of
// each unit that passes the filters, and stops once the page (offset + limit) is filled and at
// least EXACT_ROWS texts have been read. A walk that runs out before that counted every hit:
// the total is exact. Otherwise the total is an estimate from a sample of the whole index
// (estimateUnits: the driving needle's candidates counted in a few rowid windows per score
// code, × the units per candidate from a few dozen candidates checked as the walk checks them)
// and `totalExact` is false. So a term in every one of a million notes costs a page of texts
// and a fixed sample, not a million joins and a sort, nor a count of a million candidates; a
// rare or selective term is still counted exactly.
import type {
  SearchField,
  SearchFilters,
  SearchHit,
  SearchQuery,
  SearchResult,
  SearchSource,
} from '../../../../shared/api/search/methods';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readTransaction } from '../../db/transaction';
import { fieldCode, fieldListSql, fieldNameSql, keyTextSql, keyValueSql } from '../../search/documents';
import { hasNeedleSql, matchingDocsSql } from '../../search/match';
import { ideographSources, ideographsOnly } from '../../search/normalize';
import { ID_SEQ, scoreOfId } from '../../search/score';
import { SOURCE_TEXT_SQL, sourceTextSql } from '../../search/source-text';
import { matchExpression } from '../../search/tokens';
import { keptPerStamp, planTitleSql } from '../table/plans';
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
const FIELD_INFO: Record<string, { field: SearchField; source: SearchSource }> = {
  title: { field: 'title', source: 'plan' },
  headline: { field: 'headline', source: 'plan' },
  theme: { field: 'theme', source: 'plan' },
  body: { field: 'body', source: 'plan' },
  headline_en: { field: 'headline_en', source: 'translation' },
  body_en: { field: 'body_en', source: 'translation' },
  leadUnit: { field: 'fields', source: 'notes' },
  responsibleUnits: { field: 'fields', source: 'notes' },
  progressNote: { field: 'fields', source: 'notes' },
  tags: { field: 'tags', source: 'notes' },
  note: { field: 'note', source: 'notes' },
  noteTags: { field: 'tags', source: 'notes' },
};

const NOTE_FIELDS = new Set(['note', 'noteTags']);

/** Texts read before a walk may stop with an estimated total (when the page is filled). Below
 *  it every hit is counted: a query with up to this many candidate texts gets an exact total. */
export const EXACT_ROWS = 500;

/** Added to the score of a unit holding the phrase as typed: above any static score (≤ 6.8). */
const PHRASE_TIER = 10;

/** Candidate texts counted when choosing the driving needle (enough to tell rare from common). */
const DRIVE_CAP = 5000;

export function searchedFields(filters: SearchFilters): string[] {
  const sources = filters.sources?.length ? filters.sources : (['plan', 'translation', 'notes'] as const);
  return sources.flatMap((s) => SOURCE_FIELDS[s]);
}

/** A document's key as text (needed for a note's or a plan's key; an item's key is always stored
 *  as text, so item joins use d.key as it is), and the codes of the fields that are no item's own text. */
const KEY = keyTextSql('d.key');
const NOT_ITEM = fieldListSql(['title', 'note', 'noteTags']);
const NOTE = fieldListSql(['note', 'noteTags']);
/** An item's plan: the part of its id before the first '/' (an item's id begins with its plan's
 *  id and a '/', as the index's plan ranges assume: documents.ts; a plan id has no '/'). So
 *  search_initiative_units need not carry plan_id. */
const ITEM_PLAN = "substr(i.id, 1, instr(i.id, '/') - 1)";

// ---- Running SQL, with an optional log the bench replays as its "raw" figure. ----

/** One statement a search ran: its SQL, parameters, how it was read, and the rows read. */
export interface SqlStep {
  sql: string;
  params: unknown[];
  mode: 'all' | 'get' | 'iterate';
  rows: number;
}

class Sql {
  constructor(
    readonly db: Db,
    private readonly log?: SqlStep[],
  ) {}

  all<T>(sql: string, params: unknown[]): T[] {
    const rows = prepared(this.db, sql).all(...params) as T[];
    this.log?.push({ sql, params, mode: 'all', rows: rows.length });
    return rows;
  }

  get<T>(sql: string, params: unknown[]): T | undefined {
    const row = prepared(this.db, sql).get(...params) as T | undefined;
    this.log?.push({ sql, params, mode: 'get', rows: row === undefined ? 0 : 1 });
    return row;
  }

  /** Rows one at a time; the log records how many the caller read before it stopped. Without a
   *  log, better-sqlite3's own iterator (as the replay reads it), not a generator around it. */
  iterate<T>(sql: string, params: unknown[]): IterableIterator<T> {
    const rows = prepared(this.db, sql).iterate(...params) as IterableIterator<T>;
    if (!this.log) return rows;
    const step: SqlStep = { sql, params, mode: 'iterate', rows: 0 };
    this.log.push(step);
    return (function* () {
      for (const row of rows) {
        step.rows++;
        yield row;
      }
    })();
  }
}

/** Runs logged statements again as they ran (an iteration stops after the rows it read then). */
export function replaySql(db: Db, steps: readonly SqlStep[]): number {
  let rows = 0;
  for (const s of steps) {
    const statement = prepared(db, s.sql);
    if (s.mode === 'all') rows += statement.all(...s.params).length;
    else if (s.mode === 'get') rows += statement.get(...s.params) === undefined ? 0 : 1;
    else {
      let n = 0;
      if (s.rows > 0) {
        for (const _ of statement.iterate(...s.params)) if (++n >= s.rows) break;
      }
      rows += n;
    }
  }
  return rows;
}

// ---- Scope and the walk over the index. ----

/** Plans searched: in the filter (or all), not in the trash, current versions unless allVersions. */
function plansInScope(sql: Sql, filters: SearchFilters): string[] {
  const rows = sql.all<{ id: string }>(
    `SELECT p.id AS id FROM plans p LEFT JOIN user_plan_state u ON u.plan_id = p.id
     WHERE u.trashed_at IS NULL AND (? OR NOT ${supersededSql('p')})`,
    [filters.allVersions ? 1 : 0],
  );
  const named = filters.planIds?.length ? new Set(filters.planIds) : null;
  return rows.map((r) => r.id).filter((id) => !named || named.has(id));
}

/** The plans searched as the walk's SQL tests them: a plan id in the JSON list `json` (`not`:
 *  not in it). With plans named, the list of those in scope (plansInScope); without, the list
 *  of the plans out of scope — trashed, or superseded unless allVersions — which is usually
 *  empty: read from the trash's index and the few plans with versions, where the plans in scope
 *  were every plan of the library read and looked up in a list per statement (at 2,000 plans
 *  about 1.2 ms a search, and the list's index built again by each statement that tests it). */
interface Scope {
  not: boolean;
  json: string;
}

function scopeOf(sql: Sql, filters: SearchFilters): Scope {
  if (filters.planIds?.length) return { not: false, json: JSON.stringify(plansInScope(sql, filters)) };
  const rows = sql.all<{ id: string }>(
    `SELECT plan_id AS id FROM user_plan_state WHERE trashed_at IS NOT NULL
     UNION SELECT p.id FROM (SELECT plan_id AS id FROM plan_versions) p WHERE NOT ? AND ${supersededSql('p')}`,
    [filters.allVersions ? 1 : 0],
  );
  return { not: true, json: JSON.stringify(rows.map((r) => r.id)) };
}

/** A text found by the walk, with its unit. */
interface WalkRow {
  id: number;
  field: string;
  planId: string;
  itemId: string | null;
  themeId: string | null;
}

const unitKey = (h: { planId: string; itemId: string | null }): string => h.itemId ?? `plan:${h.planId}`;

/** The FTS5 expression for texts containing any of `needles`, whether the index decides it
 *  alone, or null when one needle has no indexable character (every text is a candidate). */
function anyOfExpression(needles: readonly string[]): { match: string; exact: boolean } | null {
  const exprs = needles.map(matchExpression);
  if (exprs.some((e) => e === null)) return null;
  const list = exprs as { match: string; exact: boolean }[];
  return {
    match: list.length === 1 ? list[0]!.match : list.map((e) => `(${e.match})`).join(' OR '),
    exact: list.every((e) => e.exact),
  };
}

/** The walk's pieces: each text with its unit (select, joins) and whether it passes (where:
 *  of a field searched, its unit still there, in a plan in scope; check: holds a needle). */
function walkParts(needles: readonly string[], fields: readonly string[], scope: Scope) {
  // A note's body from its row joined below (a: the note of a note's text, its body the same);
  // a needle of common ideographs by instr on the text as stored (hasNeedleSql), as the units'
  // texts are checked, search_has only for a text holding a character folding into it.
  const checks = needles.map((n) => hasNeedleSql(sourceTextSql('a.body'), n));
  const check = { sql: `(${checks.map((c) => c.sql).join(' OR ')})`, params: checks.flatMap((c) => c.params) };
  const select = `SELECT d.id AS id, ${fieldNameSql('d.field')} AS field, coalesce(${ITEM_PLAN}, a.plan_id, ${KEY}) AS planId,
      coalesce(i.id, a.item_id) AS itemId, coalesce(i.theme_id, ai.theme_id) AS themeId`;
  const joins = `
    LEFT JOIN initiatives i INDEXED BY search_initiative_units ON i.id = d.key AND d.field NOT IN (${NOT_ITEM})
    LEFT JOIN user_annotations a ON a.id = ${KEY} AND d.field IN (${NOTE}) AND a.deleted_at IS NULL
    LEFT JOIN initiatives ai INDEXED BY search_initiative_units ON ai.id = a.item_id`;
  const unitExists = `CASE WHEN d.field = ${fieldCode('title')} THEN 1
      WHEN d.field IN (${NOTE}) THEN a.id IS NOT NULL AND (a.item_id IS NULL OR ai.id IS NOT NULL)
      ELSE i.id IS NOT NULL END`;
  const where = `d.field IN (${fieldListSql(fields)}) AND ${unitExists}
      AND coalesce(${ITEM_PLAN}, a.plan_id, ${KEY}) ${scope.not ? 'NOT IN' : 'IN'} (SELECT value FROM json_each(?))`;
  return { expr: anyOfExpression(needles), check, select, joins, where };
}

/**
 * The walk: texts of `fields` in plans of `scope` containing any of `needles`, best static
 * score first (the id, see score.ts), each with its unit. FTS5 is the outer loop (CROSS JOIN)
 * and returns rowids in descending order itself, so the statement yields its first rows without
 * reading the rest; the unit comes from search_initiative_units for an item's texts and from
 * the note's row for a note. The plan list is read once into a temporary index.
 */
function walkSql(needles: readonly string[], fields: readonly string[], scope: Scope): { sql: string; params: unknown[] } {
  const { expr, check, select, joins, where } = walkParts(needles, fields, scope);
  if (!expr) {
    return {
      sql: `${select} FROM search_doc_ids d ${joins} WHERE ${where} AND ${check.sql} ORDER BY d.id DESC`,
      params: [scope.json, ...check.params],
    };
  }
  return {
    sql: `${select} FROM search_fts f CROSS JOIN search_doc_ids d ON d.id = f.rowid ${joins}
      WHERE search_fts MATCH ? AND ${where}${expr.exact ? '' : ` AND ${check.sql}`} ORDER BY f.rowid DESC`,
    params: [expr.match, scope.json, ...(expr.exact ? [] : check.params)],
  };
}

/** Candidate texts of a needle (the index's count; at most `cap` when given). */
function candidateCount(sql: Sql, needle: string, cap?: number): number {
  const expr = matchExpression(needle);
  if (!expr) return sql.get<{ n: number }>('SELECT count(*) AS n FROM search_doc_ids', [])!.n;
  const inner = `SELECT 1 FROM search_fts WHERE search_fts MATCH ?${cap === undefined ? '' : ' LIMIT ?'}`;
  return sql.get<{ n: number }>(`SELECT count(*) AS n FROM (${inner})`, cap === undefined ? [expr.match] : [expr.match, cap])!.n;
}

/** Candidates the estimate counts inside FTS5, about: a needle with at most this many is
 *  counted whole (one cursor), else this many ids of the index in windows (below). Counting
 *  costs about the candidates counted (a fraction of a microsecond each) plus a seek per window
 *  into each segment of the index, where counting every candidate of a term in a million notes
 *  took over 100 ms. */
const COUNT_CAP = 16_000;

/** Windows of the index the estimate counts (beside the small score codes, counted whole), and
 *  candidates it checks as a walk checks them at most (each a unit read). */
const WINDOWS = 16;
const SAMPLES = 128;
/** Candidates checked at least, and the standard error (÷ the mean) at which checking stops. */
const MIN_SAMPLES = 32;
const PRECISION = 0.04;

/** The codes of the texts' ids (score.ts) with their highest seq — how many texts were given
 *  ids of that code — found by skipping down the primary key a code at a time. */
const CODES_SQL = `WITH RECURSIVE c(top) AS (
    SELECT (SELECT max(id) FROM search_doc_ids)
    UNION ALL
    SELECT (SELECT max(id) FROM search_doc_ids WHERE id < (c.top / ${ID_SEQ}) * ${ID_SEQ}) FROM c WHERE c.top IS NOT NULL)
  SELECT top / ${ID_SEQ} AS code, top % ${ID_SEQ} AS n FROM c WHERE top IS NOT NULL`;

/** The rowid ranges the estimate counts, each with the texts it stands for per text it holds:
 *  the whole index as one range when the needle has at most `cap` candidates (one capped
 *  count tells), else the smallest codes, up to half of `cap` texts, whole (neighbours as one
 *  range: the ids between codes are empty) and the others in WINDOWS windows of `cap` ÷ 2 ÷
 *  WINDOWS ids, shared out by their texts and evenly spaced in each. */
function sampleRanges(sql: Sql, expr: { match: string } | null, cap: number): { from: number; to: number; scale: number }[] {
  const codes = sql.all<{ code: number; n: number }>(CODES_SQL, []);
  if (codes.length === 0) return [];
  const all = { from: codes[codes.length - 1]!.code * ID_SEQ + 1, to: (codes[0]!.code + 1) * ID_SEQ, scale: 1 };
  const few = expr
    ? sql.get<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)', [expr.match, cap + 1])!.n <= cap
    : codes.reduce((n, c) => n + c.n, 0) <= cap;
  if (few) return [all];
  const texts = codes.reduce((n, c) => n + c.n, 0);
  const whole = new Set<number>();
  let counted = 0;
  for (const c of [...codes].sort((x, y) => x.n - y.n)) {
    if (counted + c.n > cap / 2) break;
    whole.add(c.code);
    counted += c.n;
  }
  const rest = texts - counted;
  const width = Math.max(1, Math.floor(cap / 2 / WINDOWS));
  const ranges: { from: number; to: number; scale: number }[] = [];
  let run: { from: number; to: number; scale: number } | null = null;
  for (const c of codes) {
    const first = c.code * ID_SEQ + 1;
    if (whole.has(c.code)) {
      // Codes come highest first: a run grows downwards.
      if (run) run.from = first;
      else ranges.push((run = { from: first, to: first + c.n, scale: 1 }));
      continue;
    }
    run = null;
    const m = Math.max(1, Math.round((WINDOWS * c.n) / Math.max(1, rest)));
    const w = Math.max(1, Math.min(width, Math.floor(c.n / m)));
    for (let j = 0; j < m; j++) {
      const at = Math.min(c.n - w, Math.max(0, Math.round(((j + 0.5) * c.n) / m - w / 2)));
      ranges.push({ from: first + at, to: first + at + w, scale: c.n / (m * w) });
    }
  }
  return ranges;
}

/**
 * About how many units a walk stopped early would have found. A term is not spread evenly over
 * the index's order (headlines first, notes last: a word in every note is rarer in headlines),
 * so neither the texts the walk read first nor an extrapolation from them stand for the rest
 * (that read a word in every note about a third low). So the estimate samples the whole index,
 * stratified by score code (CODES_SQL: the texts of a code are ids code × 2^27 + 1…n):
 *  1. Candidates (sampleRanges): a needle with at most `cap` is counted whole. Else the
 *     smallest codes, up to half of `cap` texts, are counted whole (neighbours as one rowid
 *     range: the ids between codes are empty), the others in WINDOWS windows of `cap` ÷ 2 ÷
 *     WINDOWS ids, shared out by their texts and evenly spaced in each, a window standing for
 *     its share of its code. FTS5 counts a rowid range by a seek and a count of the candidates
 *     in it, however common the term; each range is a cursor (a fixed cost per segment of the
 *     index), so there are few. One statement, which also brings back about SAMPLES candidate
 *     ids of each range, spread over it.
 *  2. Units per candidate: up to SAMPLES of those candidates, shared out by the candidates each
 *     range stands for, are checked as the walk checks them: does the text pass (its field,
 *     its unit, its plan, and the needle itself, which the index alone cannot tell for three
 *     characters or more), is its unit kept (other needles, exclusions, filters). A candidate
 *     counts 1/n for a kept unit with n texts holding the needle (each of them would count the
 *     unit again), else 0. Checking stops once the mean is known to PRECISION.
 * The estimate is, summed over the ranges, the candidates a range stands for × the mean count of
 * its sampled candidates (a range with none sampled: the mean over all).
 */
function estimateUnits(
  sql: Sql,
  drive: string,
  fields: readonly string[],
  scope: Scope,
  cap: number,
  keptUnit: (row: WalkRow) => boolean,
  units: Units,
): number {
  const expr = matchExpression(drive);
  const ranges = sampleRanges(sql, expr, cap);
  if (ranges.length === 0) return 0;
  const within = expr
    ? 'FROM search_fts f WHERE search_fts MATCH @match AND f.rowid >= r.value ->> 0 AND f.rowid < r.value ->> 1'
    : 'FROM search_doc_ids f WHERE f.rowid >= r.value ->> 0 AND f.rowid < r.value ->> 1';
  // Per range: its candidates, and the ids of about SAMPLES of them, the ranks k whose golden-
  // ratio hash (k × 2654435761 mod 2^32, Knuth's) falls below SAMPLES ÷ n of its range: spread
  // over the range like evenly spaced ranks, but never in step with a pattern of the texts (a
  // pick every third rank read texts alternating in and out as all out).
  const counts = sql.all<{ first: string | null }>(
    `SELECT (SELECT max(n) || ' ' || coalesce(group_concat(id) FILTER (WHERE k * 2654435761 % 4294967296 < ${SAMPLES} * 4294967296 / n), '')
        FROM (SELECT f.rowid AS id, row_number() OVER (ORDER BY f.rowid) AS k, count(*) OVER () AS n ${within})) AS first
     FROM json_each(@ranges) r`,
    [{ ...(expr ? { match: expr.match } : {}), ranges: JSON.stringify(ranges.map((r) => [r.from, r.to])) }],
  );
  const found = counts.map((c) => {
    const [n, list] = (c.first ?? '0 ').split(' ');
    return { n: Number(n) || 0, ids: list ? list.split(',').map(Number) : [] };
  });
  const weights = ranges.map((r, k) => found[k]!.n * r.scale);
  const candidates = weights.reduce((x, y) => x + y, 0);
  if (candidates === 0) return 0;
  // SAMPLES shared out by weight (systematically: the k-th at (k + ½) × candidates ÷ SAMPLES).
  const picked = ranges.map(() => [] as number[]);
  let before = 0;
  let k = 0;
  for (let r = 0; r < ranges.length; r++) {
    before += weights[r]!;
    let take = 0;
    while (k < SAMPLES && ((k + 0.5) * candidates) / SAMPLES < before) {
      k++;
      take++;
    }
    const list = found[r]!.ids;
    picked[r] = Array.from({ length: Math.min(take, list.length) }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / take)]!);
  }
  const ids = picked.flat();
  if (ids.length === 0) return 0;
  // The picked candidates as the walk sees them (their units), and whether the walk passes them.
  const { check, select, joins, where } = walkParts([drive], fields, scope);
  const exact = expr?.exact ?? false;
  const rows = sql.all<WalkRow & { pass: number }>(
    `${select}, (${where}${exact ? '' : ` AND ${check.sql}`}) AS pass FROM search_doc_ids d ${joins} WHERE d.id IN (SELECT value FROM json_each(?))`,
    [scope.json, ...(exact ? [] : check.params), JSON.stringify(ids)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const perText = (id: number): number => {
    const row = byId.get(id);
    if (!row?.pass || !keptUnit(row)) return 0;
    return 1 / Math.max(1, units.textsOf(row).filter((t) => units.holds(t, [drive])).length);
  };
  // The picks in golden-ratio order of their place (any first few are spread over the ranges as
  // all of them are), checked until the mean's standard error is under PRECISION of it (a term
  // whose units hold it in as many texts each needs few; units holding it in one text or in
  // fifty, many) or all are.
  const order = picked
    .flatMap((list, r) => list.map((id) => ({ id, r })))
    .map((p, k) => ({ ...p, at: (k * 0.6180339887498949) % 1 }))
    .sort((a, b) => a.at - b.at);
  const sums = ranges.map(() => 0);
  const seen = ranges.map(() => 0);
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const [at, p] of order.entries()) {
    // The units of the next MIN_SAMPLES picks read together (what perText and keptUnit read).
    if (at % MIN_SAMPLES === 0) {
      units.load(order.slice(at, at + MIN_SAMPLES).flatMap((q) => (byId.get(q.id)?.pass ? [byId.get(q.id)!] : [])));
    }
    const g = perText(p.id);
    sums[p.r] = sums[p.r]! + g;
    seen[p.r] = seen[p.r]! + 1;
    n++;
    sum += g;
    squares += g * g;
    const mean = sum / n;
    if (n >= MIN_SAMPLES && mean > 0 && Math.sqrt(Math.max(0, squares / n - mean * mean) / n) < PRECISION * mean) break;
  }
  const means = sums.map((x, r): number | null => (seen[r] ? x / seen[r]! : null));
  const sampled = means.reduce<number>((x, m, r) => x + (m === null ? 0 : weights[r]!), 0);
  const overall = means.reduce<number>((x, m, r) => x + (m === null ? 0 : m * weights[r]!), 0) / Math.max(1e-9, sampled);
  return Math.round(weights.reduce((x, w, r) => x + w * (means[r] ?? overall), 0));
}

// ---- Estimates remembered. ----

/**
 * Estimated totals kept per connection (of the last queries asked) by everything an estimate
 * depends on (the needles, the fields, the filters, the sample's size), while the data stays as
 * it is (keptPerStamp): the next page of the same search, or the same text asked again, does
 * not sample the index again. The sample is drawn the same way every time (no randomness), so a
 * remembered estimate is the one a new sample would give.
 */
const estimates = keptPerStamp<number>(16);

/** Forgets the remembered estimates of a connection (the bench times the first page's own). */
export const forgetEstimates = estimates.forget;

/** The needle with the fewest candidate texts (then the longest, then the first typed). */
export function drivingNeedle(db: Db, needles: readonly string[]): string {
  return pickDriving(new Sql(db), needles);
}

function pickDriving(sql: Sql, needles: readonly string[]): string {
  if (needles.length === 1) return needles[0]!;
  let best = needles[0]!;
  let bestCount = Infinity;
  for (const n of needles) {
    const count = matchExpression(n) ? candidateCount(sql, n, DRIVE_CAP) : Infinity;
    if (count < bestCount || (count === bestCount && n.length > best.length)) {
      best = n;
      bestCount = count;
    }
  }
  return best;
}

const LATIN_END = /[a-z0-9]$/;
const LATIN_START = /^[a-z0-9]/;

/** The phrase of several needles, side by side as a reader writes them: with a space between
 *  two Latin words (business environment), run together otherwise (数字改革, 5g基站). One
 *  phrase, not both forms: '数字 改革' with its space is a candidate wherever both words are
 *  (the index has no positions), so walking it read every text holding the two common words. */
export function phraseOf(needles: readonly string[]): string {
  return needles.reduce((phrase, n) => (LATIN_END.test(phrase) && LATIN_START.test(n) ? `${phrase} ${n}` : phrase + n));
}

// ---- One unit's texts, read only for the units a walk keeps (or a page shows). ----

interface UnitText {
  /** Its document's id; 0 for a note's text until Units.withIds reads it (for those holding a needle). */
  id: number;
  field: string;
  annotationId: string | null;
  /** Character k is '1' when the text contains the k-th needle of Units.needles. */
  mask: string;
}

const unitTextsSqls = new Map<string, string>();

/** Characters folding into a needle's ideographs beyond which its notes are checked in
 *  JavaScript (the SQL's shape follows their count; a needle of 一 or 十 has many). */
const MAX_SOURCES = 4;

/** SQL: the texts of the units in the JSON @units ([itemId or null, planId] each) of the fields
 *  given, each with its unit's key (unitKey) and the mask of needles @n0… it holds: an item's
 *  own texts and its notes, a plan's title and its notes on the plan as a whole. Built once per
 *  shape (the text-reading expression is long: building and hashing it per call is not free).
 *
 *  A note's texts are read from its row as the index wrote them (source-docs.ts: every live
 *  annotation's body is its 'note' text, its tags its 'noteTags'), without their document's id
 *  (0; Units.withIds reads it for the few a page shows): which texts of a unit hold a needle is
 *  all the estimate and the other needles ask, and a note's id costs two more lookups in large
 *  indexes (its key in search_doc_ids, then the note again by that key) — at a million notes,
 *  most of a search's time went there. A body that normalizes to nothing has no document; it is
 *  still a row here, holding no needle. */
function unitTextsSql(
  itemFields: readonly string[],
  planFields: readonly string[],
  noteFields: readonly string[],
  needles: number,
  sources: readonly number[] | null,
): string {
  const shape = JSON.stringify([itemFields, planFields, noteFields, needles, sources]);
  let sql = unitTextsSqls.get(shape);
  if (sql) return sql;
  const needleList = Array.from({ length: needles }, (_, k) => `@n${k}`).join(', ');
  const mask = `search_mask(${SOURCE_TEXT_SQL}, ${needleList})`;
  const text = (unit: string, annotation: string) => `SELECT ${unit} AS unit, d.id AS id, ${fieldNameSql('d.field')} AS field, ${annotation} AS annotationId, ${mask} AS mask`;
  // A note's body against needles of ideographs only: SQLite's instr on the text as stored, the
  // same answer as search_mask's (normalize.ts: ideographsOnly) unless the text holds one of
  // the characters that fold into the needle's (@s<k>_<j>, `sources[k]` of them), and a call
  // into JavaScript (most of a note's cost) only for those.
  const maskOf = (col: string): string =>
    sources
      ? sources
          .map((count, k) => {
            const found = `instr(${col}, @n${k}) > 0`;
            if (count === 0) return `iif(${found}, '1', '0')`;
            const folded = Array.from({ length: count }, (_, j) => `instr(${col}, @s${k}_${j}) > 0`).join(' OR ');
            return `CASE WHEN ${found} THEN '1' WHEN ${folded} THEN iif(search_has(${col}, @n${k}), '1', '0') ELSE '0' END`;
          })
          .join(' || ')
      : `search_mask(${col}, ${needleList})`;
  const bodyMask = maskOf('a.body');
  const ofItem = 'a.item_id = u.item AND a.deleted_at IS NULL WHERE u.item IS NOT NULL';
  const ofPlan = 'a.plan_id = u.plan AND a.item_id IS NULL AND a.deleted_at IS NULL WHERE u.item IS NULL';
  // A note's body and its tags in one pass over the unit's notes: the tags (most notes have
  // none) by a seek into their key per note, whose row is already read, where a second pass
  // joining every note to its tags read each note's row again (about a tenth of the statement's
  // time at a million notes, for no row). tagMask is NULL for a note without tags (no text).
  const body = noteFields.includes('note') ? bodyMask : 'NULL';
  const tags = noteFields.includes('noteTags')
    ? `(SELECT search_mask(group_concat(t.tag, char(0)), ${needleList}) FROM user_annotation_tags t WHERE t.annotation_id = a.id HAVING count(*) > 0)`
    : 'NULL';
  const noteTexts = (unit: string, of: string): string[] =>
    noteFields.length ? [`SELECT ${unit} AS unit, 0 AS id, 'note' AS field, a.id AS annotationId, ${body} AS mask, ${tags} AS tagMask FROM u JOIN user_annotations a ON ${of}`] : [];
  // An item's own texts the same way: each read once into `own` (the CTE is materialized, so
  // the instr checks do not each read the text again), where search_mask normalizing every
  // headline and body in JavaScript was about a fifth of the statement at a million notes.
  const units = 'u(item, plan) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each(@units))';
  const ownTexts = sources
    ? `WITH ${units}, own AS MATERIALIZED (SELECT u.item AS unit, d.id AS id, d.field AS f, ${SOURCE_TEXT_SQL} AS body
        FROM u JOIN search_doc_ids d ON d.key = u.item AND d.field IN (${fieldListSql(itemFields)}) WHERE u.item IS NOT NULL)`
    : `WITH ${units}`;
  const itemTexts = sources
    ? `SELECT unit, id, ${fieldNameSql('f')} AS field, NULL AS annotationId, ${maskOf('body')} AS mask, NULL AS tagMask FROM own`
    : `${text('u.item', 'NULL')}, NULL AS tagMask FROM u JOIN search_doc_ids d ON d.key = u.item AND d.field IN (${fieldListSql(itemFields)}) WHERE u.item IS NOT NULL`;
  // Only the texts holding a needle come back: which of a unit's texts hold one is all that is
  // asked of them (an item with hundreds of notes holds a needle in a few dozen), and each row
  // is an object made in JavaScript.
  sql = `${ownTexts}
    SELECT * FROM (${[
      itemTexts,
      `${text("'plan:' || u.plan", 'NULL')}, NULL AS tagMask FROM u JOIN search_doc_ids d ON d.key = ${keyValueSql('u.plan')} AND d.field IN (${fieldListSql(planFields)}) WHERE u.item IS NULL`,
      ...noteTexts('u.item', ofItem),
      ...noteTexts("'plan:' || u.plan", ofPlan),
    ].join('\n    UNION ALL\n    ')})
    WHERE instr(mask, '1') > 0 OR instr(tagMask, '1') > 0`;
  unitTextsSqls.set(shape, sql);
  return sql;
}

/** Reads a unit's texts (of the fields searched) and answers the unit-level questions: does it
 *  contain a needle anywhere, does it pass the status and tag filters. Which needles each text
 *  holds is answered in SQL (search_mask, one normalization of the text for every needle), so
 *  the texts themselves never come back to JavaScript. */
class Units {
  private texts = new Map<string, UnitText[]>();
  private readonly itemFields: string[];
  private readonly planFields: string[];
  private readonly noteFields: string[];
  /** When every needle is of ideographs only, the characters folding into each needle's (a
   *  note's body is checked in SQL: unitTextsSql). */
  private readonly sources: string[][] | null;
  /** Texts of units read so far (what a walk spends beside its rows). */
  loads = 0;

  constructor(
    private readonly sql: Sql,
    fields: readonly string[],
    /** Every needle a unit may be asked about. */
    readonly needles: readonly string[],
  ) {
    this.itemFields = fields.filter((f) => !NOTE_FIELDS.has(f) && f !== 'title');
    this.planFields = fields.filter((f) => f === 'title');
    this.noteFields = fields.filter((f) => NOTE_FIELDS.has(f));
    const sources = needles.map((n) => (ideographsOnly(n) ? [...new Set(Array.from(n).flatMap(ideographSources))] : null));
    this.sources = sources.every((s) => s !== null && s.length <= MAX_SOURCES) ? (sources as string[][]) : null;
  }

  /** The unit's texts with which needles each holds (a note's without its document id). */
  textsOf(u: { planId: string; itemId: string | null }): UnitText[] {
    let list = this.texts.get(unitKey(u));
    if (!list) {
      this.load([u]);
      list = this.texts.get(unitKey(u))!;
    }
    return list;
  }

  /** Reads the document ids of the units' note texts that hold a needle (the texts a hit
   *  shows), all in one statement: few, where a unit may have hundreds of notes. */
  withIds(list: readonly { planId: string; itemId: string | null }[]): void {
    this.load(list);
    const missing = list.flatMap((u) => this.textsOf(u).filter((t) => t.id === 0 && t.mask.includes('1')));
    if (missing.length === 0) return;
    const rows = this.sql.all<{ k: number; id: number }>(
      `SELECT j.key AS k, d.id AS id FROM json_each(?) j JOIN search_doc_ids d ON d.key = ${keyValueSql("j.value ->> 0")} AND d.field = j.value ->> 1`,
      [JSON.stringify(missing.map((t) => [t.annotationId, fieldCode(t.field)]))],
    );
    for (const r of rows) missing[r.k]!.id = r.id;
  }

  /** Reads the texts of every unit of `list` not read yet, all in one statement: a statement's
   *  fixed cost (its JavaScript around SQLite and its cursors) paid once for a batch of units
   *  (the estimate's sample, a page's hits) rather than once a unit. */
  load(list: readonly { planId: string; itemId: string | null }[]): void {
    const missing = new Map<string, [string | null, string]>();
    for (const u of list) if (!this.texts.has(unitKey(u))) missing.set(unitKey(u), [u.itemId, u.planId]);
    if (missing.size === 0) return;
    const rows = this.sql.all<UnitText & { unit: string; tagMask: string | null }>(unitTextsSql(this.itemFields, this.planFields, this.noteFields, this.needles.length, this.sources && this.sources.map((s) => s.length)), [
      {
        units: JSON.stringify([...missing.values()]),
        ...Object.fromEntries(this.needles.map((n, k) => [`n${k}`, n])),
        ...Object.fromEntries((this.sources ?? []).flatMap((list, k) => list.map((c, j) => [`s${k}_${j}`, c]))),
      },
    ]);
    for (const key of missing.keys()) this.texts.set(key, []);
    const noteBody = this.noteFields.includes('note');
    for (const { unit, tagMask, ...text } of rows) {
      const list = this.texts.get(unit)!;
      // A note's row stands for its body (when searched) and its tags (when it has any).
      if (text.field !== 'note' || noteBody) list.push(text);
      if (tagMask !== null) list.push({ id: 0, field: 'noteTags', annotationId: text.annotationId, mask: tagMask });
    }
    this.loads += missing.size;
  }

  /** Whether a text holds any of `needles` (each one given to the constructor). */
  holds(t: UnitText, needles: readonly string[]): boolean {
    for (const n of needles) if (t.mask[this.needles.indexOf(n)] === '1') return true;
    return false;
  }

  has(u: { planId: string; itemId: string | null }, needle: string): boolean {
    return this.textsOf(u).some((t) => this.holds(t, [needle]));
  }

  status(itemId: string): string | null {
    return this.sql.get<{ status: string | null }>('SELECT status FROM user_initiative_state WHERE initiative_id = ?', [itemId])?.status ?? null;
  }

  /** The unit's tags: its item's tags and its notes' tags, or the plan's tags and its plan notes'. */
  tags(u: { planId: string; itemId: string | null }): Set<string> {
    const noteTags = (u.itemId === null ? 'a.plan_id = ? AND a.item_id IS NULL' : 'a.item_id = ?');
    const rows = this.sql.all<{ tag: string }>(
      `SELECT t.tag AS tag FROM user_annotation_tags t JOIN user_annotations a ON a.id = t.annotation_id
       WHERE ${noteTags} AND a.deleted_at IS NULL`,
      [u.itemId ?? u.planId],
    );
    const tags = new Set(rows.map((r) => r.tag));
    if (u.itemId !== null) {
      for (const r of this.sql.all<{ tag: string }>('SELECT tag FROM user_initiative_tags WHERE initiative_id = ?', [u.itemId])) tags.add(r.tag);
    } else {
      const json = this.sql.get<{ json: string }>('SELECT tags_json AS json FROM user_plan_state WHERE plan_id = ?', [u.planId])?.json;
      for (const tag of json ? (JSON.parse(json) as string[]) : []) tags.add(tag);
    }
    return tags;
  }
}

// Loops rather than every/some with a closure: the walk asks once per text it reads.
function holdsAll(units: Units, u: WalkRow, needles: readonly string[]): boolean {
  for (const n of needles) if (!units.has(u, n)) return false;
  return true;
}

function holdsAny(units: Units, u: WalkRow, needles: readonly string[]): boolean {
  for (const n of needles) if (units.has(u, n)) return true;
  return false;
}

/** Whether a unit passes the filters that are not about text or plan (theme, status, tags). */
function passesUnitFilters(units: Units, u: WalkRow, filters: SearchFilters): boolean {
  if (filters.themeIds?.length && (u.themeId === null || !filters.themeIds.includes(u.themeId))) return false;
  if (filters.statuses?.length && (u.itemId === null || !filters.statuses.includes(units.status(u.itemId)))) return false;
  if (filters.tags?.length) {
    const has = units.tags(u);
    if (!filters.tags.every((t) => has.has(t))) return false;
  }
  return true;
}

// ---- The ranked page. ----

/** A unit found, at its best text (`best`, an id) in its tier (0: the phrase as typed). */
export interface RankedUnit {
  planId: string;
  itemId: string | null;
  themeId: string | null;
  tier: 0 | 1;
  best: number;
}

export const unitScore = (u: RankedUnit): number => (u.tier === 0 ? PHRASE_TIER : 0) + scoreOfId(u.best);

export interface RankOptions {
  /** Texts read before the walk may stop (EXACT_ROWS; the tests lower it to force estimates). */
  exactRows?: number;
  /** Texts whose candidates the estimate counts, over all its windows (COUNT_CAP; the tests
   *  lower it, so that the windows sample the index rather than cover it). */
  countCap?: number;
  /** Collects every statement run (the bench's raw replay). */
  log?: SqlStep[];
}

export interface RankedPage {
  units: RankedUnit[];
  total: number;
  totalExact: boolean;
}

/** The page [offset, offset + limit) of the units matching the needles (non-empty, normalized). */
export function rankedPage(
  db: Db,
  needles: readonly string[],
  excluded: readonly string[],
  filters: SearchFilters,
  offset: number,
  limit: number,
  options: RankOptions = {},
): RankedPage {
  return pageWith(new Sql(db, options.log), needles, excluded, filters, offset, limit, options).page;
}

function pageWith(
  sql: Sql,
  needles: readonly string[],
  excluded: readonly string[],
  filters: SearchFilters,
  offset: number,
  limit: number,
  options: RankOptions,
): { page: RankedPage; units: Units } {
  const exactRows = options.exactRows ?? EXACT_ROWS;
  const countCap = options.countCap ?? COUNT_CAP;
  const fields = searchedFields(filters);
  const units = new Units(sql, fields, [...needles, ...excluded]);
  const scope = scopeOf(sql, filters);
  const drive = pickDriving(sql, needles);
  const others = needles.filter((n) => n !== drive);
  const tiers: { needles: string[]; tier: 0 | 1 }[] = needles.length > 1 ? [{ needles: [phraseOf(needles)], tier: 0 }] : [];
  tiers.push({ needles: [drive], tier: 1 });
  const want = offset + limit;
  const found: RankedUnit[] = [];
  // Each unit seen, and whether it was kept.
  const seen = new Map<string, { planId: string; itemId: string | null; kept: boolean }>();
  let rows = 0;
  let stopped = false;
  walks: for (const t of tiers) {
    const walk = walkSql(t.needles, fields, scope);
    for (const row of sql.iterate<WalkRow>(walk.sql, walk.params)) {
      rows++;
      // What the walk has spent: its rows, and a unit's texts read (for the other needles or an
      // exclusion) as 10 rows.
      if (found.length >= want && rows + 10 * units.loads > exactRows) {
        stopped = true;
        break walks;
      }
      const key = unitKey(row);
      if (seen.has(key)) continue;
      // A unit holding the phrase holds every needle; any other is checked for the rest.
      const kept = (t.tier === 0 || holdsAll(units, row, others)) && !holdsAny(units, row, excluded) && passesUnitFilters(units, row, filters);
      seen.set(key, { planId: row.planId, itemId: row.itemId, kept });
      if (kept) found.push({ planId: row.planId, itemId: row.itemId, themeId: row.themeId, tier: t.tier, best: row.id });
    }
  }
  const page = found.slice(offset, want);
  if (!stopped) return { page: { units: page, total: found.length, totalExact: true }, units };
  // An estimate from a sample of the whole index (estimateUnits), never below what was found.
  const keptUnit = (row: WalkRow): boolean => {
    const known = seen.get(unitKey(row));
    if (known) return known.kept;
    return holdsAll(units, row, others) && !holdsAny(units, row, excluded) && passesUnitFilters(units, row, filters);
  };
  const key = JSON.stringify([drive, others, excluded, fields, filters.planIds ?? null, filters.allVersions ?? false, filters.themeIds ?? null, filters.statuses ?? null, filters.tags ?? null, countCap]);
  const estimate = estimates.get(sql.db, key, () => estimateUnits(sql, drive, fields, scope, countCap, keptUnit, units));
  return { page: { units: page, total: Math.max(found.length, estimate), totalExact: false }, units };
}

export function searchQuery(db: Db, query: SearchQuery, options: RankOptions = {}): SearchResult {
  const parsed = parseQuery(query.text);
  const needles = [...parsed.terms, ...parsed.phrases];
  if (needles.length === 0) {
    return { hits: [], total: 0, totalExact: true, parsed, message: parsed.excluded.length ? 'only-exclusions' : 'empty' };
  }
  return readTransaction(db, () => {
    const sql = new Sql(db, options.log);
    const { page, units } = pageWith(sql, needles, parsed.excluded, query.filters, query.offset, query.limit, options);
    const texts = new TextReader(sql);
    units.withIds(page.units);
    return {
      hits: page.units.map((u) => toHit(sql, u, units, needles, texts)),
      total: page.total,
      totalExact: page.totalExact,
      parsed,
    };
  });
}

/** The texts of a unit a hit shows: those containing a needle, best first, at most 3. */
function matchedTexts(units: Units, u: RankedUnit, needles: readonly string[]): UnitText[] {
  return units
    .textsOf(u)
    .filter((t) => units.holds(t, needles))
    .sort((a, b) => b.id - a.id)
    .slice(0, 3);
}

interface UnitRow {
  planTitle: string;
  version: number;
  themeHeadline: string | null;
  numeral: string | null;
  headline: string | null;
}

function toHit(sql: Sql, u: RankedUnit, units: Units, needles: readonly string[], texts: TextReader): SearchHit {
  const row = sql.get<UnitRow>(
    `SELECT ${planTitleSql('p')} AS planTitle, coalesce(v.version, 1) AS version, t.headline AS themeHeadline,
       i.numeral AS numeral, i.headline AS headline
     FROM plans p LEFT JOIN plan_versions v ON v.plan_id = p.id LEFT JOIN initiatives i ON i.id = ?
     LEFT JOIN themes t ON t.id = i.theme_id WHERE p.id = ?`,
    [u.itemId, u.planId],
  )!;
  return {
    planId: u.planId,
    planTitle: row.planTitle,
    version: row.version,
    themeId: u.themeId,
    themeHeadline: row.themeHeadline,
    itemId: u.itemId,
    numeral: row.numeral,
    headline: row.headline,
    matches: matchedTexts(units, u, needles).map((d) => {
      const info = FIELD_INFO[d.field]!;
      const text = texts.read(u, d.field, d.annotationId);
      return {
        field: info.field,
        source: info.source,
        ...(d.annotationId ? { annotationId: d.annotationId } : {}),
        snippet: snippet(text, needles),
      };
    }),
    score: unitScore(u),
  };
}

/** The stored (not normalized) text of one field of a hit, for its snippet. */
class TextReader {
  constructor(private readonly sql: Sql) {}

  read(u: { planId: string; itemId: string | null }, field: string, annotationId: string | null): string {
    const one = (q: string, param: unknown): string => this.sql.get<{ v: string | null }>(q, [param])?.v ?? '';
    const list = (q: string, param: unknown): string =>
      this.sql
        .all<{ v: string }>(q, [param])
        .map((r) => r.v)
        .join(' · ');
    switch (field) {
      case 'title':
        return one('SELECT title AS v FROM plans WHERE id = ?', u.planId);
      case 'headline':
      case 'body':
        return one(`SELECT ${field} AS v FROM initiatives WHERE id = ?`, u.itemId);
      case 'theme':
        return one('SELECT t.headline AS v FROM initiatives i JOIN themes t ON t.id = i.theme_id WHERE i.id = ?', u.itemId);
      // The one item's English, read inside SQLite (as the index's check reads it), not the
      // plan's whole translation parsed into objects for a line of it.
      case 'headline_en':
        return (
          this.sql.get<{ v: string | null }>(
            `SELECT json_extract(json, '$.initiatives."' || ? || '".headline') AS v FROM plan_translations WHERE plan_id = ? AND language = 'en'`,
            [u.itemId ?? '', u.planId],
          )?.v ?? ''
        );
      case 'body_en':
        return (
          this.sql.get<{ v: string | null }>(
            `SELECT group_concat(b.value, ' ') AS v FROM plan_translations t, json_each(t.json, '$.initiatives."' || ? || '".body') b
             WHERE t.plan_id = ? AND t.language = 'en'`,
            [u.itemId ?? '', u.planId],
          )?.v ?? ''
        );
      case 'leadUnit':
        return one('SELECT lead_unit AS v FROM user_initiative_state WHERE initiative_id = ?', u.itemId);
      case 'responsibleUnits':
        return one('SELECT responsible_units AS v FROM user_initiative_state WHERE initiative_id = ?', u.itemId);
      case 'progressNote':
        return one('SELECT progress_note AS v FROM user_initiative_state WHERE initiative_id = ?', u.itemId);
      case 'tags':
        return list('SELECT tag AS v FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid', u.itemId);
      case 'note':
        return one('SELECT body AS v FROM user_annotations WHERE id = ?', annotationId);
      case 'noteTags':
        return list('SELECT tag AS v FROM user_annotation_tags WHERE annotation_id = ? ORDER BY rowid', annotationId);
      default:
        return '';
    }
  }
}

// ---- The reference: every hit ranked in JS (the tests hold the walk to it). ----

/** The SQL finding every text (of `fields`) containing the normalized, non-empty needle, with
 *  its id and unit: one row per text. Used by the reference ranking, never by a search. */
export function needleSql(needle: string, fields: readonly string[]): { sql: string; params: unknown[] } {
  const docs = matchingDocsSql(needle, fields);
  const sql = `
    WITH m AS MATERIALIZED (SELECT d.id AS id, ${KEY} AS key, ${fieldNameSql('d.field')} AS field ${docs.sql})
    SELECT m.id, i.plan_id AS planId, i.id AS itemId, i.theme_id AS themeId, m.field, NULL AS annotationId
      FROM m JOIN initiatives i ON i.id = m.key WHERE m.field NOT IN ('title', 'note', 'noteTags')
    UNION ALL
    SELECT m.id, a.plan_id, a.item_id, i.theme_id, m.field, a.id
      FROM m CROSS JOIN user_annotations a ON a.id = m.key AND a.deleted_at IS NULL
      JOIN plans p ON p.id = a.plan_id LEFT JOIN initiatives i ON i.id = a.item_id
      WHERE m.field IN ('note', 'noteTags') AND (a.item_id IS NULL OR i.id IS NOT NULL)
    UNION ALL
    SELECT m.id, p.id, NULL, NULL, m.field, NULL FROM m JOIN plans p ON p.id = m.key WHERE m.field = 'title'`;
  return { sql, params: docs.params };
}

interface DocHit {
  id: number;
  planId: string;
  itemId: string | null;
  themeId: string | null;
  field: string;
  annotationId: string | null;
}

function needleHits(db: Db, needle: string, fields: readonly string[]): DocHit[] {
  const { sql, params } = needleSql(needle, fields);
  return prepared(db, sql).all(...params) as DocHit[];
}

/** Every unit matching the query, ranked by the rule above from every hit (not a page), with
 *  the ids of its texts containing a needle. */
export function rankUnits(
  db: Db,
  needles: readonly string[],
  excluded: readonly string[],
  filters: SearchFilters,
): (RankedUnit & { docs: number[] })[] {
  const fields = searchedFields(filters);
  const sql = new Sql(db);
  const scope = new Set(plansInScope(sql, filters));
  const units = new Units(sql, fields, [...needles, ...excluded]);
  const byNeedle = needles.map((n) => needleHits(db, n, fields));
  const keysOf = (hits: DocHit[]) => new Set(hits.map(unitKey));
  let keys = keysOf(byNeedle[0]!);
  for (const hits of byNeedle.slice(1)) {
    const next = keysOf(hits);
    keys = new Set([...keys].filter((k) => next.has(k)));
  }
  for (const n of excluded) for (const k of keysOf(needleHits(db, n, fields))) keys.delete(k);
  const best = (hits: DocHit[]) => {
    const m = new Map<string, DocHit>();
    for (const h of hits) if (!m.has(unitKey(h)) || m.get(unitKey(h))!.id < h.id) m.set(unitKey(h), h);
    return m;
  };
  const phrase = best(needles.length > 1 ? needleHits(db, phraseOf(needles), fields) : []);
  const driving = best(byNeedle[needles.indexOf(drivingNeedle(db, needles))]!);
  const docs = new Map<string, number[]>();
  for (const h of byNeedle.flat()) docs.set(unitKey(h), [...(docs.get(unitKey(h)) ?? []), h.id]);
  const out: (RankedUnit & { docs: number[] })[] = [];
  for (const k of keys) {
    const h = phrase.get(k) ?? driving.get(k)!;
    const u = { planId: h.planId, itemId: h.itemId, themeId: h.themeId, tier: (phrase.has(k) ? 0 : 1) as 0 | 1, best: h.id };
    if (!scope.has(u.planId) || !passesUnitFilters(units, { ...u, id: h.id, field: h.field }, filters)) continue;
    out.push({ ...u, docs: [...new Set(docs.get(k))].sort((a, b) => b - a) });
  }
  return out.sort((a, b) => a.tier - b.tier || b.best - a.best);
}
