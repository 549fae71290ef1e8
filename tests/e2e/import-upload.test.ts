// Browser mode's upload path as it ships: the BUILT server (out/main/server.js, its core bundled
// in it) reads an uploaded .docx in the bundled import worker (out/main/import-worker.js beside
// it) and answers with the preview; a damaged file is a 400 naming it, and the body limit of the
// file methods holds there too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_QUERY_PARAM } from '../../shared/api/http';
import { makeDocx } from '../core/import/make-docx';
import { apiHeaders, send } from '../server/raw-http';
import { useTempDirs } from '../helpers/temp-dir';
import { assertBuilt, startBuiltServer, type BuiltServer } from './built-server';

const dirs = useTempDirs('briefbook-import-upload-');
let server: BuiltServer;
let port: number;
let token: string;

beforeAll(async () => {
  assertBuilt();
  server = await startBuiltServer(dirs.make());
  const url = new URL(server.url);
  port = Number(url.port);
  token = url.searchParams.get(TOKEN_QUERY_PARAM)!;
});
afterAll(async () => {
  await server?.stop();
});

const upload = (args: unknown) =>
  send(port, { method: 'POST', path: '/api/import.preview', headers: apiHeaders(port, token), body: JSON.stringify(args) });

describe('uploading a plan to the built browser-mode server', () => {
  it('a .docx is read in the bundled worker and previewed', async () => {
    const docx = await makeDocx([
      { heading: 1, text: '青禾市公共数据开放试点方案' },
      { text: '一、工作目标' },
      { text: '到2025年，开放公共数据集500个以上。' },
      { text: '二、重点任务' },
      { text: '（一）建立开放目录。按年度更新。' },
    ]);
    const res = await upload({ previewId: 'e2e-upload-docx', fileName: '开放方案.docx', dataBase64: Buffer.from(docx).toString('base64') });
    const answer = JSON.parse(res.text);
    expect(answer.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(answer.value.document.metadata.title).toBe('青禾市公共数据开放试点方案');
    expect(answer.value.document.sections.map((s: { numbering: string; heading: string }) => `${s.numbering}${s.heading}`)).toEqual(['一、工作目标', '二、重点任务']);
    expect(answer.value.duplicateOf).toBeNull();
  });

  it('a damaged .docx is 400 with the file and the problem named', async () => {
    const docx = await makeDocx([{ text: '一、工作目标' }]);
    const res = await upload({ previewId: 'e2e-upload-bad', fileName: '损坏.docx', dataBase64: Buffer.from(docx.subarray(0, 300)).toString('base64') });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^损坏\.docx: /) } });
  });
});
