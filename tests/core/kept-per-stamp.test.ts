// keptPerStamp (table/plans.ts), the rule of the table's caches, on real SQLite files: a value
// is kept while the change stamp is the same (the table's own temporary writes included),
// computed again after a write committed by this connection or another, never kept from inside
// a write transaction (nor read back there), so a rollback leaves nothing computed from its
// rows; past its limit, what it kept is dropped before the next key goes in.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { readTransaction, writeTransaction } from '../../electron/core/db/transaction';
import { changeStamp, countOwnTempWrites, keptPerStamp } from '../../electron/core/services/table/plans';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let file: string;
let db: Db;
const opened: Db[] = [];
const open = () => {
  const made = openDatabase(file);
  opened.push(made);
  return made;
};

beforeEach(() => {
  file = join(temp.make(), 'kept.sqlite');
  db = open();
  db.exec('CREATE TABLE t (x INTEGER)');
  writeTransaction(db, () => db.prepare('INSERT INTO t (x) VALUES (1), (2)').run());
});
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

/** A cache of the rows of t, and how many times they were counted. */
function rowsKept(limit = 4) {
  const kept = keptPerStamp<number>(limit);
  const counted = { n: 0 };
  const rows = (key = 'rows') =>
    kept.get(db, key, () => {
      counted.n++;
      return db.prepare('SELECT count(*) FROM t').pluck().get() as number;
    });
  return { kept, counted, rows };
}

const insert = (on: Db = db) => writeTransaction(on, () => on.prepare('INSERT INTO t (x) VALUES (3)').run());

describe('keptPerStamp', () => {
  it('keeps a value while nothing is written, the table’s own temporary writes and a read transaction included', () => {
    const { counted, rows } = rowsKept();
    expect(rows()).toBe(2);
    expect(rows()).toBe(2);
    expect(counted.n).toBe(1);
    db.exec('CREATE TEMP TABLE own (x)');
    countOwnTempWrites(db, db.prepare('INSERT INTO temp.own (x) VALUES (1)').run().changes);
    expect(readTransaction(db, () => rows())).toBe(2);
    expect(counted.n).toBe(1);
  });

  it('computes again after a write committed by this connection or another', () => {
    const { counted, rows } = rowsKept();
    expect(rows()).toBe(2);
    insert();
    expect(rows()).toBe(3);
    expect(counted.n).toBe(2);
    insert(open());
    expect(rows()).toBe(4);
    expect(rows()).toBe(4);
    expect(counted.n).toBe(3);
  });

  it('keeps nothing from inside a write transaction, nor reads back there: a rollback leaves no value of its rows', () => {
    const { counted, rows } = rowsKept();
    expect(rows()).toBe(2);
    let inside = '';
    expect(() =>
      writeTransaction(db, () => {
        // Before its first write: computed afresh, not read back.
        expect(rows()).toBe(2);
        db.prepare('INSERT INTO t (x) VALUES (3)').run();
        expect(rows()).toBe(3);
        expect(rows()).toBe(3);
        inside = changeStamp(db);
        throw new Error('given up');
      }),
    ).toThrow('given up');
    expect(counted.n).toBe(4);
    // The stamp after the rollback is the one inside it: only nothing kept there gives 2.
    expect(changeStamp(db)).toBe(inside);
    expect(rows()).toBe(2);
    expect(counted.n).toBe(5);
    expect(rows()).toBe(2);
    expect(counted.n).toBe(5);
    // at() hands out nothing to keep inside one either.
    const { kept } = rowsKept();
    writeTransaction(db, () => expect(kept.at(db)).toBeUndefined());
  });

  it('drops what it kept before a key past its limit goes in; a kept key set again drops nothing', () => {
    const { kept, counted, rows } = rowsKept(2);
    rows('a');
    rows('b');
    expect(counted.n).toBe(2);
    kept.at(db)!.set('b', 2);
    rows('a');
    expect(counted.n).toBe(2);
    rows('c');
    expect([...kept.at(db)!.keys()]).toEqual(['c']);
    rows('a');
    expect(counted.n).toBe(4);
  });

  it('forgets, for one connection only', () => {
    const { kept, counted, rows } = rowsKept();
    rows();
    kept.forget(open());
    rows();
    expect(counted.n).toBe(1);
    kept.forget(db);
    rows();
    expect(counted.n).toBe(2);
  });
});
