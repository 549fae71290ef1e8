// `npm run bench`: runs the suites, prints one line per measurement, writes the JSON report.
// Performance numbers live here, never in tests: timings are ratios against a baseline
// measured beside them in the same run, so they mean something on a noisy shared machine.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEnvironment, formatEnvironment, loadAverage } from './environment';
import { parseOptions, USAGE, type SuiteName } from './options';
import { formatMeasurement, writeReport, type Measurement } from './report';
import { nowMs } from './timing';
import type { SuiteContext } from './suites/context';
import { runOpenMigrate } from './suites/open-migrate';
import { runPlanImport } from './suites/plan-import';
import { runFileImport } from './suites/file-import';
import { runCorpus } from './suites/corpus-load';
import { runTable } from './suites/table';
import { runTableUi } from './suites/table-ui';
import { runLibrary } from './suites/library';
import { runSave } from './suites/save';
import { runAnnotations } from './suites/annotations';
import { runCompare } from './suites/compare';
import { runSearch } from './suites/search';
import { runPackets } from './suites/packets';
import { runSearchUi } from './suites/search-ui';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const SUITE_RUNNERS: Record<SuiteName, { title: string; run: (ctx: SuiteContext) => void }> = {
  open: { title: 'open + migrate', run: runOpenMigrate },
  import: { title: 'plan import', run: runPlanImport },
  'file-import': { title: 'file import (.txt / .docx / .pdf)', run: runFileImport },
  corpus: { title: 'corpus', run: runCorpus },
  table: { title: 'initiative table', run: runTable },
  save: { title: 'saving a reader’s field', run: runSave },
  'table-ui': { title: 'initiative table in Chromium', run: runTableUi },
  library: { title: 'plan library (2,000 plans)', run: runLibrary },
  annotations: { title: 'annotations (note save, one item’s list)', run: runAnnotations },
  compare: { title: 'comparing a plan with its revision (200 / 2,000 / 20,000 items)', run: runCompare },
  search: { title: 'search everywhere (API and raw SQL, index size)', run: runSearch },
  packets: { title: 'briefing packets as PDF (Chromium)', run: runPackets },
  'search-ui': { title: 'typing into search everywhere (Chromium)', run: runSearchUi },
};

function main(argv: string[]): number {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv, join(repoRoot, 'tests', 'output', 'bench.json'));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const start = nowMs();
  const environment = describeEnvironment();
  const measurements: Measurement[] = [];
  const tmpDir = mkdtempSync(join(os.tmpdir(), 'briefbook-bench-'));
  const ctx: SuiteContext = {
    options,
    tmpDir,
    repoRoot,
    record(m) {
      measurements.push(m);
      console.log(formatMeasurement(m));
    },
    log: (line) => console.log(line),
  };
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  console.log(formatEnvironment(environment));
  console.log(
    `seed ${options.seed}${options.quick ? '  quick' : ''}${options.full ? '  full' : ''}  suites ${options.suites.join(',')}` +
      (gc ? '' : '  (no --expose-gc: garbage collection may land inside samples)'),
  );
  try {
    for (const name of options.suites) {
      const suite = SUITE_RUNNERS[name];
      console.log(`\n[${suite.title}]`);
      suite.run(ctx);
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  environment.loadAverage.end = loadAverage();
  const durationMs = nowMs() - start;
  writeReport(options.out, {
    startedAt: startedAt.toISOString(),
    durationMs,
    environment,
    options: { ...options },
    measurements,
  });
  console.log(`\n${(durationMs / 1000).toFixed(1)} s, load ${environment.loadAverage.end.join(' ')} at end; JSON: ${options.out}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
}
