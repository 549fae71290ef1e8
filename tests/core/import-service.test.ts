// Importing through the real core's router, on real files and a real SQLite file: a preview of
// every format (read in the worker sandbox), bad files refused with the file and the problem
// named and nothing written, cancelling a preview still being read, the bounded and expiring
// preview memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { createImportService } from '../../electron/core/services/import/import-service';
import type { ImportPreview } from '../../shared/api/import/methods';
import type { Result } from '../../shared/api/result';
import { allSections, outlineOf } from '../../shared/domain/document';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { TS_WORKER } from '../helpers/import-worker';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';
import { makeDocx } from './import/make-docx';
import { scannedPdf } from './import/make-pdf';
import { printPdf } from './import/print-pdf';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// Each preview starts a worker that loads the TypeScript sources through tsx: seconds on a
// busy machine, so these tests get room (no test here measures time).
vi.setConfig({ testTimeout: 60_000 });

const temp = useTempDirs('briefbook-import-service-');
let core: Core;
let n = 0;
const newId = () => `preview-${process.pid}-${++n}`;

beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => {
  core.close();
  vi.restoreAllMocks();
});

async function preview(fileName: string, bytes: Uint8Array, previewId = newId()): Promise<Result<ImportPreview>> {
  return (await core.router.dispatch('import.preview', { previewId, fileName, dataBase64: b64(bytes) })) as Result<ImportPreview>;
}

async function previewOk(fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const result = await preview(fileName, bytes);
  if (!result.ok) throw new Error(`${fileName}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('import.preview of each format, through the router and the worker', () => {
  it('.txt (UTF-8): the outline, the levels and the source', async () => {
    const p = await previewOk('levels.txt', fixture('levels.txt'));
    expect(p.document.metadata.title).toBe('青禾市推进社区微更新三年行动方案');
    expect(outlineOf(p.document.sections).map((s) => `${s.numbering}${s.heading}`)).toEqual(['一、总体要求', '二、重点任务', '三、保障措施']);
    expect(p.document.source).toMatchObject({ fileName: 'levels.txt', format: 'txt', encoding: 'UTF-8' });
    expect(p.document.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.duplicateOf).toBeNull();
  });

  it('.txt in GBK', async () => {
    const text = fixture('levels.txt').toString('utf8');
    const p = await previewOk('levels-gbk.txt', iconv.encode(text, 'gbk'));
    expect(p.document.source.encoding).toMatch(/gb/i);
    expect(p.document.metadata.title).toBe('青禾市推进社区微更新三年行动方案');
  });

  it('.md with a task table: the tasks become sections with their own fields', async () => {
    const p = await previewOk('task-plan.md', fixture('task-plan.md'));
    const tasks = [...allSections(p.document.sections)].filter((s) => s.kind === 'task');
    expect(tasks.map((t) => t.heading)).toEqual(['推行企业开办“一日办结”', '建立惠企政策“免申即享”机制', '开展营商环境常态化监测']);
    expect(tasks[0]!.task).toMatchObject({ lead: '市市场监管局', deadline: '2024年底前' });
  });

  it('.html: a saved page without its navigation', async () => {
    const p = await previewOk('page.html', fixture('page.html'));
    expect(p.document.source.format).toBe('html');
    expect(p.document.sections.length).toBeGreaterThan(0);
  });

  it('.docx written in the test', async () => {
    const docx = await makeDocx([
      { heading: 1, text: '青禾市数字政府建设方案' },
      { text: '一、总体目标' },
      { text: '到2025年，基本建成整体协同的数字政府。' },
      { text: '二、重点任务' },
      { text: '推进政务数据共享。' },
    ]);
    const p = await previewOk('plan.docx', docx);
    expect(p.document.source.format).toBe('docx');
    expect(p.document.sections.map((s) => `${s.numbering}${s.heading}`)).toEqual(['一、总体目标', '二、重点任务']);
  });

  it('.pdf printed by Chromium from the corpus page', async () => {
    const pdf = await printPdf(fixture('print.html').toString('utf8'));
    const p = await previewOk('print.pdf', pdf);
    expect(p.document.source.format).toBe('pdf');
    expect(p.document.sections.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('bad files: BAD_REQUEST naming the file and the problem, nothing written', () => {
  const cases: { name: string; bytes: () => Promise<Uint8Array> | Uint8Array; message: RegExp }[] = [
    {
      name: 'damaged.docx',
      bytes: async () => (await makeDocx([{ text: '一、总体要求' }])).subarray(0, 200),
      message: /^damaged\.docx: /,
    },
    { name: 'scan.pdf', bytes: () => scannedPdf(), message: /^scan\.pdf: .*no text layer/ },
    { name: 'empty.txt', bytes: () => new Uint8Array(0), message: /^empty\.txt: is empty$/ },
    { name: 'setup.exe', bytes: () => new Uint8Array([0x4d, 0x5a, 0x90, 0]), message: /^setup\.exe: has an unsupported type \(\.exe\)/ },
    { name: 'old.doc', bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), message: /^old\.doc: is an old Word\/WPS \.doc file/ },
    { name: 'fake.pdf', bytes: () => new TextEncoder().encode('一、不是PDF'), message: /^fake\.pdf: is not a PDF file/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = dumpTables(core.db);
      const result = await preview(c.name, await c.bytes());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('BAD_REQUEST');
      expect(result.error.message).toMatch(c.message);
      expect(result.error.message).not.toContain('\n');
      expect(dumpTables(core.db)).toEqual(before);
    });
  }

  it('a file over the size limit is refused before it is decoded', async () => {
    const service = createImportService(core.db, {
      worker: { ...TS_WORKER, limits: { maxFileBytes: 1024 } },
    });
    await expect(service.preview({ previewId: newId(), fileName: 'big.txt', dataBase64: b64(new Uint8Array(3 * 1024 * 1024)) })).rejects.toThrow(
      'big.txt: is 3.0 MB, over the 0 MB limit for a plan',
    );
  });

  it('arguments that are not a file: a path as the name, text that is not base64', async () => {
    const path = await core.router.dispatch('import.preview', { previewId: newId(), fileName: '../etc/passwd.txt', dataBase64: '' });
    expect(path).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'import.preview: fileName must be a file name without folders' } });
    const notBase64 = await core.router.dispatch('import.preview', { previewId: newId(), fileName: 'a.txt', dataBase64: '一、' });
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'import.preview: dataBase64 must be base64' } });
  });
});

describe('import.cancel', () => {
  it('stops a preview still being read: its worker is terminated, the preview answers CANCELLED and is gone', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const before = dumpTables(core.db);
    const previewId = newId();
    // The reader picks a large file and cancels while it is read.
    const big = Buffer.from('一、总体要求\n坚持问题导向，推进改革。\n'.repeat(60_000));
    const pending = preview('big.txt', big, previewId);
    await new Promise((r) => setTimeout(r, 50));
    expect(await core.router.dispatch('import.cancel', { previewId })).toEqual({ ok: true, value: null });
    const result = await pending;
    expect(result).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'big.txt: was not imported: reading it was cancelled' } });
    expect(terminate).toHaveBeenCalled();
    const commit = await core.router.dispatch('import.commit', { previewId, choices: { levels: { theme: null, item: null }, edits: [] } });
    expect(commit).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('forgets a finished preview; cancelling an unknown id is no error', async () => {
    const p = await previewOk('levels.txt', fixture('levels.txt'));
    expect(await core.router.dispatch('import.cancel', { previewId: p.previewId })).toEqual({ ok: true, value: null });
    expect(await core.router.dispatch('import.cancel', { previewId: p.previewId })).toEqual({ ok: true, value: null });
    const commit = await core.router.dispatch('import.commit', { previewId: p.previewId, choices: { levels: { theme: null, item: null }, edits: [] } });
    expect(commit).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining(`no preview ${p.previewId}`) } });
  });

  it('closing the core stops a preview still being read', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const pending = preview('big.txt', Buffer.from('一、总体要求\n'.repeat(100_000)));
    await new Promise((r) => setTimeout(r, 20));
    core.close();
    expect((await pending).ok).toBe(false);
    expect(terminate).toHaveBeenCalled();
    core = createTestCore(temp.make());
  });
});

describe('the preview memory', () => {
  it('an id in use is refused; ids are the caller’s', async () => {
    const p = await previewOk('levels.txt', fixture('levels.txt'));
    const again = await preview('levels.txt', fixture('levels.txt'), p.previewId);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `The preview id ${p.previewId} is already in use; give each file a new id.` } });
  });

  it('holds a few previews: the oldest finished one is forgotten to make room', async () => {
    let clock = 0;
    const service = createImportService(core.db, {
      worker: TS_WORKER,
      previews: { maxPreviews: 2 },
      now: () => clock++,
    });
    const bytes = b64(fixture('levels.txt'));
    await service.preview({ previewId: 'first-preview', fileName: 'a.txt', dataBase64: bytes });
    await service.preview({ previewId: 'second-preview', fileName: 'b.txt', dataBase64: bytes });
    await service.preview({ previewId: 'third-preview', fileName: 'c.txt', dataBase64: bytes });
    const choices = { levels: { theme: null, item: null }, edits: [] };
    expect(() => service.commit('first-preview', choices)).toThrow(/There is no preview first-preview/);
    service.close();
  });

  it('forgets a preview after its time', async () => {
    let clock = 0;
    const service = createImportService(core.db, {
      worker: TS_WORKER,
      previews: { ttlMs: 30 * 60_000 },
      now: () => clock,
    });
    await service.preview({ previewId: 'old-preview', fileName: 'a.txt', dataBase64: b64(fixture('levels.txt')) });
    clock += 30 * 60_000 + 1;
    expect(() => service.commit('old-preview', { levels: { theme: null, item: null }, edits: [] })).toThrow(
      'There is no preview old-preview: it was cancelled, or forgotten after 30 minutes; open the file again.',
    );
  });

  it('refuses a new file while the maximum is still being read', async () => {
    const service = createImportService(core.db, {
      worker: TS_WORKER,
      previews: { maxPreviews: 1 },
    });
    const reading = service.preview({ previewId: 'reading-one', fileName: 'a.txt', dataBase64: b64(fixture('levels.txt')) });
    await expect(service.preview({ previewId: 'reading-two', fileName: 'b.txt', dataBase64: b64(fixture('levels.txt')) })).rejects.toThrow(
      'Already reading 1 file; wait for one to finish or cancel it, then try again.',
    );
    await reading;
    service.close();
  });
});
