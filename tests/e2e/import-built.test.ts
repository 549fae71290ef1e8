// The built import (out/main/import.js with its bundled worker out/main/import-worker.js, as
// the desktop app ships them) gives the same detection as the TypeScript sources, for a text
// file and for a PDF (pdfjs loaded from the bundle's dependencies), names a bad file, and
// imports into a data folder's library.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../electron/core/import/pipeline';
import { DATABASE_FILE } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/open';
import { dryRunJson } from '../../electron/server/import-output';
import { HELVETICA, pdfWithText } from '../core/import/make-pdf';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const BUILT = join(REPO_ROOT, 'out', 'main', 'import.js');
const dirs = useTempDirs('briefbook-import-built-');

function runBuilt(args: string[]) {
  const r = spawnSync(process.execPath, [BUILT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('built plan import', () => {
  it('is built beside its worker', () => {
    expect(existsSync(BUILT)).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'out', 'main', 'import-worker.js'))).toBe(true);
  });

  it('detects the same outline as the sources, for .txt and .pdf', async () => {
    const dir = dirs.make();
    const pdf = join(dir, 'plain.pdf');
    writeFileSync(pdf, pdfWithText('Plan title', HELVETICA));
    const notice = join(REPO_ROOT, 'tests', 'fixtures', 'import', 'notice.txt');
    for (const file of [notice, pdf]) {
      const r = runBuilt([file, '--dry-run', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const expected = dryRunJson(await importDocument(new Uint8Array(readFileSync(file)), file.split('/').pop()!));
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('names a bad file in one line with a non-zero status', () => {
    const dir = dirs.make();
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, '%PDF-1.7\nnot really');
    const r = runBuilt([file, '--dry-run', '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^scan\.pdf: [^\n]+\n$/);
  });

  it('imports into a data folder’s library, and recognises the same file the second time', () => {
    const dataDir = dirs.make();
    const notice = join(REPO_ROOT, 'tests', 'fixtures', 'import', 'notice.txt');
    const first = runBuilt([notice, '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const planId = /imported as (p-[0-9a-f]{10}), \d+ items\n$/.exec(first.stdout)?.[1];
    expect(planId).toBeDefined();
    const again = runBuilt([notice, '--data-dir', dataDir]);
    expect(again.stdout).toBe(`${notice}: already in the library as ${planId}\n`);
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT count(*) FROM plan_files WHERE plan_id = ?').pluck().get(planId)).toBe(1);
    } finally {
      db.close();
    }
  });
});
