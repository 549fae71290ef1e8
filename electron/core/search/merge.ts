// Keeps the search index in few segments, as maintenance the app does itself, in idle time.
//
// FTS5 writes each transaction's tokens as a new segment. A term's lookup opens a cursor in
// every segment, a fixed cost per segment that the search's estimate pays per window it samples:
// measured at 1M notes, 8 segments merged into 1 took 改革's raw median from 40 to 32 ms of CPU and
// 营商环境's from 49 to 41, with the same hits. But merging rewrites what it merges: the whole
// 1M-note index into one segment is 7.7 s of CPU, so how often and what is merged is the policy.
//
// The policy (migration 0013 sets the index's part of it):
// - No merging in a write (FTS5's automerge off): a save writes its own small segment and
//   nothing else, so it never waits behind a merge. FTS5's crisis merge stays as the backstop
//   (16 segments on its lowest level are merged in the write that makes the 16th: small ones).
// - In idle time, FTS5's own levels: a level holding USERMERGE (4) segments is merged into one
//   on the next level, 'merge' with a positive page count. Segments reach a level by being merged
//   there, so those of one level are of comparable size (each from about as many writes), and a
//   written page is merged about once per level: log4 of the writes, not the index's size.
//   The large segment a full merge leaves sits on a level above every other, which the small
//   writes' merges reach only after 4^levels of them: a save never leads to its rewrite.
// - A full merge (every segment into one, 'merge' with a negative page count) only after bulk
//   work: once what lies outside the largest segment (other segments and deletion marks, in
//   pages) comes to FULL_MERGE_SHARE of it — an import or version import into a small library,
//   a rebuild, a bulk load of notes, or a long time of saves. A full merge rewrites about
//   (1 + share) × the largest segment after at least share × it was written since the last one:
//   at most 5 pages merged per page written, whatever the index's size.
// Every step is its own short IMMEDIATE transaction of MERGE_STEP_PAGES pages, run only while the
// API has been idle, one every STEP_GAP_MS: a reader's save waits behind at most one step. The
// index is read between steps as always; a write between steps lands in a new segment (a full
// merge under way goes on with positive steps, which finish the merge it began and leave the new
// segment to the levels, where a negative one would start over with it; only when FTS5 would
// leave it waiting, a merge of 2 or 3 segments with as many saves below it, a negative step
// takes them in).
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { initiativeSearchStale, refreshInitiativeSearch } from './initiative-index';

/** Initiatives' documents rewritten per idle step (about 0.3 ms of CPU each, a save's worth). */
const IDLE_ITEMS = 50;

/** Pages written per step (4 KB pages). FTS5 checks the budget between terms, so a step writes
 *  at least one term's whole doclist (at 1M notes up to 308 pages). Measured on the bench's
 *  1M-note corpus (8 segments into 1, 553 steps): 10.5 ms of CPU a step at the median, 37 ms at
 *  most; an earlier measure of 256 pages a step took 45 ms (70 ms at most) for the same total.
 *  A step's wall time beyond its CPU is its commit's fsync, which a save pays too. */
export const MERGE_STEP_PAGES = 64;
/** Segments on one level that are merged (FTS5's usermerge, set to this by migration 0013). */
export const USERMERGE = 4;
/** A full merge once the pages outside the largest segment come to this share of it. */
export const FULL_MERGE_SHARE = 0.25;
/** How often an idle app looks at the index's structure (one small read). */
const CHECK_MS = 30_000;
/** The API counts as idle once no call has come for this long. */
const IDLE_MS = 500;
/** The pause between steps, which lets a call that came in run before the next step. */
const STEP_GAP_MS = 10;

/** The FTS5 structure record's rowid in search_fts_data. */
const STRUCTURE_ROWID = 10;
/** The marker of a version-2 structure record (contentless_delete tables), after the cookie. */
const STRUCTURE_V2 = [0xff, 0x00, 0x00, 0x01];

export interface Segment {
  id: number;
  /** The first write it holds (FTS5's origin, v2 records; 0 otherwise): an id freed by a merge
   *  may be given to a new segment, which has a new origin. */
  origin: number;
  /** Its first and last leaf pages (a merge's input loses its first pages as they are merged). */
  first: number;
  last: number;
  /** Pages of deletion marks (a note deleted or edited since the segment was written). */
  tombstonePages: number;
}

export interface Level {
  /** How many of its segments (the oldest) are the inputs of a merge under way. */
  merging: number;
  segments: Segment[];
}

export interface SearchStructure {
  levels: Level[];
  /** FTS5's count of leaf pages flushed by writes (it counts only while automerge is on). */
  writeCounter: number;
  /** The record as stored: a step that changed nothing left it byte for byte. */
  raw: Buffer | null;
}

/** The index's levels and segments, decoded from FTS5's structure record: a 4-byte cookie, the
 *  v2 marker when present, then SQLite varints — levels, segments, the write counter, and per
 *  level (merging, count, per segment id, first and last leaf, v2: two origins, tombstone pages,
 *  tombstone entries, entries). */
export function readSearchStructure(db: Db): SearchStructure {
  const row = prepared(db, 'SELECT block FROM search_fts_data WHERE id = ?').get(STRUCTURE_ROWID) as { block: Buffer } | undefined;
  if (!row) return { levels: [], writeCounter: 0, raw: null };
  const b = row.block;
  let i = 4;
  const v2 = STRUCTURE_V2.every((byte, k) => b[4 + k] === byte);
  if (v2) i += 4;
  // SQLite's varint: big-endian groups of 7 bits, the ninth byte whole (numbers here are counts
  // and page numbers, far below 2^53).
  const varint = (): number => {
    let value = 0;
    for (let k = 0; k < 9; k++) {
      const c = b[i++]!;
      if (k === 8) return value * 256 + c;
      value = value * 128 + (c & 0x7f);
      if (!(c & 0x80)) return value;
    }
    return value;
  };
  const levelCount = varint();
  varint(); // segments
  const writeCounter = varint();
  const levels: Level[] = [];
  for (let l = 0; l < levelCount; l++) {
    const merging = varint();
    const count = varint();
    const segments: Segment[] = [];
    for (let s = 0; s < count; s++) {
      const id = varint();
      const first = varint();
      const last = varint();
      let tombstonePages = 0;
      let origin = 0;
      if (v2) {
        origin = varint();
        varint(); // origin 2
        tombstonePages = varint();
        varint(); // tombstone entries
        varint(); // entries
      }
      segments.push({ id, origin, first, last, tombstonePages });
    }
    levels.push({ merging, segments });
  }
  return { levels, writeCounter, raw: b };
}

/** The number of segments in search_fts. */
export function searchSegments(db: Db): number {
  return readSearchStructure(db).levels.reduce((n, l) => n + l.segments.length, 0);
}

const pagesOf = (s: Segment) => s.last - s.first + 1;

/** What the next step does for this structure: 'continue' a merge under way, a 'full' merge,
 *  a 'level' merge (a level holding USERMERGE segments), or nothing. */
export function plannedMerge(structure: SearchStructure): 'continue' | 'full' | 'level' | null {
  const { levels } = structure;
  if (levels.some((l) => l.merging > 0)) return 'continue';
  const segments = levels.flatMap((l) => l.segments);
  if (segments.length === 0) return null;
  const largest = Math.max(...segments.map(pagesOf));
  const outside = segments.reduce((n, s) => n + pagesOf(s) + s.tombstonePages, 0) - largest;
  if (outside > 0 && outside >= FULL_MERGE_SHARE * largest) return 'full';
  if (levels.some((l) => l.segments.length >= USERMERGE)) return 'level';
  return null;
}

/** Leaf pages a step wrote: the growth of the segments it kept and the pages of those it made. */
export function pagesWritten(before: SearchStructure, after: SearchStructure): number {
  const old = new Map(before.levels.flatMap((l) => l.segments).map((s) => [s.id, s]));
  let pages = 0;
  for (const s of after.levels.flatMap((l) => l.segments)) {
    const was = old.get(s.id);
    // A merge's output grows at its end; an input loses pages at its start. An id seen before
    // with another origin or an earlier first page is a new segment given a merged-away one's id.
    const same = was && was.origin === s.origin && was.first <= s.first;
    pages += same ? Math.max(0, s.last - was.last) : pagesOf(s);
  }
  return pages;
}

export interface StepReport {
  kind: 'continue' | 'full' | 'level' | null;
  pages: number;
  /** Whether the policy wants another step. */
  more: boolean;
}

/** One step of the maintenance in its own IMMEDIATE transaction: the policy looks at the index
 *  and merges up to `pages` pages, or does nothing. A full merge starts with a negative page count
 *  (every segment onto one level) and goes on with positive ones (which continue the merge under
 *  way before anything else). */
export function searchMaintenanceStep(db: Db, pages = MERGE_STEP_PAGES): StepReport {
  return writeTransaction(db, () => {
    const before = readSearchStructure(db);
    let kind = plannedMerge(before);
    if (!kind) return { kind, pages: 0, more: false };
    const merge = prepared(db, "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
    const unchanged = () => {
      const now = readSearchStructure(db);
      return now.raw && before.raw && now.raw.equals(before.raw) ? null : now;
    };
    merge.run(kind === 'full' ? -pages : pages);
    let after = unchanged();
    // A positive merge goes on with the merge under way only if no level below it holds as many
    // segments (FTS5 takes the level with the most): a merge of 2 or 3 segments waits while 2 or
    // 3 saves lie below it, until they are 4. A negative merge takes everything, that merge's
    // output so far too, onto one level, so the work goes on.
    if (!after && kind === 'continue') {
      kind = 'full';
      merge.run(-pages);
      after = unchanged();
    }
    // Nothing written: FTS5 found nothing to do after all; stop rather than ask again.
    if (!after) return { kind, pages: 0, more: false };
    return { kind, pages: pagesWritten(before, after), more: plannedMerge(after) !== null };
  });
}

export interface MaintenanceReport {
  segmentsBefore: number;
  segmentsAfter: number;
  /** Segments per level after (levels from the lowest; empty ones included). */
  levelsAfter: number[];
  steps: number;
  /** Whether a full merge ran. */
  full: boolean;
  pages: number;
  /** The longest step, ms of wall and of CPU: the longest a save could have waited behind it. */
  longestStepMs: number;
  longestStepCpuMs: number;
}

const levelCounts = (s: SearchStructure) => s.levels.map((l) => l.segments.length);

/** Every step at once, to the end: the state the idle maintenance reaches once it has run out of
 *  work (the same steps, without the pauses). For the bench and for tests. */
export function runSearchMaintenance(db: Db, pages = MERGE_STEP_PAGES): MaintenanceReport {
  const start = readSearchStructure(db);
  const report: MaintenanceReport = {
    segmentsBefore: levelCounts(start).reduce((a, b) => a + b, 0),
    segmentsAfter: 0,
    levelsAfter: [],
    steps: 0,
    full: false,
    pages: 0,
    longestStepMs: 0,
    longestStepCpuMs: 0,
  };
  for (let more = plannedMerge(start) !== null; more; ) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const step = searchMaintenanceStep(db, pages);
    const used = process.cpuUsage(cpu);
    report.longestStepMs = Math.max(report.longestStepMs, performance.now() - t);
    report.longestStepCpuMs = Math.max(report.longestStepCpuMs, (used.user + used.system) / 1000);
    report.steps++;
    report.pages += step.pages;
    if (step.kind === 'full') report.full = true;
    more = step.more;
  }
  const end = readSearchStructure(db);
  report.levelsAfter = levelCounts(end);
  report.segmentsAfter = report.levelsAfter.reduce((a, b) => a + b, 0);
  return report;
}

export interface SearchMerge {
  /** Tells the maintenance the API was just used: no step runs for the next IDLE_MS. */
  touch(): void;
  /** Looks at the index soon (after an open, or a bulk write). */
  kick(): void;
  stop(): void;
}

export interface SearchMergeOptions {
  /** Told a step's error (the step rolled back; the index stays as it was, sound). */
  onError?: (err: unknown) => void;
  now?: () => number;
}

/** The idle-time maintenance on a connection: every CHECK_MS, or when kicked, if the policy has
 *  work (plannedMerge), steps run one per STEP_GAP_MS while the API is idle, until it has none.
 *  Timers are unref'd: they never keep the process alive; stop() ends it before the next step. */
export function startSearchMerge(db: Db, options: SearchMergeOptions = {}): SearchMerge {
  const now = options.now ?? (() => performance.now());
  let lastCall = -Infinity;
  let stopped = false;
  let merging = false;
  let timer: NodeJS.Timeout | null = null;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };

  function tick(): void {
    timer = null;
    if (stopped || !db.open) return;
    const idleFor = now() - lastCall;
    if (idleFor < IDLE_MS) return schedule(IDLE_MS - idleFor);
    try {
      // First what saves left named for the initiatives' search index (initiative-index.ts), a
      // step at a time, so the next page that reads it has little or nothing to write.
      if (initiativeSearchStale(db)) {
        refreshInitiativeSearch(db, undefined, IDLE_ITEMS);
        return schedule(STEP_GAP_MS);
      }
      // A plain read first: no write lock is taken while there is nothing to do.
      if (!merging) merging = plannedMerge(readSearchStructure(db)) !== null;
      if (merging) merging = searchMaintenanceStep(db).more;
    } catch (err) {
      merging = false;
      options.onError?.(err);
    }
    schedule(merging ? STEP_GAP_MS : CHECK_MS);
  }

  schedule(CHECK_MS);
  return {
    touch: () => {
      lastCall = now();
    },
    kick: () => schedule(IDLE_MS),
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
