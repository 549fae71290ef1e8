// What every suite gets from run.ts: options, a private temp dir, and a sink that prints a
// measurement as soon as it is taken (a long run shows progress) and keeps it for the JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchOptions } from '../options';
import type { BenchReport, Measurement } from '../report';

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

/**
 * Runs an asynchronous bench (a browser, a server) as a child process, since the harness is
 * not: `script` under tests/bench/ with `args`, writing its JSON report to a file here; each of
 * its measurements then joins this run's report and printed table.
 */
export function runChildBench(ctx: SuiteContext, script: string, args: readonly string[]): void {
  const out = join(ctx.tmpDir, script.replace(/\.ts$/, '.json'));
  const child = spawnSync(process.execPath, ['--import=tsx', join('tests', 'bench', script), ...args, '--out', out], {
    cwd: ctx.repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status !== 0 || !existsSync(out)) {
    throw new Error(`tests/bench/${script} failed (exit ${child.status ?? child.signal})\nstdout:\n${child.stdout}\nstderr:\n${child.stderr}`);
  }
  // The child printed the same lines as it measured; the harness prints them again as it
  // records them, so its own output is not repeated.
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  for (const m of report.measurements) ctx.record(m);
}
