// Suite "search-ui": typing into search everywhere in Chromium (tests/bench/search-ui.ts), each
// keystroke's results on screen against the same API call timed from the page. Run as a child
// process (a server, a browser) with this run's seed, corpus size and samples.
import { runChildBench, sampleCount, type SuiteContext } from './context';

/** Words typed per side in a full and a quick run (each one loads the page and types a word). */
const FULL_SAMPLES = 5;
const QUICK_SAMPLES = 2;

export function runSearchUi(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, FULL_SAMPLES, QUICK_SAMPLES);
  const plans = ctx.options.tablePlans;
  const args = ['--plans', String(plans), '--samples', String(samples), '--seed', String(ctx.options.seed)];
  ctx.log(`Chromium, ${plans} plans, ${samples} samples a word (tests/bench/search-ui.ts ${args.join(' ')})`);
  runChildBench(ctx, 'search-ui.ts', args);
}
