// `npm run import -- FILE --version-of PLAN` as a real process (the npm script's entry, under
// tsx): with --dry-run it prints what the new version changes and writes nothing; without, it
// stores the version with the reader's values moved to their items; a plan that cannot take a
// version ends in one line, a non-zero status and nothing written.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/open';
import { planItems } from '../../../electron/core/services/versions/version-import';
import type { VersionChanges } from '../../../shared/api/versions/methods';
import { dumpTables } from '../../helpers/db-dump';
import { updateLatest } from '../../helpers/core';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const SCRIPT = join(REPO_ROOT, 'electron', 'scripts', 'import.mjs');
const V1 = join(REPO_ROOT, 'tests', 'fixtures', 'versions', 'renewal-v1.txt');
const V2 = join(REPO_ROOT, 'tests', 'fixtures', 'versions', 'renewal-v2.txt');
const dirs = useTempDirs('briefbook-version-cli-');
// Every table but the derived sort ranks, which any start of the app may compute afresh.
const STORED = /^(?!initiative_sort_keys$|text_sort_keys$|derived_state$)/;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: REPO_ROOT }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function withDb<T>(dir: string, fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('npm run import -- FILE --version-of PLAN', () => {
  it('previews with --dry-run, then imports the new version with the reader’s values on their items', () => {
    const dir = dirs.make();
    const first = run([V1, '--data-dir', dir]);
    expect(first.code).toBe(0);
    const v1 = /imported as (p-[0-9a-f]{10})/.exec(first.stdout)![1]!;
    withDb(dir, (db) => {
      const id = (headline: string) => planItems(db, v1).find((i) => i.headline === headline)!.id;
      updateLatest(db, id('完善社区服务设施'), { status: 'done', tags: ['民生'] });
      updateLatest(db, id('加强历史文化保护'), { status: 'watching' });
    });
    const before = withDb(dir, (db) => dumpTables(db, STORED));

    const dry = run([V2, '--version-of', v1, '--data-dir', dir, '--dry-run', '--json']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const changes = JSON.parse(dry.stdout) as VersionChanges;
    expect(changes.counts).toMatchObject({ added: 2, removed: 2, unmatchedWithValues: 1 });
    expect(withDb(dir, (db) => dumpTables(db, STORED))).toEqual(before);

    const r = run([V2, '--version-of', v1, '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [head, ...lines] = r.stdout.trim().split('\n');
    expect(head).toMatch(
      new RegExp(`^${V2}: imported as (p-[0-9a-f]{10}), version 2 of ${v1}, 11 items; 9 matched, your values moved on 1, 2 unmatched$`),
    );
    expect(lines).toContain('  - （五）加强历史文化保护 (1 of your values stay on it, listed as unmatched)');
    expect(lines).toContain('  ~ （二）完善社区服务设施 → （三）完善社区服务设施 (renumbered; identical 1)');
    const v2 = /imported as (p-[0-9a-f]{10})/.exec(head!)![1]!;
    withDb(dir, (db) => {
      const moved = planItems(db, v2).find((i) => i.headline === '完善社区服务设施')!.id;
      expect(db.prepare('SELECT status, revision FROM user_initiative_state WHERE initiative_id = ?').get(moved)).toEqual({
        status: 'done',
        revision: 2,
      });
      expect(db.prepare('SELECT tag FROM user_initiative_tags WHERE initiative_id = ?').pluck().all(moved)).toEqual(['民生']);
      const left = planItems(db, v1).find((i) => i.headline === '加强历史文化保护')!.id;
      expect(db.prepare('SELECT status FROM user_initiative_state WHERE initiative_id = ?').pluck().get(left)).toBe('watching');
    });
  }, 120_000);

  it('a plan that cannot take the version: one line, status 1, nothing written', () => {
    const dir = dirs.make();
    expect(run([V1, '--data-dir', dir]).code).toBe(0);
    const before = withDb(dir, (db) => dumpTables(db, STORED));
    const r = run([V2, '--version-of', 'p-0000000000', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('renewal-v2.txt: there is no plan p-0000000000 to import a new version of\n');
    expect(withDb(dir, (db) => dumpTables(db, STORED))).toEqual(before);
    const two = run([V1, V2, '--version-of', 'hz-2024', '--data-dir', dir]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^--version-of takes one file\./);
  }, 120_000);
});
