// Entry of browser mode (built to out/main/server.js): opens the reader's data folder with the
// core, serves it on 127.0.0.1 and prints the one URL to open. Expected failures (bad
// arguments, a busy port) end with one plain sentence, not a stack trace: the reader did
// nothing wrong that a stack trace would explain. A database the core refuses (damaged,
// foreign, read-only, from a newer Briefbook) does not end it: the server starts in recovery
// mode, says why in one sentence, and the page offers to restore a backup or start anew.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN_QUERY_PARAM } from '../../shared/api/http';
import { openCore, type Core } from '../core/core';
import { chromiumPath, createChromiumPdf } from './chromium-pdf';
import { DatabaseProblemError } from '../core/db/errors';
import { defaultDataDir } from '../core/paths';
import { parseArgs, USAGE, UsageError, type ServeOptions } from './args';
import { startServer, type RunningServer } from './server';

// Both this source file (electron/server/cli.ts, run with tsx) and its build
// (out/main/server.js) sit two folders below the project root.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What two processes on one data folder do, said once at start (README "Your data"). */
export const SHARED_FOLDER_NOTE =
  'This folder can be open in the desktop app and other browser-mode servers at the same time: ' +
  'saves wait their turn, and an edit made on out-of-date data is shown to you as a conflict, never saved over newer work.';

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

async function listen(core: Core, options: ServeOptions): Promise<RunningServer> {
  const start = (port: number) => startServer({ router: core.router, staticDir: options.staticDir, port });
  try {
    return await start(options.port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (options.portGiven) {
      throw new Error(
        `Port ${options.port} is already in use; choose another with --port N, or --port 0 for any free port.`,
        { cause: err },
      );
    }
    return start(0);
  }
}

function startupMessage(err: unknown): string {
  if (err instanceof DatabaseProblemError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' && e.path) return `Briefbook could not start: ${e.path} does not exist.`;
  return `Briefbook could not start: ${e.message ?? String(err)}`;
}

async function main(): Promise<void> {
  let options: ServeOptions;
  try {
    const parsed = parseArgs(process.argv.slice(2), {
      dataDir: defaultDataDir(),
      resourcesDir: join(projectRoot, 'resources'),
      staticDir: join(projectRoot, 'out', 'renderer'),
    });
    if (parsed.help) {
      process.stdout.write(USAGE);
      return;
    }
    options = parsed;
  } catch (err) {
    if (err instanceof UsageError) fail(err.message, 2);
    throw err;
  }
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    fail(`The built page was not found in ${options.staticDir}; run "npm run build" first, or use "npm run serve", which builds.`, 1);
  }

  let core: Core;
  let server: RunningServer;
  // Packets as PDF need a Chromium on this machine; without one the page prints them itself.
  const browserPath = chromiumPath();
  const pdf = browserPath ? createChromiumPdf(browserPath) : null;
  try {
    core = openCore({
      dataDir: options.dataDir,
      resourcesDir: options.resourcesDir,
      host: 'browser',
      version: readVersion(),
      // A library behind this version is updated while the page shows how far (the server
      // listens at once instead of after the migrations).
      migrateInWorker: true,
      ...(pdf ? { pdfRenderer: pdf.render } : {}),
    });
  } catch (err) {
    fail(startupMessage(err), 1);
  }
  try {
    server = await listen(core, options);
  } catch (err) {
    core.close();
    fail(startupMessage(err), 1);
  }

  const url = `${server.url}/?${TOKEN_QUERY_PARAM}=${server.token}`;
  const problem = core.storage.problem;
  if (problem) process.stderr.write(`${problem.message.replace(/\s+/g, ' ')}\n`);
  const opening = core.storage.status().opening;
  if (opening) {
    process.stdout.write(
      `Updating the library from schema version ${opening.from} to ${opening.to} (once, after a backup); the page shows how far, and can cancel it.\n`,
    );
  }
  process.stdout.write(
    [
      problem
        ? 'Briefbook is running in recovery mode, on this computer only: open the page to restore a backup or start a new database.'
        : 'Briefbook is running in browser mode, on this computer only.',
      `  Open:        ${url}`,
      `  Data folder: ${options.dataDir}`,
      SHARED_FOLDER_NOTE,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (): void => {
    // A terminal's Ctrl+C can arrive twice (directly and forwarded by npm run serve).
    if (stopping) return;
    stopping = true;
    // The database closes only after the background check or backup workers have let go of
    // theirs: closed last, SQLite checkpoints and removes the -wal before the process exits.
    server
      .close()
      .catch(() => undefined)
      .then(() => core.shutdown())
      .catch(() => core.close())
      .then(() => pdf?.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fail(startupMessage(err), 1));
