// Keeps the search index in few segments, as maintenance the app does itself.
//
// FTS5 writes each transaction's tokens as a new segment and merges segments only when two reach
// one level (automerge 2, migration 0011), so a database written over time, or loaded in bulk,
// holds several segments of every size (the search bench's 1M-note corpus: 8). A term's lookup
// opens a cursor in every segment, a fixed cost per segment that the search's estimate pays per
// window it samples: measured, merging 8 segments into 1 took "budget"'s API CPU from 180 to 106 ms,
// 5 into 1 at 100k notes took 营商环境's window count from 36 to 7.6 ms, with the same hits.
//
// A full 'optimize' of that index is one write transaction of seconds (6 s of CPU, 27 s wall on
// the shared machine): a save behind it would wait that long. So the merge goes in small steps,
// FTS5's incremental 'merge' with a negative page count (every segment as one level, to end in
// one segment), each its own short IMMEDIATE transaction, run only while the API has been idle:
// a reader's save waits behind at most one step. The index is read between steps as always; a
// write between steps lands in a new segment that a later run merges in.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';

/** Pages written per step (4 KB pages). Measured on the bench's 1M-note corpus (8 segments into
 *  1): 64 pages a step took 11 ms of CPU at the median, 38 ms at most, 490 steps; 256 pages took
 *  45 ms (70 ms at most) a step; the merge's total CPU was the same (6.2 s) either way. A step's
 *  wall time beyond its CPU is its commit's fsync, which a save pays too. */
export const MERGE_STEP_PAGES = 64;
/** Merging starts once the index holds more segments than this. A run rewrites the whole index
 *  into one segment, so it waits until a few small segments have come (a save adds one; FTS5's
 *  automerge folds pairs) rather than rewriting a large index after every note. */
export const MERGE_ABOVE_SEGMENTS = 3;
/** How often an idle app looks at the segment count (one small read). */
const CHECK_MS = 30_000;
/** The API counts as idle once no call has come for this long. */
const IDLE_MS = 500;
/** The pause between steps, which lets a call that came in run before the next step. */
const STEP_GAP_MS = 10;

/** The FTS5 structure record's rowid in search_fts_data. */
const STRUCTURE_ROWID = 10;
/** The marker of a version-2 structure record (contentless_delete tables), after the cookie. */
const STRUCTURE_V2 = [0xff, 0x00, 0x00, 0x01];

/** The number of segments in search_fts, read from FTS5's structure record (4-byte cookie,
 *  the v2 marker when present, then varints: levels, segments). */
export function searchSegments(db: Db): number {
  const row = prepared(db, 'SELECT block FROM search_fts_data WHERE id = ?').get(STRUCTURE_ROWID) as { block: Buffer } | undefined;
  if (!row) return 0;
  const b = row.block;
  let i = 4;
  if (STRUCTURE_V2.every((byte, k) => b[4 + k] === byte)) i += 4;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const c = b[i++]!;
      value += (c & 0x7f) * 2 ** shift;
      if (!(c & 0x80)) return value;
    }
  };
  varint(); // levels
  return varint();
}

/** One incremental merge step in its own IMMEDIATE transaction; false when there was nothing left
 *  to merge (FTS5 wrote no more than its structure record: total_changes moved by less than 2). */
export function mergeSearchStep(db: Db, pages = MERGE_STEP_PAGES): boolean {
  return writeTransaction(db, () => {
    const before = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
    prepared(db, "INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)").run(-pages);
    const after = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
    return after - before >= 2 && searchSegments(db) > 1;
  });
}

export interface MergeReport {
  segmentsBefore: number;
  segmentsAfter: number;
  steps: number;
  /** The longest step, ms (wall): the longest a save could have waited behind the merge. */
  longestStepMs: number;
}

/** Every step at once, to the end: what the idle maintenance has done once it has run out of
 *  work. For the bench, and for tests; the app runs the steps in idle time (startSearchMerge). */
export function mergeSearchIndex(db: Db, pages = MERGE_STEP_PAGES): MergeReport {
  const segmentsBefore = searchSegments(db);
  let steps = 0;
  let longestStepMs = 0;
  if (segmentsBefore > 1) {
    for (let more = true; more; ) {
      const t = performance.now();
      more = mergeSearchStep(db, pages);
      longestStepMs = Math.max(longestStepMs, performance.now() - t);
      steps++;
    }
  }
  return { segmentsBefore, segmentsAfter: searchSegments(db), steps, longestStepMs };
}

export interface SearchMerge {
  /** Tells the maintenance the API was just used: no step runs for the next IDLE_MS. */
  touch(): void;
  /** Looks at the segment count soon (after a bulk write: an import, a rebuild). */
  kick(): void;
  stop(): void;
}

export interface SearchMergeOptions {
  /** Told a step's error (the step rolled back; the index stays as it was, sound). */
  onError?: (err: unknown) => void;
  now?: () => number;
}

/** The idle-time maintenance on a connection: every CHECK_MS, or when kicked, if the index holds
 *  more than MERGE_ABOVE_SEGMENTS segments, merge steps run one per STEP_GAP_MS while the API is
 *  idle, until one segment is left. Timers are unref'd: they never keep the process alive. */
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
      if (!merging) merging = searchSegments(db) > MERGE_ABOVE_SEGMENTS;
      if (merging) merging = mergeSearchStep(db);
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
