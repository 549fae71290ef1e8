// Suite "table-ui": the initiative table in Chromium (tests/bench/table-ui.ts). That bench is
// asynchronous (a server, a browser) and the harness is not, so it runs as a child process
// with this run's seed, corpus size and samples; its JSON report comes back here and each of
// its measurements joins this run's report and printed table.
import { runChildBench, sampleCount, type SuiteContext } from './context';

/** Samples per side in a full and a quick run (each one loads the app and scrolls twice). */
const FULL_SAMPLES = 7;
const QUICK_SAMPLES = 3;

export function runTableUi(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, FULL_SAMPLES, QUICK_SAMPLES);
  const plans = ctx.options.tablePlans;
  const args = ['--plans', String(plans), '--samples', String(samples), '--seed', String(ctx.options.seed)];
  ctx.log(`Chromium, ${plans} plans, ${samples} samples a side (tests/bench/table-ui.ts ${args.join(' ')})`);
  runChildBench(ctx, 'table-ui.ts', args);
}
