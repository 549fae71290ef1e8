// `npm run search -- rebuild [--data-dir DIR]`: repair for the search index. The index is derived
// data, kept up to date by every write in its own transaction and rebuilt by a start that finds
// it in an older format, so this is never needed in ordinary use; it empties the index and
// writes it again from the texts where they live, in one IMMEDIATE transaction (safe beside a
// running app, which waits its turn). Like the annotations command it never creates or
// upgrades a library.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, DATABASE_FILE } from '../core/core';
import { latestVersion } from '../core/db/migrate';
import { MIGRATIONS } from '../core/db/migrations';
import { inspectDatabaseFile } from '../core/db/inspect';
import { defaultDataDir } from '../core/paths';
import { rebuildSearchIndex } from '../core/refresh-derived';

const USAGE = `Usage:
  npm run search -- rebuild [--data-dir DIR]

  rebuild     empties the search index and writes it again from the plans, translations,
              the reader's fields, tags and notes (repair; never needed at start-up)
  --data-dir  the data folder (default: the app's own)
`;

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(message: string, code = 1): never {
  process.stderr.write(`${message.replace(/\n$/, '')}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean' } } });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'rebuild') {
    fail(`${parsed.positionals[0] ? `Unknown command ${parsed.positionals[0]}` : 'No command given'}.\n${USAGE}`, 2);
  }
  const dataDir = resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) fail(`There is no Briefbook library in ${dataDir} (no ${DATABASE_FILE}); name the folder with --data-dir.`);
  const latest = latestVersion(MIGRATIONS);
  const inspection = inspectDatabaseFile(file, latest);
  if (inspection.state === 'existing' && inspection.header.userVersion < latest) {
    fail(`The library in ${dataDir} is from an older Briefbook (schema ${inspection.header.userVersion}, this one is ${latest}); open it in the app once. Nothing was changed.`);
  }
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // The version only labels the core; a missing package.json changes nothing here.
  }
  const core = createCore({ dataDir, resourcesDir: join(projectRoot, 'resources'), host: 'browser', version, scheduleBackups: false, indexMaintenance: false });
  try {
    const report = rebuildSearchIndex(core.db);
    const docs = core.db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
    process.stdout.write(`Search index rebuilt: ${report.plansIndexed.length} plans, ${report.readerDocsIndexed} reader records and notes, ${docs} texts.\n`);
  } finally {
    core.close();
  }
}

main(process.argv.slice(2));
