// Suite "packets": briefing packets as PDF in Chromium (tests/bench/packet-pdf.ts). That bench
// is asynchronous (a browser) and the harness is not, so it runs as a child process with this
// run's samples; its JSON report comes back here and each of its measurements joins this run's
// report and printed table.
import { runChildBench, sampleCount, type SuiteContext } from './context';

/** Samples per side in a full and a quick run (each one prints a 100- and a 300-page packet). */
const FULL_SAMPLES = 3;
const QUICK_SAMPLES = 1;

export function runPackets(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, FULL_SAMPLES, QUICK_SAMPLES);
  const args = ['--samples', String(samples), '--seed', String(ctx.options.seed)];
  ctx.log(`Chromium, ${samples} samples a side (tests/bench/packet-pdf.ts ${args.join(' ')})`);
  runChildBench(ctx, 'packet-pdf.ts', args);
}
