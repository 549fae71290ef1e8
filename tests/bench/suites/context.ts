// What every suite gets from run.ts: options, a private temp dir, and a sink that prints a
// measurement as soon as it is taken (a long run shows progress) and keeps it for the JSON.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../options';
import type { Measurement } from '../report';

export interface SuiteContext {
  options: BenchOptions;
  /** Removed by run.ts when the run ends. */
  tmpDir: string;
  repoRoot: string;
  record(m: Measurement): void;
  log(line: string): void;
}

let counter = 0;

/** A path in the temp dir that no earlier call returned. */
export function freshDbPath(ctx: SuiteContext, stem: string): string {
  counter += 1;
  return join(ctx.tmpDir, `${stem}-${counter}.db`);
}

/** Deletes a database file with its WAL and shared-memory files. */
export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Samples for a suite: --samples if given, else the suite's default for the mode. */
export function sampleCount(ctx: SuiteContext, full: number, quick: number): number {
  return ctx.options.samples ?? (ctx.options.quick ? quick : full);
}
