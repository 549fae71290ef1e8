// Request body limits per method, over real HTTP against a real core: the methods that carry a
// whole file (import.preview, translation.attach) may send a file at the import size limit as
// base64; every other method keeps the 1 MB limit. Over its limit a request is answered 413 with
// the limit named, and nothing in the database changes. A .docx uploaded through the server is
// previewed like a file opened in the desktop app.
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api/import/methods';
import { MAX_BODY_BYTES, MAX_FILE_BODY_BYTES, maxBodyBytes } from '../../shared/api/http';
import { dumpTables } from '../helpers/db-dump';
import { makeDocx } from '../core/import/make-docx';
import { apiHeaders, callApi, send } from './raw-http';
import { useFixtureServer } from './fixture-server';

const running = useFixtureServer();
const post = (method: string, body: string | Buffer[]) =>
  send(running.server.port, { method: 'POST', path: `/api/${method}`, headers: apiHeaders(running.server.port, running.server.token), body });

/** A body of exactly `size` bytes: JSON arguments of `method` whose one long string pads it. */
function paddedBody(size: number, make: (pad: string) => unknown): string {
  const skeleton = JSON.stringify(make(''));
  return JSON.stringify(make('A'.repeat(size - skeleton.length)));
}
const previewArgs = (dataBase64: string) => ({ previewId: 'http-preview-1', fileName: 'big.txt', dataBase64 });
function chunks(text: string): Buffer[] {
  const buf = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += 1 << 20) parts.push(buf.subarray(i, i + (1 << 20)));
  return parts;
}

describe('body limits per method', () => {
  it('a file method may send a file at the import limit as base64; the others keep 1 MB', () => {
    expect(maxBodyBytes('import.preview')).toBe(MAX_FILE_BODY_BYTES);
    expect(maxBodyBytes('translation.attach')).toBe(MAX_FILE_BODY_BYTES);
    expect(maxBodyBytes('annotation.import')).toBe(MAX_FILE_BODY_BYTES);
    expect(MAX_FILE_BODY_BYTES).toBeGreaterThanOrEqual(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4);
    for (const method of ['settings.set', 'import.commit', 'import.cancel', 'translation.template', 'plan.get', 'no.such']) {
      expect(maxBodyBytes(method), method).toBe(MAX_BODY_BYTES);
    }
  });

  it('import.preview of a 2 MB text file (over the ordinary limit) is read and previewed', async () => {
    const text = `试点工作方案\n一、总体要求\n${'坚持问题导向，推进改革落地见效。\n'.repeat(45_000)}二、重点任务\n推进试点。\n`;
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(2 * MAX_BODY_BYTES);
    const res = await callApi(running.server.port, running.server.token, 'import.preview', {
      previewId: 'http-preview-2mb',
      fileName: 'long.txt',
      dataBase64: bytes.toString('base64'),
    });
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.text);
    expect(answer.ok).toBe(true);
    expect(answer.value.document.sections.map((s: { numbering: string }) => s.numbering)).toEqual(['一、', '二、']);
  }, 60_000);

  it('a .docx uploaded through the server is previewed', async () => {
    const docx = await makeDocx([{ heading: 1, text: '青禾市试点方案' }, { text: '一、总体目标' }, { text: '到2025年建成。' }, { text: '二、重点任务' }, { text: '推进共享。' }]);
    const res = await callApi(running.server.port, running.server.token, 'import.preview', {
      previewId: 'http-preview-docx',
      fileName: '试点方案.docx',
      dataBase64: Buffer.from(docx).toString('base64'),
    });
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.text);
    expect(answer).toMatchObject({ ok: true, value: { previewId: 'http-preview-docx', document: { source: { fileName: '试点方案.docx', format: 'docx' } } } });
  }, 60_000);

  it('a damaged file uploaded through the server is 400 with the file named', async () => {
    const before = dumpTables(running.core.db);
    const res = await callApi(running.server.port, running.server.token, 'import.preview', {
      previewId: 'http-preview-bad',
      fileName: 'broken.docx',
      dataBase64: Buffer.from('PK\u0003\u0004 not really a zip').toString('base64'),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^broken\.docx: /) } });
    expect(dumpTables(running.core.db)).toEqual(before);
  }, 60_000);

  it('import.preview one byte over its limit, sent chunked: 413 naming the limit, nothing changed', async () => {
    const before = dumpTables(running.core.db);
    const body = paddedBody(MAX_FILE_BODY_BYTES + 1, previewArgs);
    expect(Buffer.byteLength(body)).toBe(MAX_FILE_BODY_BYTES + 1);
    const res = await post('import.preview', chunks(body));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `The request body is larger than ${MAX_FILE_BODY_BYTES} bytes (${(MAX_FILE_BODY_BYTES / 1048576).toFixed(1)} MB), the limit for import.preview; nothing was changed.`,
      },
    });
    expect(dumpTables(running.core.db)).toEqual(before);
  }, 60_000);

  it('translation.attach over its limit (declared length): 413, nothing changed', async () => {
    const before = dumpTables(running.core.db);
    const body = paddedBody(MAX_FILE_BODY_BYTES + 1, (text) => ({ planId: 'hz-2024', fileName: 'x.en.json', text }));
    const res = await post('translation.attach', body);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.message).toMatch(/the limit for translation\.attach; nothing was changed\.$/);
    expect(dumpTables(running.core.db)).toEqual(before);
  }, 60_000);

  it('another method keeps 1 MB even with a body a file method could send', async () => {
    const before = dumpTables(running.core.db);
    const body = paddedBody(MAX_BODY_BYTES + 1, (value) => ({ key: 'ui.theme', value }));
    const res = await post('settings.set', body);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.message).toBe(
      `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MB), the limit for settings.set; nothing was changed.`,
    );
    expect(dumpTables(running.core.db)).toEqual(before);
  });
});
