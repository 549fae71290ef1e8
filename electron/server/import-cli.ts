// `npm run import -- FILE... [--data-dir DIR] [--dry-run [--json]]`: the import as the app does
// it, from the command line (for people preparing a library for colleagues). Each file is
// parsed in a worker thread under the import limits. Without --dry-run each is stored in the
// data folder's library exactly as the app stores it (the core opens, checks and migrates the
// database, then storeImportedPlan writes one file in one transaction); --dry-run prints what
// was detected and writes nothing. A bad file ends with one line naming it and the problem, a
// non-zero exit status, and nothing written for it; the other files are still imported.
// --version-of PLAN imports one file as the next version of that plan (the reader's values
// follow their items, in the same transaction); with --dry-run it prints what would change.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { outlineOf } from '../../shared/domain/document';
import { AppError } from '../../shared/api/result';
import { ImportError } from '../core/import/errors';
import { importFileInWorker, type SandboxOptions } from '../core/import/sandbox';
import { dryRunJson, printTree } from './import-output';
import { createCore, type Core } from '../core/core';
import { defaultDataDir } from '../core/paths';
import { storeImportedPlan } from '../core/plan/store-imported';
import { importVersion, versionChanges } from '../core/services/versions/version-import';
import type { VersionChanges } from '../../shared/api/versions/methods';

export const IMPORT_USAGE = `Usage: npm run import -- FILE... [--data-dir DIR] [--dry-run [--json]]
       npm run import -- FILE --version-of PLAN [--data-dir DIR] [--dry-run [--json]]
  --data-dir    the data folder whose library receives the plans (default: the app's own)
  --dry-run     detect the outline and metadata and print them; write nothing
  --json        print { "metadata", "outline", "warnings" } as JSON (an array for several files)
  --version-of  import FILE as a new version of the plan with this id: the reader's values
                follow their items; with --dry-run, print what would change
Formats: .txt .md (UTF-8, UTF-16, GB18030/GBK), .html, .docx, .pdf with a text layer.
`;

const here = fileURLToPath(import.meta.url);
// Both this source (electron/server/import-cli.ts, run with tsx) and its build
// (out/main/import.js) sit two folders below the project root.
const projectRoot = resolve(dirname(here), '..', '..');

/** The worker: the bundled one beside a build, or the TypeScript entry through tsx. */
function workerOptions(): SandboxOptions {
  const built = join(dirname(here), 'import-worker.js');
  if (!here.endsWith('.ts') && existsSync(built)) return { workerUrl: pathToFileURL(built) };
  return {
    workerUrl: pathToFileURL(join(projectRoot, 'electron', 'scripts', 'ts-worker.mjs')),
    workerData: { entry: pathToFileURL(join(projectRoot, 'electron', 'core', 'import', 'worker.ts')).href },
  };
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const options = {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'data-dir': { type: 'string' },
    'version-of': { type: 'string' },
    help: { type: 'boolean' },
  } as const;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options });
  } catch (err) {
    fail(`${(err as Error).message}\n${IMPORT_USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(IMPORT_USAGE);
    return;
  }
  if (positionals.length === 0) fail(`No file given.\n${IMPORT_USAGE}`, 2);
  const worker = workerOptions();
  const versionOf = values['version-of'];
  if (versionOf !== undefined) {
    if (positionals.length !== 1) fail(`--version-of takes one file.\n${IMPORT_USAGE}`, 2);
    if (values.json && !values['dry-run']) fail(`--json goes with --dry-run.\n${IMPORT_USAGE}`, 2);
    process.exitCode = await importAsVersion(positionals[0]!, versionOf, values['data-dir'] ?? defaultDataDir(), worker, {
      dryRun: values['dry-run'] === true,
      json: values.json === true,
    });
    return;
  }
  if (!values['dry-run']) {
    if (values.json) fail(`--json goes with --dry-run.\n${IMPORT_USAGE}`, 2);
    process.exitCode = await importIntoLibrary(positionals, values['data-dir'] ?? defaultDataDir(), worker);
    return;
  }
  const results: (ReturnType<typeof dryRunJson> & { file?: string })[] = [];
  let failed = false;
  for (const file of positionals) {
    try {
      const doc = await importFileInWorker(resolve(file), worker);
      if (values.json) results.push(positionals.length > 1 ? { file, ...dryRunJson(doc) } : dryRunJson(doc));
      else {
        const m = doc.metadata;
        process.stdout.write(`${file}: ${m.title ?? '(no title)'}${m.issuer ? ` — ${m.issuer}` : ''}${m.docNumber ? ` ${m.docNumber}` : ''}${m.date ? ` ${m.date}` : ''}\n`);
        process.stdout.write(printTree(outlineOf(doc.sections), 1));
        for (const w of doc.warnings) process.stdout.write(`  warning (${w.code}${w.at ? `, ${w.at}` : ''}): ${w.message}\n`);
      }
    } catch (err) {
      failed = true;
      const message = err instanceof ImportError ? err.message : `${file}: could not be read (${(err as Error).message})`;
      process.stderr.write(`${message.split('\n')[0]}\n`);
    }
  }
  if (values.json && results.length > 0) process.stdout.write(`${JSON.stringify(positionals.length > 1 ? results : results[0], null, 2)}\n`);
  process.exitCode = failed ? 1 : 0;
}

function openCore(dataDir: string): Core | null {
  try {
    return createCore({
      dataDir: resolve(dataDir),
      resourcesDir: join(projectRoot, 'resources'),
      host: 'browser',
      version: readVersion(),
      scheduleBackups: false,
      indexMaintenance: false,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message.split('\n')[0]}\n`);
    return null;
  }
}

const line = (i: { numeral: string; headline: string }) => `${i.numeral}${i.headline}`;

function printChanges(c: VersionChanges): string {
  const n = c.counts;
  const out = [
    `  against version ${c.versionOf.version} of ${c.versionOf.planId} (${c.versionOf.title}): ${n.unchanged} unchanged, ` +
      `${n.edited} edited, ${n.moved} moved, ${n.renumbered} renumbered, ${n.added} added, ${n.removed} removed, ${n.ambiguous} ambiguous`,
    ...c.changed.map((p) => {
      const what = [p.headingEdited || p.bodyEdited ? 'edited' : '', p.moved ? 'moved' : '', p.renumbered ? 'renumbered' : ''].filter(Boolean);
      return `  ~ ${line(p.from)} → ${line(p.to)} (${what.join(', ')}; ${p.how} ${p.score})`;
    }),
    ...c.added.map((i) => `  + ${line(i)}`),
    ...c.removed.map((i) => `  - ${line(i)}${i.values ? ` (${i.values} of your values stay on it, listed as unmatched)` : ''}`),
    ...c.ambiguous.map((a) => `  ? ${line(a.item)}: too close to call between ${a.candidates.map(line).join(' / ')}`),
  ];
  return `${out.join('\n')}\n`;
}

/** --version-of: one file as the next version of a plan (or, dry, what it would change). */
async function importAsVersion(
  file: string,
  planId: string,
  dataDir: string,
  worker: SandboxOptions,
  how: { dryRun: boolean; json: boolean },
): Promise<number> {
  const core = openCore(dataDir);
  if (!core) return 1;
  try {
    const doc = await importFileInWorker(resolve(file), worker);
    if (how.dryRun) {
      const changes = versionChanges(core.db, planId, doc);
      process.stdout.write(how.json ? `${JSON.stringify(changes, null, 2)}\n` : `${file}: a new version would change\n${printChanges(changes)}`);
      return 0;
    }
    const changes = versionChanges(core.db, planId, doc);
    const { planId: stored, items, version } = importVersion(core.db, doc, planId);
    process.stdout.write(
      `${file}: imported as ${stored}, version ${version.version} of ${version.lineageId}, ${items} item${items === 1 ? '' : 's'}; ` +
        `${version.matched} matched, your values moved on ${version.valuesMoved}, ${version.unmatched} unmatched\n${printChanges(changes)}`,
    );
    return 0;
  } catch (err) {
    const message = err instanceof ImportError || err instanceof AppError ? err.message : `${file}: could not be imported (${(err as Error).message})`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    return 1;
  } finally {
    core.close();
  }
}

/** Stores each file in the data folder's library; returns the exit status. */
async function importIntoLibrary(files: string[], dataDir: string, options: SandboxOptions): Promise<number> {
  const core = openCore(dataDir);
  if (!core) return 1;
  let failed = false;
  try {
    for (const file of files) {
      try {
        const doc = await importFileInWorker(resolve(file), options);
        const result = storeImportedPlan(core.db, doc);
        process.stdout.write(
          result.duplicate
            ? `${file}: already in the library as ${result.planId}${result.inTrash ? ' (in the trash)' : ''}\n`
            : `${file}: imported as ${result.planId}, ${result.items} item${result.items === 1 ? '' : 's'}\n`,
        );
      } catch (err) {
        failed = true;
        const message = err instanceof ImportError ? err.message : `${file}: could not be imported (${(err as Error).message})`;
        process.stderr.write(`${message.split('\n')[0]}\n`);
      }
    }
  } finally {
    core.close();
  }
  return failed ? 1 : 0;
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

void main();
