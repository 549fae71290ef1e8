// Suite "packets": briefing packets as PDF in Chromium (tests/bench/packet-pdf.ts). That bench
// is asynchronous (a browser) and the harness is not, so it runs as a child process with this
// run's samples; its JSON report comes back here and each of its measurements joins this run's
// report and printed table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from '../report';
import { sampleCount, type SuiteContext } from './context';

/** Samples per side in a full and a quick run (each one prints a 100- and a 300-page packet). */
const FULL_SAMPLES = 3;
const QUICK_SAMPLES = 1;

export function runPackets(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, FULL_SAMPLES, QUICK_SAMPLES);
  const out = join(ctx.tmpDir, 'packets.json');
  const args = ['--samples', String(samples), '--seed', String(ctx.options.seed), '--out', out];
  ctx.log(`Chromium, ${samples} samples a side (tests/bench/packet-pdf.ts ${args.slice(0, -2).join(' ')})`);
  const child = spawnSync(process.execPath, ['--import=tsx', join('tests', 'bench', 'packet-pdf.ts'), ...args], {
    cwd: ctx.repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status !== 0 || !existsSync(out)) {
    throw new Error(
      `tests/bench/packet-pdf.ts failed (exit ${child.status ?? child.signal})\n` +
        `stdout:\n${child.stdout}\nstderr:\n${child.stderr}`,
    );
  }
  // The child printed the same lines as it measured; the harness prints them again as it
  // records them, so its own output is not repeated.
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  for (const m of report.measurements) ctx.record(m);
}
