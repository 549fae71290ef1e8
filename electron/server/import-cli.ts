// `npm run import -- FILE... [--data-dir DIR] [--dry-run [--json]]`: the import as the app does
// it, from the command line (for people preparing a library for colleagues). Each file is
// parsed in a worker thread under the import limits. Without --dry-run each is stored in the
// data folder's library exactly as the app stores it (the core opens, checks and migrates the
// database, then storeImportedPlan writes one file in one transaction); --dry-run prints what
// was detected and writes nothing. A bad file ends with one line naming it and the problem, a
// non-zero exit status, and nothing written for it; the other files are still imported.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { outlineOf } from '../../shared/domain/document';
import { ImportError } from '../core/import/errors';
import { importFileInWorker, type SandboxOptions } from '../core/import/sandbox';
import { dryRunJson, printTree } from './import-output';
import { createCore, type Core } from '../core/core';
import { defaultDataDir } from '../core/paths';
import { storeImportedPlan } from '../core/plan/store-imported';

export const IMPORT_USAGE = `Usage: npm run import -- FILE... [--data-dir DIR] [--dry-run [--json]]
  --data-dir  the data folder whose library receives the plans (default: the app's own)
  --dry-run   detect the outline and metadata and print them; write nothing
  --json      print { "metadata", "outline", "warnings" } as JSON (an array for several files)
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
  let parsed: ReturnType<typeof parseArgs<{ options: { 'dry-run': { type: 'boolean' }; json: { type: 'boolean' }; 'data-dir': { type: 'string' }; help: { type: 'boolean' } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${IMPORT_USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(IMPORT_USAGE);
    return;
  }
  if (positionals.length === 0) fail(`No file given.\n${IMPORT_USAGE}`, 2);
  const options = workerOptions();
  if (!values['dry-run']) {
    if (values.json) fail(`--json goes with --dry-run.\n${IMPORT_USAGE}`, 2);
    process.exitCode = await importIntoLibrary(positionals, values['data-dir'] ?? defaultDataDir(), options);
    return;
  }
  const results: (ReturnType<typeof dryRunJson> & { file?: string })[] = [];
  let failed = false;
  for (const file of positionals) {
    try {
      const doc = await importFileInWorker(resolve(file), options);
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

/** Stores each file in the data folder's library; returns the exit status. */
async function importIntoLibrary(files: string[], dataDir: string, options: SandboxOptions): Promise<number> {
  let core: Core;
  try {
    core = createCore({
      dataDir: resolve(dataDir),
      resourcesDir: join(projectRoot, 'resources'),
      host: 'browser',
      version: readVersion(),
      scheduleBackups: false,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message.split('\n')[0]}\n`);
    return 1;
  }
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
