// Interleaved A/B timing: both sides run in the same process, alternating ABBA so that drift
// (thermal, page cache, other load on a shared box) lands on both sides alike. The result is
// a ratio of medians, which stays meaningful on a machine whose absolute speed varies.
import { summarize, type Summary } from './stats';

/** One timed sample of one side, in milliseconds. A side does its own untimed setup around
 * the part it times (see `timed`). */
export type Sampler = () => number;

export interface AbResult {
  a: Summary;
  b: Summary;
  /** median(a) / median(b) */
  ratio: number;
  aSamples: number[];
  bSamples: number[];
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds taken by fn. */
export function timed(fn: () => void): number {
  return measure(fn).ms;
}

/** fn's result and the milliseconds it took. */
export function measure<T>(fn: () => T): { value: T; ms: number } {
  const start = nowMs();
  const value = fn();
  return { value, ms: nowMs() - start };
}

/** Collects garbage between samples when node runs with --expose-gc (bench.mjs passes it),
 * so one side does not pay for the other's garbage. */
function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export interface AbOptions {
  /** Collect garbage before each sample (default true). A sample far below a millisecond that
   *  makes little garbage is better off without: right after a forced full collection the next
   *  call runs several milliseconds slower (measured on a raw SQLite commit: 2.3 → 11 ms at
   *  p50), which would swamp what is measured. */
  collect?: boolean;
}

export function runAb(samples: number, a: Sampler, b: Sampler, options: AbOptions = {}): AbResult {
  if (samples < 1) throw new Error('runAb needs at least one sample');
  const settleNow = options.collect === false ? () => {} : settle;
  // Warm-up: JIT, statement caches and the page cache, for both sides; not recorded.
  settleNow();
  a();
  settleNow();
  b();
  const aSamples: number[] = [];
  const bSamples: number[] = [];
  for (let i = 0; i < samples; i++) {
    const order: [Sampler, number[]][] = i % 2 === 0 ? [[a, aSamples], [b, bSamples]] : [[b, bSamples], [a, aSamples]];
    for (const [side, into] of order) {
      settleNow();
      into.push(side());
    }
  }
  const sa = summarize(aSamples);
  const sb = summarize(bSamples);
  return { a: sa, b: sb, ratio: sa.median / sb.median, aSamples, bSamples };
}
