// Suite "table-ui": the initiative table in Chromium (tests/bench/table-ui.ts). That bench is
// asynchronous (a server, a browser) and the harness is not, so it runs as a child process
// with this run's seed, corpus size and samples; its JSON report comes back here and each of
// its measurements joins this run's report and printed table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from '../report';
import { sampleCount, type SuiteContext } from './context';

/** Samples per side in a full and a quick run (each one loads the app and scrolls twice). */
const FULL_SAMPLES = 7;
const QUICK_SAMPLES = 3;

export function runTableUi(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, FULL_SAMPLES, QUICK_SAMPLES);
  const plans = ctx.options.tablePlans;
  const out = join(ctx.tmpDir, 'table-ui.json');
  const args = ['--plans', String(plans), '--samples', String(samples), '--seed', String(ctx.options.seed), '--out', out];
  ctx.log(`Chromium, ${plans} plans, ${samples} samples a side (tests/bench/table-ui.ts ${args.slice(0, -2).join(' ')})`);
  const child = spawnSync(process.execPath, ['--import=tsx', join('tests', 'bench', 'table-ui.ts'), ...args], {
    cwd: ctx.repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status !== 0 || !existsSync(out)) {
    throw new Error(
      `tests/bench/table-ui.ts failed (exit ${child.status ?? child.signal})\n` +
        `stdout:\n${child.stdout}\nstderr:\n${child.stderr}`,
    );
  }
  // The child printed the same lines as it measured; the harness prints them again as it
  // records them, so its own output is not repeated.
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  for (const m of report.measurements) ctx.record(m);
}
