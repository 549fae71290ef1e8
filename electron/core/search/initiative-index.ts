// A second search index for the table's deep pages: one document per initiative, the tokens of
// every field the table's global search looks in (GLOBAL_SEARCH_FIELDS), under a rowid that is
// the initiative's place in the table's default order across plans (plan id, theme ordinal,
// ordinal, id). A default-order page of a search for a term the index answers alone (one or
// two indexable characters: its doclist is its hits) is then a count and an offset in that
// term's doclist, already in page order: no lookup of each hit's key, no sort, no hit set
// (services/table/slotted.ts). At a million initiatives that was most of a common term's deep
// page (数's 809,000 documents are 662,000 initiatives, each looked up, sorted and deduplicated).
//
// Its tokens are those of the search documents (search_fts) of the same fields, put together: a
// field's token column is tokenColumn of its normalized values, and no bigram spans two values,
// so tokenColumn of all the fields' values is the union of the fields' columns. So an initiative
// has a one- or two-character token here exactly when one of its documents in those fields has
// it there. They are read from the texts where they live (as source-text.ts does for a check).
//
// The rowid, a slot: each plan with rows has a base (initiative_search_plans), spaced in plan id
// order as the sort ranks are (spaced-ranks.ts; a new plan between two neighbours takes the
// middle, and when they have no room a neighbourhood of plans is renumbered, insertRespaced),
// and its rows the slots base × PLAN_SLOTS + 1, 2, 3… in theme and initiative order. A plan's
// rows are contiguous: the plans a query leaves out (the trash, superseded versions) are ranges
// of slots. initiative_search_slots maps slots back to initiatives.
//
// Kept current without touching the documents' own writes: triggers (migration 0020) name in
// initiative_search_stale, in every write's transaction, a plan whose rows were written,
// removed or moved (an import, a version import, a purge), and an initiative whose reader text
// changed (a save, tags, the reader's records moving to another item). refreshInitiativeSearch
// rewrites what is named: a plan's slots and documents again, an initiative's document in its
// slot. Imports, version imports and purges call it at the end of their transaction; a save of
// the reader's text or tags leaves it named (rewriting the initiative's whole document, about 300
// tokens, cost a save 0.4–0.8 ms of CPU), and the next page that would read the index writes
// what is named first (query.ts, as for the sort ranks), a burst of saves at once; more than
// PAGE_REWRITE_LIMIT named, that page takes the hit set's path and idle time writes them. A transaction
// rolled back takes its names back with its writes.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { inWriteTransaction, writeTransaction } from '../db/transaction';
import { insertRespaced, RANK_GAP, type RankEntry } from '../collation/spaced-ranks';
import { normalizeForSearch } from './normalize';
import { tokenColumn } from './tokens';

/** Slots per plan: a plan's rows are base × PLAN_SLOTS + 1… (no plan document has a million
 *  initiatives; one that had would be refused by the refresh, see rewritePlan). */
export const PLAN_SLOTS = 2 ** 20;
/** Bases stay below this: slots then stay below 2^53, exact as JavaScript numbers. */
const MAX_BASE = 2 ** 33;

/** Whether something is named for a rewrite (one seek). */
export function initiativeSearchStale(db: Db): boolean {
  return (prepared(db, 'SELECT EXISTS (SELECT 1 FROM initiative_search_stale) AS s').get() as { s: number }).s === 1;
}

/** The most initiatives named by saves that a page writes before it reads the index (each about
 *  0.3–0.5 ms of CPU: some 40 ms in all). With more named (a bulk edit, an annotation file
 *  merged) the page takes the hit set's path, whose cost does not grow with them, and idle time
 *  writes them (search/merge.ts): no page pays seconds for an earlier bulk write. */
export const PAGE_REWRITE_LIMIT = 100;

/** Whether what is named is few enough for a page to write first: initiatives only, at most
 *  PAGE_REWRITE_LIMIT of them (a plan named outside its import's transaction, which only a
 *  migration's fill leaves, is a plan's rows). */
export function initiativeSearchFewStale(db: Db): boolean {
  const { items, plans } = prepared(
    db,
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM initiative_search_stale WHERE plan = 0 LIMIT ${PAGE_REWRITE_LIMIT + 1})) AS items,
       EXISTS (SELECT 1 FROM initiative_search_stale WHERE plan = 1) AS plans`,
  ).get() as { items: number; plans: number };
  return plans === 0 && items <= PAGE_REWRITE_LIMIT;
}

/** The texts of the global search's fields, per initiative, as its documents hold them: the
 *  plan's (headline, body, theme headline) and the reader's (lead unit, responsible units,
 *  progress note, tags). `where` picks the sort-key rows k; rows come in the default order. */
const textsSql = (where: string) => `
  SELECT k.initiative_id AS id, i.headline AS headline, i.body AS body, t.headline AS theme,
    s.lead_unit AS leadUnit, s.responsible_units AS responsibleUnits, s.progress_note AS progressNote,
    (SELECT json_group_array(g.tag) FROM user_initiative_tags g WHERE g.initiative_id = k.initiative_id) AS tags
  FROM initiative_sort_keys k
  LEFT JOIN initiatives i ON i.id = k.initiative_id
  LEFT JOIN themes t ON t.id = i.theme_id
  LEFT JOIN user_initiative_state s ON s.initiative_id = k.initiative_id
  ${where}`;

interface Texts {
  id: string;
  headline: string | null;
  body: string | null;
  theme: string | null;
  leadUnit: string | null;
  responsibleUnits: string | null;
  progressNote: string | null;
  tags: string;
}

/** The token column of an initiative's texts (tokens.ts): every value normalized as its
 *  document's is (documents.ts), each a value of its own. */
export function initiativeTokens(t: Texts): string {
  const values: string[] = [];
  for (const v of [t.headline, t.body, t.theme, t.leadUnit, t.responsibleUnits, t.progressNote, ...(JSON.parse(t.tags) as string[])]) {
    if (v === null) continue;
    const n = normalizeForSearch(v);
    if (n !== '') values.push(n);
  }
  return tokenColumn(values);
}

/** SQLite's BINARY order of two texts (their UTF-8 bytes): the plans' order by id. */
function compareBinary(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Progress of a long rewrite (the migration's fill): initiatives done of those named. */
export type SearchProgress = (done: number, total: number) => void;

/**
 * Rewrites what initiative_search_stale names, in a write transaction (the caller's, or one of
 * its own): each plan named, its slots and documents; each initiative named outside those plans,
 * its document in its slot (none when it has no row), at most `maxItems` of them (the idle-time
 * maintenance's step; the rest stay named). Returns whether anything was named.
 */
export function refreshInitiativeSearch(db: Db, progress?: SearchProgress, maxItems = Infinity): boolean {
  if (!initiativeSearchStale(db)) return false;
  const run = () => {
    const plans = prepared(db, 'SELECT key FROM initiative_search_stale WHERE plan = 1 ORDER BY key').pluck().all() as string[];
    const items = prepared(db, 'SELECT key FROM initiative_search_stale WHERE plan = 0 LIMIT ?').pluck().all(Number.isFinite(maxItems) ? maxItems : -1) as string[];
    const total = progress
      ? plans.reduce((n, p) => n + ((prepared(db, 'SELECT n FROM initiative_plan_totals WHERE plan_id = ?').pluck().get(p) as number | undefined) ?? 0), 0)
      : 0;
    let done = 0;
    progress?.(0, total);
    const rewritten = new Set<string>();
    // Most plans new to the index (a first fill, a bulk load): their bases spread evenly among
    // the others at once, rather than placed one by one in gaps each halves.
    if (plans.length > 1 && plans.length * 4 >= basedPlans(db) + plans.length) respaceAll(db, plans);
    for (const plan of plans) {
      rewritten.add(plan);
      done += rewritePlan(db, plan);
      progress?.(done, total);
    }
    const slotOf = prepared(db, 'SELECT s.slot AS slot, k.plan_id AS plan FROM initiative_search_slots s JOIN initiative_sort_keys k ON k.initiative_id = s.initiative_id WHERE s.initiative_id = ?');
    const texts = prepared(db, textsSql('WHERE k.initiative_id = ?'));
    const update = prepared(db, 'UPDATE initiative_search SET tok = ? WHERE rowid = ?');
    for (const id of items) {
      const at = slotOf.get(id) as { slot: number; plan: string } | undefined;
      if (!at || rewritten.has(at.plan)) continue;
      const t = texts.get(id) as Texts;
      // A contentless-delete table takes an UPDATE giving every column (documents.ts).
      update.run(initiativeTokens(t), BigInt(at.slot));
    }
    prepared(db, 'DELETE FROM initiative_search_stale WHERE plan = 1').run();
    const unname = prepared(db, 'DELETE FROM initiative_search_stale WHERE plan = 0 AND key = ?');
    for (const id of items) unname.run(id);
  };
  if (inWriteTransaction(db)) run();
  else writeTransaction(db, run);
  return true;
}

const basedPlans = (db: Db) => (prepared(db, 'SELECT count(*) AS n FROM initiative_search_plans').get() as { n: number }).n;

/** Deletes the documents and slots in [from, to). */
function clearSlots(db: Db, from: number, to: number): void {
  const remove = prepared(db, 'DELETE FROM initiative_search WHERE rowid = ?');
  const slots = prepared(db, 'SELECT slot FROM initiative_search_slots WHERE slot >= ? AND slot < ?').pluck().all(BigInt(from), BigInt(to)) as number[];
  for (const slot of slots) remove.run(BigInt(slot));
  prepared(db, 'DELETE FROM initiative_search_slots WHERE slot >= ? AND slot < ?').run(BigInt(from), BigInt(to));
}

/** Rewrites one plan's slots and documents from its rows (none: the plan leaves the index).
 *  Returns its rows. */
function rewritePlan(db: Db, plan: string): number {
  const old = prepared(db, 'SELECT base FROM initiative_search_plans WHERE plan_id = ?').pluck().get(plan) as number | undefined;
  if (old !== undefined) clearSlots(db, old * PLAN_SLOTS, (old + 1) * PLAN_SLOTS);
  const rows = prepared(db, textsSql('WHERE k.plan_id = ? ORDER BY k.theme_ordinal, k.ordinal, k.initiative_id')).all(plan) as Texts[];
  if (rows.length === 0) {
    prepared(db, 'DELETE FROM initiative_search_plans WHERE plan_id = ?').run(plan);
    return 0;
  }
  if (rows.length >= PLAN_SLOTS) throw new Error(`initiative search: plan ${plan} has ${rows.length} initiatives, more than its ${PLAN_SLOTS - 1} slots`);
  const base = old ?? placePlan(db, plan);
  writeSlots(db, base, rows);
  return rows.length;
}

function writeSlots(db: Db, base: number, rows: readonly Texts[]): void {
  const slot = prepared(db, 'INSERT INTO initiative_search_slots (slot, initiative_id) VALUES (?, ?)');
  const doc = prepared(db, 'INSERT INTO initiative_search (rowid, tok) VALUES (?, ?)');
  rows.forEach((t, n) => {
    // Bound as BigInt: FTS5 reads a rowid bound as a double as no rowid at all.
    const at = BigInt(base * PLAN_SLOTS + n + 1);
    slot.run(at, t.id);
    doc.run(at, initiativeTokens(t));
  });
}

/** A base for a plan new to the index, between its neighbours' in id order: the middle of their
 *  gap, or (no room) a neighbourhood renumbered, its plans' slots rewritten. */
function placePlan(db: Db, plan: string): number {
  const below = prepared(db, 'SELECT base FROM initiative_search_plans WHERE plan_id < ? ORDER BY plan_id DESC LIMIT 1').pluck().get(plan) as number | undefined;
  const above = prepared(db, 'SELECT base FROM initiative_search_plans WHERE plan_id > ? ORDER BY plan_id LIMIT 1').pluck().get(plan) as number | undefined;
  const low = below ?? 0;
  const high = above ?? low + 2 * RANK_GAP;
  if (high - low >= 2 && high <= MAX_BASE) {
    const base = low + Math.floor((high - low) / 2);
    prepared(db, 'INSERT INTO initiative_search_plans (plan_id, base) VALUES (?, ?)').run(plan, base);
    return base;
  }
  // No room: the plans in id order (SQLite's, BINARY), the new one placed with a neighbourhood
  // renumbered (each moved plan's documents written again under its new slots).
  const order = (prepared(db, 'SELECT plan_id AS text, base AS rank FROM initiative_search_plans ORDER BY plan_id').all() as RankEntry[]);
  let at = 0;
  while (at < order.length && compareBinary(order[at]!.text, plan) < 0) at++;
  const oldBase = new Map(order.map((e) => [e.text, e.rank]));
  const changed = insertRespaced(order, at, plan);
  if (changed.some((e) => e.rank >= MAX_BASE)) {
    respaceAll(db, [plan]);
    return prepared(db, 'SELECT base FROM initiative_search_plans WHERE plan_id = ?').pluck().get(plan) as number;
  }
  // Moved plans off their old slots first: a new base may be another moved plan's old one.
  const moved = changed.filter((e) => e.text !== plan);
  for (const e of moved) clearSlots(db, oldBase.get(e.text)! * PLAN_SLOTS, (oldBase.get(e.text)! + 1) * PLAN_SLOTS);
  for (const e of changed) prepared(db, 'DELETE FROM initiative_search_plans WHERE plan_id = ?').run(e.text);
  for (const e of changed) prepared(db, 'INSERT INTO initiative_search_plans (plan_id, base) VALUES (?, ?)').run(e.text, e.rank);
  for (const e of moved) {
    writeSlots(db, e.rank, prepared(db, textsSql('WHERE k.plan_id = ? ORDER BY k.theme_ordinal, k.ordinal, k.initiative_id')).all(e.text) as Texts[]);
  }
  return changed.find((e) => e.text === plan)!.rank;
}

/** Every plan's base spread evenly again (RANK_GAP apart in id order, closer should they not
 *  fit), `fresh` plans (to be
 *  written by the caller) included: the plans already in the index whose base moves are
 *  written again here. */
function respaceAll(db: Db, fresh: readonly string[]): void {
  const old = new Map((prepared(db, 'SELECT plan_id AS plan, base FROM initiative_search_plans').all() as { plan: string; base: number }[]).map((p) => [p.plan, p.base]));
  const all = [...new Set([...old.keys(), ...fresh])].sort(compareBinary);
  // RANK_GAP apart while they fit under MAX_BASE (8 million plans do), closer beyond.
  const gap = Math.min(RANK_GAP, Math.floor(MAX_BASE / (all.length + 1)));
  if (gap < 1) throw new Error(`initiative search: ${all.length} plans do not fit its slots`);
  const next = new Map(all.map((p, n) => [p, (n + 1) * gap]));
  const freshSet = new Set(fresh);
  const moved = [...old].filter(([p, b]) => !freshSet.has(p) && next.get(p) !== b).map(([p]) => p);
  for (const p of moved) clearSlots(db, old.get(p)! * PLAN_SLOTS, (old.get(p)! + 1) * PLAN_SLOTS);
  // A fresh plan that had a base keeps its old slots until rewritePlan clears them: cleared here
  // instead, since its base moves.
  for (const p of fresh) if (old.has(p)) clearSlots(db, old.get(p)! * PLAN_SLOTS, (old.get(p)! + 1) * PLAN_SLOTS);
  prepared(db, 'DELETE FROM initiative_search_plans').run();
  const insert = prepared(db, 'INSERT INTO initiative_search_plans (plan_id, base) VALUES (?, ?)');
  for (const [p, b] of next) insert.run(p, b);
  for (const p of moved) {
    writeSlots(db, next.get(p)!, prepared(db, textsSql('WHERE k.plan_id = ? ORDER BY k.theme_ordinal, k.ordinal, k.initiative_id')).all(p) as Texts[]);
  }
}
