// The only two ways core code opens a transaction.
//
// writeTransaction begins IMMEDIATE: it takes SQLite's write lock before its first read, so a
// second process on the same file waits on the busy timeout instead of failing at once with
// "database is locked" (a deferred transaction that has read cannot wait: its snapshot would be
// stale once the other writer commits). Every write to the database goes through it, single
// statements included; tests/architecture/transactions.test.ts checks both rules.
//
// readTransaction is a deferred transaction for reads that must see one snapshot (a page and
// its total, an export). It never writes to the main database.
import type { Db } from './open';

const writeDepth = new WeakMap<Db, number>();

type Runner = ReturnType<Db['transaction']>;
// One transaction function per connection, handed the work to run: better-sqlite3 builds four
// wrappers with their properties for every db.transaction(fn), which a small save would pay
// each time (nested calls still become savepoints: the wrapper checks db.inTransaction).
const runners = new WeakMap<Db, Runner>();

function runner(db: Db): Runner {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction(<T>(fn: () => T): T => fn());
    runners.set(db, run);
  }
  return run;
}

/** Runs `fn` in a transaction that begins IMMEDIATE (or, nested, in a savepoint of one). */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  const depth = writeDepth.get(db) ?? 0;
  if (depth === 0 && db.inTransaction) {
    // A savepoint inside a deferred transaction would not take the write lock up front.
    throw new Error('writeTransaction inside a read transaction: it could not begin IMMEDIATE');
  }
  writeDepth.set(db, depth + 1);
  try {
    return runner(db).immediate(fn) as T;
  } finally {
    writeDepth.set(db, depth);
  }
}

/** Whether the connection is inside writeTransaction (for the checks in tests). */
export function inWriteTransaction(db: Db): boolean {
  return (writeDepth.get(db) ?? 0) > 0;
}

/** Runs `fn` in a deferred transaction: one consistent snapshot for several reads. */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return runner(db).deferred(fn) as T;
}
