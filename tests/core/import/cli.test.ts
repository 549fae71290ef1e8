// `npm run import` as a real process (its TypeScript entry under tsx, as the npm script runs
// it): the dry run prints the detection as JSON, a bad file ends in one line and a non-zero
// status; without --dry-run each file is stored in the data folder's library, once.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { DATABASE_FILE } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/open';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const SCRIPT = join(REPO_ROOT, 'electron', 'scripts', 'import.mjs');
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');
const dirs = useTempDirs('briefbook-import-cli-');

function run(args: string[], cwd = REPO_ROOT) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run import', () => {
  it('--dry-run --json prints metadata, the outline of headings and the warnings', () => {
    const r = run([join(FIXTURES, 'skipped.txt'), '--dry-run', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { metadata: { title: string }; outline: unknown; warnings: { code: string }[] };
    expect(out.metadata.title).toBe('青禾市文明城市创建工作要点');
    expect(out.outline).toEqual([
      { numbering: '一、', heading: '加强组织领导', children: [
        { numbering: '（一）', heading: '健全工作机制', children: [] },
        { numbering: '（三）', heading: '压实工作责任', children: [] },
      ] },
      { numbering: '三、', heading: '强化宣传引导', children: [{ numbering: '（一）', heading: '营造浓厚氛围', children: [] }] },
    ]);
    expect(out.warnings.map((w) => w.code)).toEqual(['skipped-number', 'skipped-number']);
  }, 60_000);

  it('prints "" as the numbering of an unnumbered headline, and reads files relative to where it was run', () => {
    const r = run(['article.txt', '--dry-run', '--json'], FIXTURES);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { outline: { numbering: string; heading: string }[] };
    expect(out.outline.map((n) => [n.numbering, n.heading])).toEqual([
      ['', '在优化营商环境中激发市场活力'],
      ['', '在推进科技创新中塑造发展新优势'],
    ]);
  }, 60_000);

  it('ends with one line naming a bad file and a non-zero status, and still reads the good ones', () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'broken.docx'), 'not a zip at all');
    const r = run([join(FIXTURES, 'levels.txt'), join(dir, 'broken.docx'), '--dry-run', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('broken.docx: is not a .docx file (it is not a zip package)\n');
    const out = JSON.parse(r.stdout) as { file: string }[];
    expect(out.map((o) => o.file)).toEqual([join(FIXTURES, 'levels.txt')]);
  }, 60_000);

  it('without --dry-run imports each file into the data folder’s library as the app does, once', () => {
    const dir = dirs.make();
    const files = [join(FIXTURES, 'work-report.txt'), join(FIXTURES, 'levels.txt')];
    const r = run([...files, '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${files[0]}: imported as p-[0-9a-f]{10}, 5 items$`));
    const ids = lines.map((l) => /imported as (p-[0-9a-f]{10})/.exec(l)![1]!);

    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      // The app's own database: the embedded plan seeded beside the imported ones.
      expect(db.prepare('SELECT id FROM plans ORDER BY id').pluck().all()).toEqual(['hz-2024', ...ids].sort());
      expect(db.prepare('SELECT file_name FROM plan_files WHERE plan_id = ?').pluck().get(ids[0])).toBe('work-report.txt');
      expect(db.prepare('SELECT count(*) FROM plan_sections WHERE plan_id = ?').pluck().get(ids[1])).toBeGreaterThan(5);
    } finally {
      db.close();
    }

    const again = run([files[0]!, '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${files[0]}: already in the library as ${ids[0]}\n`);
  }, 60_000);

  it('names a bad file in one line, imports nothing of it, and still imports the good ones', () => {
    const dir = dirs.make();
    const bad = join(dirs.make(), 'broken.docx');
    writeFileSync(bad, 'not a zip at all');
    const r = run([bad, join(FIXTURES, 'regulation.txt'), '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('broken.docx: is not a .docx file (it is not a zip package)\n');
    expect(r.stdout).toMatch(/regulation\.txt: imported as p-[0-9a-f]{10}, \d+ items\n$/);
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT file_name FROM plan_files ORDER BY 1').pluck().all()).toEqual(['hangzhou-2024-05-11.txt', 'regulation.txt']);
    } finally {
      db.close();
    }
  }, 60_000);

  it('refuses a data folder whose database is not Briefbook’s, in one line, leaving it as it was', () => {
    const dir = dirs.make();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, 'this is not a database, just text that happens to sit here');
    const r = run([join(FIXTURES, 'levels.txt'), '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe('this is not a database, just text that happens to sit here');
  }, 60_000);
});
