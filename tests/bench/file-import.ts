// Bench "file-import": importing about 1 MB of plan text as .txt, .docx and .pdf through the
// whole pipeline (reader + outline detection + ids; in-process, without the worker) against
// the raw library extraction alone: decoding the file's bytes for .txt, mammoth's conversion
// for .docx, pdfjs's text content of every page for .pdf. The ratio says how much the
// import's own work adds to what the format library costs anyway. `npm run bench` runs it as
// its suite file-import (suites/file-import.ts starts this file as a child process, since the
// harness is synchronous and this is not); it also runs alone:
//
//   node --import=tsx tests/bench/file-import.ts [--samples 7] [--kb 1000] [--out FILE]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IMPORT_LIMITS } from '../../electron/core/import/limits';
import { importDocument } from '../../electron/core/import/pipeline';
import { docxToHtml } from '../../electron/core/import/read-docx';
import { pdfTextRuns } from '../../electron/core/import/read-pdf';
import { allSections } from '../../shared/domain/document';
import { makeDocx, type DocxPart } from '../core/import/make-docx';
import { printPdf } from '../core/import/print-pdf';
import { describeEnvironment, loadAverage } from './environment';
import { fmt, formatMeasurement, writeReport, type Measurement } from './report';
import { summarize } from './stats';
import { nowMs } from './timing';

const SUITE = 'file-import';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CN = '一二三四五六七八九十';

function options() {
  const { values } = parseArgs({ options: { samples: { type: 'string' }, kb: { type: 'string' }, out: { type: 'string' } } });
  const samples = Number(values.samples ?? 7);
  const kb = Number(values.kb ?? 1000);
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`--samples must be a positive integer, got ${values.samples}`);
  if (!Number.isInteger(kb) || kb < 10) throw new Error(`--kb must be an integer ≥ 10, got ${values.kb}`);
  return { samples, kb, out: values.out ?? join(repoRoot, 'tests', 'output', 'bench-file-import.json') };
}

/** A plan of about `bytes` UTF-8 bytes: 一、 parts, （一） headings with run-on text, 1. items. */
function planParts(bytes: number): DocxPart[] {
  const sentence = '各地区各部门要结合实际细化工作措施，明确责任分工和时间节点，确保各项任务落地见效。';
  const parts: DocxPart[] = [{ heading: 1, text: '青禾市高质量发展若干措施实施方案' }, { text: `为推动高质量发展，制定本方案。${sentence}` }];
  let size = 0;
  for (let p = 0; size < bytes; p++) {
    parts.push({ text: `${CN[p % 10]}、第${p + 1}部分重点任务` });
    for (let s = 0; s < 6 && size < bytes; s++) {
      const body = `（${CN[s]}）推进第${p + 1}.${s + 1}项工作。${sentence.repeat(6)}`;
      parts.push({ text: body });
      size += Buffer.byteLength(body, 'utf8');
      for (let i = 1; i <= 3; i++) parts.push({ text: `${i}．${sentence}` });
      size += 3 * Buffer.byteLength(sentence, 'utf8');
    }
  }
  return parts;
}

function asText(parts: DocxPart[]): string {
  return parts.map((p) => ('table' in p ? '' : p.text)).join('\n');
}

function asHtml(parts: DocxPart[]): string {
  const body = parts.map((p) => ('table' in p ? '' : `<p>${p.text}</p>`)).join('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 20mm; @bottom-center { content: counter(page); } }
    body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; font-size: 12pt; }
    p { margin: 0; text-indent: 2em; }</style></head><body>${body}</body></html>`;
}

/** Alternating A/B samples of two async sides (ABBA), after one warm-up of each. */
async function abAsync(samples: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const time = async (f: () => Promise<unknown>) => {
    gc?.();
    const t = nowMs();
    await f();
    return nowMs() - t;
  };
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      as.push(await time(a));
      bs.push(await time(b));
    } else {
      bs.push(await time(b));
      as.push(await time(a));
    }
  }
  return { as, bs };
}

async function main(): Promise<void> {
  const opts = options();
  const started = new Date();
  const start = nowMs();
  const environment = describeEnvironment();
  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    console.log(formatMeasurement(m));
  };
  const parts = planParts(opts.kb * 1000);
  const text = new TextEncoder().encode(asText(parts));
  const docx = await makeDocx(parts);
  const pdf = await printPdf(asHtml(parts));
  const files: { name: string; bytes: Uint8Array; raw: () => Promise<unknown>; label: string }[] = [
    { name: 'plan.txt', bytes: text, label: 'decode', raw: async () => new TextDecoder('utf-8').decode(text) },
    { name: 'plan.docx', bytes: docx, label: 'mammoth', raw: () => docxToHtml(docx, 'plan.docx') },
    { name: 'plan.pdf', bytes: pdf, label: 'pdfjs', raw: () => pdfTextRuns(pdf, 'plan.pdf', IMPORT_LIMITS) },
  ];
  for (const f of files) {
    const doc = await importDocument(f.bytes, f.name);
    const sections = [...allSections(doc.sections)].length;
    // A 1 MB PDF is some hundreds of pages: fewer samples keep the run short.
    const samples = f.name.endsWith('.pdf') ? Math.max(1, Math.ceil(opts.samples / 2)) : opts.samples;
    const { as, bs } = await abAsync(samples, () => importDocument(f.bytes, f.name), f.raw);
    const sa = summarize(as);
    const sb = summarize(bs);
    record({
      kind: 'ratio', suite: SUITE, name: `import ${f.name.slice(5)}`, labels: ['import', f.label], unit: 'ms',
      a: sa, b: sb, ratio: sa.median / sb.median, samples: { a: as, b: bs },
      note: `${fmt(f.bytes.byteLength / 1e6)} MB file, ${text.byteLength} bytes of text, ${sections} sections; min-median-max import ${fmt(sa.min)}/${fmt(sa.median)}/${fmt(sa.max)} ms, ${f.label} ${fmt(sb.min)}/${fmt(sb.median)}/${fmt(sb.max)} ms`,
      detail: { fileBytes: f.bytes.byteLength, textBytes: text.byteLength, sections },
    });
  }
  environment.loadAverage.end = loadAverage();
  writeReport(opts.out, { startedAt: started.toISOString(), durationMs: nowMs() - start, environment, options: { ...opts }, measurements });
  console.log(`JSON: ${opts.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
