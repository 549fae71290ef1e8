// Suite "file-import": about 1 MB of plan text as .txt, .docx and .pdf through the import
// pipeline against the format library's raw extraction (tests/bench/file-import.ts). That
// bench is asynchronous (mammoth, pdfjs, Chromium printing the PDF) and the harness is not,
// so it runs as a child process and its measurements join this run's report.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from '../report';
import { sampleCount, type SuiteContext } from './context';

export function runFileImport(ctx: SuiteContext): void {
  const samples = sampleCount(ctx, 7, 3);
  const kb = ctx.options.quick ? 300 : 1000;
  const out = join(ctx.tmpDir, 'file-import.json');
  const args = ['--samples', String(samples), '--kb', String(kb), '--out', out];
  ctx.log(`${kb} KB of text as .txt/.docx/.pdf, ${samples} samples a side (.pdf half as many) (tests/bench/file-import.ts)`);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import=tsx', join('tests', 'bench', 'file-import.ts'), ...args], {
    cwd: ctx.repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status !== 0 || !existsSync(out)) {
    throw new Error(`tests/bench/file-import.ts failed (exit ${child.status ?? child.signal})\nstdout:\n${child.stdout}\nstderr:\n${child.stderr}`);
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  for (const m of report.measurements) ctx.record(m);
}
