// What a reader of the numbers needs to judge them: how many cores, how loaded the box was,
// and the versions of Node and SQLite that produced them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import Database from 'better-sqlite3';

export interface Environment {
  nproc: number;
  loadAverage: { start: number[]; end: number[] | null };
  node: string;
  sqlite: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
  cpu: string;
  totalMemoryBytes: number;
  tmpdir: string;
}

export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}

function betterSqlite3Version(): string {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

export function describeEnvironment(): Environment {
  return {
    nproc: os.availableParallelism(),
    loadAverage: { start: loadAverage(), end: null },
    node: process.version,
    sqlite: sqliteVersion(),
    betterSqlite3: betterSqlite3Version(),
    platform: os.platform(),
    arch: os.arch(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    tmpdir: os.tmpdir(),
  };
}

export function formatEnvironment(env: Environment): string {
  return (
    `nproc ${env.nproc}  load ${env.loadAverage.start.join(' ')}  node ${env.node}  ` +
    `sqlite ${env.sqlite} (better-sqlite3 ${env.betterSqlite3})  ${env.platform}/${env.arch}  ${env.cpu}`
  );
}
