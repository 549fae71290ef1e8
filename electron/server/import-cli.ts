// `npm run import -- FILE... --dry-run [--json]`: the import as the app will do it, from the
// command line (for people preparing a library for colleagues). Each file is parsed in a worker
// thread under the import limits; --dry-run prints what was detected and writes nothing. A bad
// file ends with one line naming it and the problem, and a non-zero exit status. Writing into
// the library comes with the library view; until then only the dry run exists.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { outlineOf } from '../../shared/domain/document';
import { ImportError } from '../core/import/errors';
import { importFileInWorker, type SandboxOptions } from '../core/import/sandbox';
import { dryRunJson, printTree } from './import-output';

export const IMPORT_USAGE = `Usage: npm run import -- FILE... --dry-run [--json]
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
  if (!values['dry-run']) {
    fail('Importing into the library comes with the library view; nothing was written. Use --dry-run [--json] to see what would be imported.', 2);
  }
  const options = workerOptions();
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

void main();
