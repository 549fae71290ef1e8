// Browser mode's entry run as a real process (through tsx, so the test needs no build): it
// prints one block with the URL, that URL serves the page and the API, a signal shuts it down
// with the database closed, and expected failures end in one plain sentence and an exit code.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { DEFAULT_PORT } from '../../electron/server/args';
import { REPO_ROOT } from '../helpers/paths';
import { apiHeaders, send } from './raw-http';
import { makeStaticFixture, type StaticFixture } from './static-fixture';

const CLI = join(REPO_ROOT, 'electron', 'server', 'cli.ts');
const TIMEOUT = 60_000;

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const fixtures: StaticFixture[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const blocker of blockers.splice(0)) await new Promise((r) => blocker.close(r));
  for (const f of fixtures.splice(0)) rmSync(f.root, { recursive: true, force: true });
});

function fixture(): StaticFixture {
  const f = makeStaticFixture();
  fixtures.push(f);
  return f;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Waits for the printed block (or the process ending without one). */
async function printedUrl(run: Run): Promise<URL> {
  const pattern = /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)\n/;
  const ended = run.exit.then((e) => {
    throw new Error(`server exited (${JSON.stringify(e)}) without a URL; stderr: ${run.stderr()}`);
  });
  const printed = new Promise<URL>((resolve) => {
    const check = () => {
      const match = pattern.exec(run.stdout());
      if (match) resolve(new URL(match[1]!));
      else run.child.stdout!.once('data', check);
    };
    check();
  });
  return Promise.race([printed, ended]);
}

async function holdPort(port: number): Promise<Server> {
  const blocker = createServer();
  blockers.push(blocker);
  await new Promise<void>((resolve) => {
    // If something else already holds the port, it is busy all the same.
    blocker.once('error', () => resolve());
    blocker.listen(port, '127.0.0.1', () => resolve());
  });
  return blocker;
}

async function expectServes(url: URL): Promise<void> {
  const port = Number(url.port);
  const token = url.searchParams.get('token')!;
  const page = await send(port, { path: `${url.pathname}${url.search}` });
  expect(page.status).toBe(200);
  expect(page.text).toContain('fixture page');
  const res = await send(port, { method: 'POST', path: '/api/plan.list', headers: apiHeaders(port, token), body: '{}' });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.text).value[0].id).toBe('hz-2024');
}

describe('browser-mode CLI', () => {
  it(
    'falls back to a free port when the default is busy, prints one block, and stops cleanly on SIGINT',
    async () => {
      await holdPort(DEFAULT_PORT);
      const f = fixture();
      const run = runCli(['--data-dir', f.dataDir, '--static', f.staticDir]);
      const url = await printedUrl(run);

      expect(Number(url.port)).not.toBe(DEFAULT_PORT);
      await expectServes(url);
      expect(run.stdout()).toBe(
        [
          'Briefbook is running in browser mode, on this computer only.',
          `  Open:        ${url.href}`,
          `  Data folder: ${f.dataDir}`,
          'This folder can be open in the desktop app and other browser-mode servers at the same time: saves wait ' +
            'their turn, and an edit made on out-of-date data is shown to you as a conflict, never saved over newer work.',
          'Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      );

      run.child.kill('SIGINT');
      expect(await run.exit).toEqual({ code: 0, signal: null });
      expect(run.stderr()).toBe('');
      // Closing the last connection checkpoints and removes the WAL: the database was closed.
      expect(existsSync(join(f.dataDir, DATABASE_FILE))).toBe(true);
      expect(existsSync(join(f.dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'serves on any free port with --port 0 and stops cleanly on SIGTERM',
    async () => {
      const f = fixture();
      const run = runCli(['--data-dir', f.dataDir, '--port', '0', '--static', f.staticDir]);
      const url = await printedUrl(run);
      await expectServes(url);
      run.child.kill('SIGTERM');
      expect(await run.exit).toEqual({ code: 0, signal: null });
      expect(run.stderr()).toBe('');
      expect(existsSync(join(f.dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'answers a bad argument with one sentence on stderr and exit code 2',
    async () => {
      const run = runCli(['--port', 'abc']);
      expect(await run.exit).toEqual({ code: 2, signal: null });
      expect(run.stderr()).toBe('--port must be a whole number from 0 to 65535, not "abc".\n');
      expect(run.stdout()).toBe('');
    },
    TIMEOUT,
  );

  it(
    'refuses a database from a newer Briefbook with one sentence, exit code 1, and the file untouched',
    async () => {
      const f = fixture();
      mkdirSync(f.dataDir, { recursive: true });
      const file = join(f.dataDir, DATABASE_FILE);
      const future = new Database(file);
      future.pragma('user_version = 999');
      future.close();
      const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
      const before = hash();

      const run = runCli(['--data-dir', f.dataDir, '--port', '0', '--static', f.staticDir]);
      expect(await run.exit).toEqual({ code: 1, signal: null });
      const lines = run.stderr().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/schema version 999.*open it with a newer Briefbook\.$/);
      expect(lines[1]).toBe('');
      expect(run.stdout()).toBe('');
      expect(hash()).toBe(before);
    },
    TIMEOUT,
  );

  it(
    'reports a busy port given with --port in one sentence, exit code 1',
    async () => {
      const blocker = await holdPort(0);
      const port = (blocker.address() as { port: number }).port;
      const f = fixture();
      const run = runCli(['--data-dir', f.dataDir, '--port', String(port), '--static', f.staticDir]);
      expect(await run.exit).toEqual({ code: 1, signal: null });
      expect(run.stderr()).toBe(
        `Briefbook could not start: Port ${port} is already in use; choose another with --port N, or --port 0 for any free port.\n`,
      );
    },
    TIMEOUT,
  );

  it(
    'explains a missing build in one sentence, exit code 1',
    async () => {
      const f = fixture();
      const missing = join(f.root, 'no-build');
      const run = runCli(['--data-dir', f.dataDir, '--port', '0', '--static', missing]);
      expect(await run.exit).toEqual({ code: 1, signal: null });
      expect(run.stderr()).toBe(
        `The built page was not found in ${missing}; run "npm run build" first, or use "npm run serve", which builds.\n`,
      );
    },
    TIMEOUT,
  );
});
