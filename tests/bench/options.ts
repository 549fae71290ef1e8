// Command-line options of `npm run bench -- …`. --quick shrinks everything for a CI-like
// check (about a minute: most of it the Chromium suite) and skips the fixed-size corpus suite.
// --full runs the table suites at a million initiatives: a long run (the import alone takes
// several minutes), for scale checks by hand, never in CI.
import { parseArgs } from 'node:util';
import { DEFAULT_NOTES, DEFAULT_SEED, DEFAULT_SHAPE } from './corpus';

export const SUITES = ['open', 'import', 'file-import', 'corpus', 'table', 'save', 'table-ui', 'library', 'annotations', 'compare', 'search', 'packets', 'search-ui'] as const;
export type SuiteName = (typeof SUITES)[number];

export interface BenchOptions {
  seed: number;
  quick: boolean;
  /** Million-initiative scale for the table suites (unless --table-plans says otherwise). */
  full: boolean;
  /** Plans in the full corpus (suite corpus). */
  plans: number;
  /** Notes loaded by suite corpus. */
  notes: number;
  /** Plans imported per sample (suite import). */
  importPlans: number;
  /** Plans in the table and table-ui suites' databases (×50 initiatives). */
  tablePlans: number;
  /** Samples per A/B measurement; null = each suite's default for the mode. */
  samples: number | null;
  suites: SuiteName[];
  out: string;
}

/** Plans of the table suites under --full: 20,000 × 50 = 1M initiatives. */
export const FULL_TABLE_PLANS = 20_000;

export const USAGE = `Usage: npm run bench -- [options]
  --quick             small run for CI-like checks (fewer samples, no corpus suite)
  --full              table suites at 1M initiatives (${FULL_TABLE_PLANS} plans); long, kept out of CI
  --seed N            corpus seed (default ${DEFAULT_SEED})
  --plans N           plans in the corpus suite (default ${DEFAULT_SHAPE.plans}, ×${DEFAULT_SHAPE.themesPerPlan * DEFAULT_SHAPE.initiativesPerTheme} initiatives)
  --notes N           notes in the corpus suite (default ${DEFAULT_NOTES})
  --import-plans N    plans imported per sample in the import suite (default 200, quick 20)
  --table-plans N     plans in the table, table-ui and search-ui suites (default ${DEFAULT_SHAPE.plans}, quick 100; ×${DEFAULT_SHAPE.themesPerPlan * DEFAULT_SHAPE.initiativesPerTheme} initiatives)
  --samples N         samples per A/B measurement (default per suite: at least 10, table-ui 7, search-ui 5 words; quick 5, table-ui 3, search-ui 2)
  --suite NAME        run only these suites (repeatable): ${SUITES.join(', ')}
  --out FILE          JSON output (default tests/output/bench.json)
  --help
Suites table-ui and search-ui drive the built app in Chromium, Chrome or Edge (or BRIEFBOOK_CHROMIUM): run \`npm run build\` first.`;

function count(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${raw}`);
  return n;
}

export function parseOptions(argv: string[], defaultOut: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      seed: { type: 'string' },
      plans: { type: 'string' },
      notes: { type: 'string' },
      'import-plans': { type: 'string' },
      'table-plans': { type: 'string' },
      samples: { type: 'string' },
      suite: { type: 'string', multiple: true },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const full = values.full ?? false;
  if (quick && full) throw new Error('--quick and --full exclude each other');
  const suites = (values.suite ?? (quick ? SUITES.filter((s) => s !== 'corpus') : [...SUITES])).flatMap((s) => s.split(','));
  for (const s of suites) {
    if (!(SUITES as readonly string[]).includes(s)) throw new Error(`unknown suite ${s} (known: ${SUITES.join(', ')})`);
  }
  return {
    seed: count('seed', values.seed, DEFAULT_SEED, 0),
    quick,
    full,
    plans: count('plans', values.plans, DEFAULT_SHAPE.plans),
    notes: count('notes', values.notes, DEFAULT_NOTES, 0),
    importPlans: count('import-plans', values['import-plans'], quick ? 20 : 200),
    tablePlans: count('table-plans', values['table-plans'], quick ? 100 : full ? FULL_TABLE_PLANS : DEFAULT_SHAPE.plans),
    samples: values.samples === undefined ? null : count('samples', values.samples, 0),
    suites: suites as SuiteName[],
    out: values.out ?? defaultOut,
  };
}
