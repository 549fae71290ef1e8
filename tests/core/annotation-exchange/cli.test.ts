// `npm run annotations` as a real process (its npm script, which runs the TypeScript entry
// under tsx): export to a file or the standard output, import once and again, a bad file ending
// in one line with nothing changed, a library the app holds open at the same time, and the
// refusals (no library, an older one) that leave the folder as it was.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/core';
import { addAnnotation } from '../../helpers/annotations';
import { createTestCore } from '../../helpers/core';
import { dumpTables } from '../../helpers/db-dump';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';

const SCRIPT = join(REPO_ROOT, 'electron', 'scripts', 'annotations.mjs');
const dirs = useTempDirs('briefbook-annotations-cli-');

// Asynchronous, so a core in this process (the "app") can answer while the command runs.
function run(args: string[], cwd = REPO_ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A library with three annotations (one in the trash), closed again. */
function library(): string {
  const dir = dirs.make();
  const core = createTestCore(dir);
  try {
    addAnnotation(core.db, { kind: 'highlight', itemId: 'hz-2024/T3/I3', body: '<img src=x onerror=alert(1)> 要点', tags: ['重点'] });
    addAnnotation(core.db, { kind: 'note', itemId: null, planId: 'hz-2024', body: '=1+1' });
    addAnnotation(core.db, { kind: 'note', itemId: 'hz-2024/T1/I1', body: '删掉的', trashed: true });
  } finally {
    core.close();
  }
  return dir;
}

const annotationRows = (dir: string) => {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return dumpTables(db, /^user_annotation/);
  } finally {
    db.close();
  }
};

describe('npm run annotations', () => {
  it('exports Markdown to a file (relative to where it was run) and JSON-LD to the standard output', async () => {
    const dir = library();
    const out = dirs.make();
    const md = await run(['export', '--format', 'md', '--language', 'zh', '--data-dir', dir, '--out', 'notes.md'], out);
    expect(md.stderr).toBe(`2 annotations written to ${join(out, 'notes.md')}\n`);
    expect(md.code).toBe(0);
    const text = readFileSync(join(out, 'notes.md'), 'utf8');
    expect(text).toMatch(/^# 标注\n/);
    expect(text).toContain('&lt;img src=x onerror=alert(1)> 要点');
    expect(text).not.toContain('删掉的');
    expect(readdirSync(out)).toEqual(['notes.md']);

    const ld = await run(['export', '--format', 'jsonld', '--data-dir', dir]);
    expect(ld.code).toBe(0);
    const doc = JSON.parse(ld.stdout) as { type: string; total: number };
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 3 });
  }, 60_000);

  it('imports into another library, then again with nothing changed', async () => {
    const from = library();
    const file = join(dirs.make(), 'backup.json');
    expect((await run(['export', '--format', 'json', '--data-dir', from, '--out', file])).code).toBe(0);
    const to = dirs.make();
    createTestCore(to).close();

    const first = await run(['import', file, '--data-dir', to]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('backup.json: 3 added, 0 updated, 0 unchanged, 0 kept (newer here)\n');
    expect(first.code).toBe(0);
    const rows = annotationRows(to);
    expect(rows.user_annotations).toHaveLength(3);
    const again = await run(['import', file, '--data-dir', to]);
    expect(again.stdout).toBe('backup.json: 0 added, 0 updated, 3 unchanged, 0 kept (newer here)\n');
    expect(annotationRows(to)).toEqual(rows);
  }, 60_000);

  it('a bad file ends in one line naming the place, a non-zero status, and nothing changed', async () => {
    const dir = library();
    const file = join(dirs.make(), 'bad.json');
    const good = (await run(['export', '--format', 'json', '--data-dir', dir])).stdout;
    const broken = JSON.parse(good) as { annotations: Record<string, unknown>[] };
    broken.annotations[1]!.createdAt = 'last week';
    writeFileSync(file, JSON.stringify(broken));
    const before = annotationRows(dir);
    const r = await run(['import', file, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bad\.json: annotations\[1\]\.createdAt: must be a date and time[^\n]*\n$/);
    expect(annotationRows(dir)).toEqual(before);
  }, 60_000);

  it('imports while the app has the folder open: the app sees the result at once', async () => {
    const from = library();
    const file = join(dirs.make(), 'backup.jsonld');
    expect((await run(['export', '--format', 'jsonld', '--data-dir', from, '--out', file])).code).toBe(0);
    const to = dirs.make();
    const app = createTestCore(to);
    try {
      const r = await run(['import', file, '--data-dir', to]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const listed = await app.router.dispatch('annotation.list', { trashed: false });
      expect(listed.ok && (listed.value as { total: number }).total).toBe(2);
    } finally {
      app.close();
    }
  }, 60_000);

  it('refuses a folder without a library, or with an older one, and leaves it as it was', async () => {
    const empty = dirs.make();
    const none = await run(['export', '--format', 'md', '--data-dir', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`There is no Briefbook library in ${empty} (no ${DATABASE_FILE}); name the folder with --data-dir, or start Briefbook once.\n`);
    expect(readdirSync(empty)).toEqual([]);

    const old = dirs.make();
    const db = new Database(join(old, DATABASE_FILE));
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE plans (id TEXT); CREATE TABLE themes (id TEXT); CREATE TABLE initiatives (id TEXT)');
    db.pragma('user_version = 2');
    db.pragma(`application_id = ${0x4272426b}`);
    db.close();
    const bytes = readFileSync(join(old, DATABASE_FILE));
    const r = await run(['import', join(REPO_ROOT, 'package.json'), '--data-dir', old]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is from an older Briefbook \(schema 2, this one is \d+\); open it in the app once/);
    expect(readFileSync(join(old, DATABASE_FILE)).equals(bytes)).toBe(true);
    expect(existsSync(join(old, `${DATABASE_FILE}-wal`))).toBe(false);
  }, 60_000);

  it('explains its usage for a mistake, with status 2', async () => {
    const r = await run(['export']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^export needs --format md\|csv\|json\|jsonld\.\nUsage:/);
  }, 60_000);
});
