// Suite "table-ui": the initiative table in Chromium (tests/bench/table-ui.ts). That bench is
// asynchronous (a server, a browser) and the harness is not, so it runs as a child process
// with this run's seed, corpus size and samples; its JSON report comes back here and each of
// its measurements joins this run's report and printed table.
import { runChildBench, sampleCount, type SuiteContext } from './context';

/** Loads per side in a full and a quick run (the first 7 of them, or 3 in a quick run, also
 *  scroll each side: a scroll takes seconds, a load a fraction of one). */
const FULL_SAMPLES = 15;
const QUICK_SAMPLES = 5;
const FULL_SCROLLS = 7;
const QUICK_SCROLLS = 3;

export function runTableUi(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, FULL_SAMPLES, QUICK_SAMPLES);
  const plans = ctx.options.tablePlans;
  const scrolls = Math.min(samples, ctx.options.quick ? QUICK_SCROLLS : FULL_SCROLLS);
  const args = ['--plans', String(plans), '--samples', String(samples), '--scroll-samples', String(scrolls), '--seed', String(ctx.options.seed)];
  ctx.log(`Chromium, ${plans} plans, ${samples} loads and ${scrolls} scrolls a side (tests/bench/table-ui.ts ${args.join(' ')})`);
  runChildBench(ctx, 'table-ui.ts', args);
}
