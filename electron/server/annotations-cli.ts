// `npm run annotations -- export --format md|csv|json|jsonld [--plan ID] [--language zh|en]
//   [--data-dir DIR] [--out FILE]` and `npm run annotations -- import FILE [--data-dir DIR]`:
// the app's annotation export and import from the command line, for backups and scripts. Both
// go through the core's router, so they check their arguments and the file exactly as the app
// does.
//
// On a folder the app (or a browser-mode server) is using at the same time: that is safe by the
// core's design (README "Two apps on one folder"): the import is one IMMEDIATE transaction that
// waits its turn on SQLite's lock and merges by revision, so it never overwrites a newer edit,
// and an edit still open in the app on an older revision gets a conflict instead of saving over
// the import. What is not safe is changing the schema under a running app of another version,
// so this command never upgrades a database and never creates one: an older library is refused
// with a sentence saying to open it in the app once.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANNOTATION_EXPORT_FORMATS, type AnnotationExport, type AnnotationImportReport } from '../../shared/api/annotation-exchange/methods';
import { createCore, DATABASE_FILE, type Core } from '../core/core';
import { latestVersion } from '../core/db/migrate';
import { MIGRATIONS } from '../core/db/migrations';
import { inspectDatabaseFile } from '../core/db/inspect';
import { defaultDataDir } from '../core/paths';

export const ANNOTATIONS_USAGE = `Usage:
  npm run annotations -- export --format md|csv|json|jsonld [--plan ID] [--language zh|en] [--data-dir DIR] [--out FILE]
  npm run annotations -- import FILE [--data-dir DIR]

  export      writes every annotation (or one plan's) to FILE, or to the standard output
              md and csv: for reading (not the trash); json and jsonld: lossless backups
  import      merges a JSON or JSON-LD annotation file into the library, all or nothing:
              new annotations are added, older ones updated, newer local edits kept
  --data-dir  the data folder (default: the app's own)
  --language  the language of headings and columns in md and csv (default: en)
`;

const here = fileURLToPath(import.meta.url);
// Both this source (electron/server/annotations-cli.ts, run with tsx) and its build sit two
// folders below the project root.
const projectRoot = resolve(dirname(here), '..', '..');

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The core on an existing library of this schema version; never creates or upgrades one. */
function openLibrary(dataDir: string): Core {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    throw new CliError(`There is no Briefbook library in ${dataDir} (no ${DATABASE_FILE}); name the folder with --data-dir, or start Briefbook once.`);
  }
  const latest = latestVersion(MIGRATIONS);
  const inspection = inspectDatabaseFile(file, latest);
  if (inspection.state === 'existing' && inspection.header.userVersion < latest) {
    throw new CliError(
      `The library in ${dataDir} is from an older Briefbook (schema ${inspection.header.userVersion}, this one is ${latest}); ` +
        'open it in the app once to upgrade it, then run this again. Nothing was changed.',
    );
  }
  return createCore({ dataDir, resourcesDir: join(projectRoot, 'resources'), host: 'browser', version: readVersion(), scheduleBackups: false, indexMaintenance: false });
}

async function call<T>(core: Core, method: 'annotation.export' | 'annotation.import', args: unknown): Promise<T> {
  const result = await core.router.dispatch(method, args);
  if (!result.ok) throw new CliError(result.error.message);
  return result.value as T;
}

/** Writes next to the target and renames, so a backup file is whole or not there. */
function writeWhole(file: string, text: string): void {
  const temp = `${file}.part-${process.pid}`;
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        plan: { type: 'string' },
        language: { type: 'string' },
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${ANNOTATIONS_USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(ANNOTATIONS_USAGE);
    return;
  }
  const [command, ...rest] = positionals;
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  if (command === 'export') {
    if (rest.length > 0) throw new CliError(`export takes no file; use --out FILE.\n${ANNOTATIONS_USAGE}`, 2);
    const format = values.format;
    if (!format || !(ANNOTATION_EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`export needs --format ${ANNOTATION_EXPORT_FORMATS.join('|')}.\n${ANNOTATIONS_USAGE}`, 2);
    }
    if (values.language !== undefined && values.language !== 'zh' && values.language !== 'en') throw new CliError('--language must be zh or en.', 2);
    const core = openLibrary(dataDir);
    try {
      const file = await call<AnnotationExport>(core, 'annotation.export', {
        format,
        ...(values.plan ? { planId: values.plan } : {}),
        ...(values.language ? { language: values.language } : {}),
      });
      if (values.out) {
        const out = resolve(values.out);
        writeWhole(out, file.text);
        process.stderr.write(`${file.count} annotation${file.count === 1 ? '' : 's'} written to ${out}\n`);
      } else {
        process.stdout.write(file.text);
      }
    } finally {
      core.close();
    }
    return;
  }
  if (command === 'import') {
    if (rest.length !== 1) throw new CliError(`import takes one file.\n${ANNOTATIONS_USAGE}`, 2);
    const path = resolve(rest[0]!);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new CliError(`${rest[0]}: could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    const core = openLibrary(dataDir);
    try {
      const r = await call<AnnotationImportReport>(core, 'annotation.import', { fileName: basename(path), text });
      process.stdout.write(
        `${basename(path)}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.keptLocal} kept (newer here)` +
          (r.notInLibrary > 0 ? `; ${r.notInLibrary} on plans or items not in this library, kept for when they are imported` : '') +
          '\n',
      );
    } finally {
      core.close();
    }
    return;
  }
  throw new CliError(`${command ? `Unknown command ${command}` : 'No command given'}.\n${ANNOTATIONS_USAGE}`, 2);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${(err instanceof Error ? err.message : String(err)).replace(/\n$/, '')}\n`);
  process.exitCode = err instanceof CliError ? err.exitCode : 1;
});
