// Every write begins IMMEDIATE (so a second process on the same file waits on the busy
// timeout instead of failing with "database is locked"). Two checks keep it so:
// - in the source, only electron/core/db/transaction.ts may open a transaction (writeTransaction
//   begins IMMEDIATE, readTransaction is for reads);
// - at run time, every statement that writes the main database runs inside writeTransaction:
//   a real core is started on a fresh folder and every method of the contract is called, with
//   better-sqlite3's prepare/exec wrapped to record any write made outside it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api/contract';
import { inWriteTransaction, writeTransaction } from '../../electron/core/db/transaction';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { validArgs } from '../helpers/valid-args';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HELPER = 'electron/core/db/transaction.ts';

function electronSources(): string[] {
  return readdirSync(join(root, 'electron'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** `.transaction(` calls outside comments, as `file:line`. */
export function transactionCalls(file: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => [line.replace(/\/\/.*$/, ''), i + 1] as const)
    .filter(([line]) => /\.transaction\s*\(/.test(line) && !/^\s*\*/.test(line))
    .map(([, n]) => `${file}:${n}`);
}

describe('transactions in the source', () => {
  it('only the transaction helper opens one', () => {
    const files = electronSources();
    expect(files).toContain(HELPER);
    const calls = files.filter((f) => f !== HELPER).flatMap((f) => transactionCalls(f, readFileSync(join(root, f), 'utf8')));
    expect(calls).toEqual([]);
  });

  it('the check sees a direct call and ignores comments', () => {
    expect(transactionCalls('x.ts', 'const t = db.transaction(() => 1)();')).toEqual(['x.ts:1']);
    expect(transactionCalls('x.ts', '  db\n    .transaction(fn).immediate()')).toEqual(['x.ts:2']);
    expect(transactionCalls('x.ts', '// db.transaction( in a comment\n * db.transaction(')).toEqual([]);
  });
});

type Prepare = typeof Database.prototype.prepare;
type Exec = typeof Database.prototype.exec;

/** Records writes to the main database made outside writeTransaction, until restored. */
function watchWrites(): { outside: string[]; restore(): void } {
  const outside: string[] = [];
  const proto = Database.prototype;
  const prepare: Prepare = proto.prepare;
  const exec: Exec = proto.exec;
  // Writes to the connection's temp schema (the table's scratch list of hits) are not shared
  // with other processes and need no lock.
  const writesMain = (sql: string) => !/\btemp\./i.test(sql) && !/\bCREATE\s+TEMP\b/i.test(sql);
  proto.prepare = function (this: Database.Database, sql: string) {
    const statement = prepare.call(this, sql);
    if (statement.reader || !writesMain(sql)) return statement;
    const run = statement.run;
    const { database } = statement;
    statement.run = function (this: Database.Statement, ...params: unknown[]) {
      if (!inWriteTransaction(database)) outside.push(sql.trim().replace(/\s+/g, ' ').slice(0, 100));
      return run.apply(this, params as never);
    } as typeof run;
    return statement;
  } as Prepare;
  proto.exec = function (this: Database.Database, sql: string) {
    if (/\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i.test(sql) && writesMain(sql) && !inWriteTransaction(this)) {
      outside.push(sql.trim().replace(/\s+/g, ' ').slice(0, 100));
    }
    return exec.call(this, sql);
  } as Exec;
  return {
    outside,
    restore() {
      proto.prepare = prepare;
      proto.exec = exec;
    },
  };
}

describe('writes at run time', () => {
  const temp = useTempDirs();
  let restore = () => {};
  afterEach(() => restore());

  // Every method once, an import read in a worker thread and a packet rendered to PDF by Chromium
  // among them: more than the default 5 s on a loaded machine.
  it('every write of a first start and of every API method runs inside writeTransaction', async () => {
    const watch = watchWrites();
    restore = watch.restore;
    const core = createTestCore(temp.make());
    try {
      for (const method of API_METHODS) {
        const args = await validArgs(method, core);
        const result = await core.router.dispatch(method, args);
        expect(result, method).toMatchObject({ ok: true });
      }
    } finally {
      core.close();
    }
    expect(watch.outside).toEqual([]);
  }, 120_000);

  it('the watch does see a write made outside writeTransaction (so the test above can fail)', () => {
    const watch = watchWrites();
    restore = watch.restore;
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE t (x INTEGER)');
      db.prepare('INSERT INTO t (x) VALUES (1)').run();
      writeTransaction(db, () => db.prepare('INSERT INTO t (x) VALUES (2)').run());
      // A deferred transaction is not enough.
      db.transaction(() => db.prepare('INSERT INTO t (x) VALUES (3)').run())();
    } finally {
      db.close();
    }
    expect(watch.outside).toEqual(['CREATE TABLE t (x INTEGER)', 'INSERT INTO t (x) VALUES (1)', 'INSERT INTO t (x) VALUES (3)']);
  });

  it('writeTransaction begins IMMEDIATE: a second connection cannot start writing meanwhile', () => {
    const dir = temp.make();
    const a = new Database(join(dir, 'x.sqlite3'));
    const b = new Database(join(dir, 'x.sqlite3'), { timeout: 0 });
    try {
      a.pragma('journal_mode = WAL');
      a.exec('CREATE TABLE t (x INTEGER)');
      writeTransaction(a, () => {
        // Nothing written yet, only a read: a deferred transaction would hold no write lock here.
        a.prepare('SELECT count(*) FROM t').get();
        expect(() => b.exec('BEGIN IMMEDIATE')).toThrow(/database is locked/);
      });
    } finally {
      a.close();
      b.close();
    }
  });
});
