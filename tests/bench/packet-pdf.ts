// Bench "packets": seconds per 100 pages of a briefing packet as PDF through the app's pipeline
// (packet.pdf: compose, print, find the pages with pdfjs, print again with the contents'
// numbers) against printing the same saved HTML (the packet with those numbers, as
// packet.html gives it) once, directly, with the same Chromium; and a 300-page packet against
// a 100-page one. Asynchronous (a browser), so run.ts starts it as a child process
// (suites/packets.ts) and reads its JSON report.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createCore, type Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { createChromiumPdf } from '../../electron/server/chromium-pdf';
import type { PacketDefinition } from '../../shared/api/packets/methods';
import { planOf } from '../helpers/plan-docs';
import { localBrowserPath } from '../helpers/local-browser';
import { RESOURCES_DIR } from '../helpers/paths';
import { describeEnvironment, loadAverage } from './environment';
import { formatMeasurement, writeReport, type Measurement } from './report';
import { summarize } from './stats';
import { nowMs } from './timing';

const SUITE = 'packets';
const PARAGRAPH =
  '坚持以人民为中心的发展思想，统筹推进城市规划、建设、管理，着力提升城市功能品质，推动产业转型升级，完善基础设施和公共服务体系，' +
  '加强生态环境保护与历史文化传承，健全城市治理体系，提高城市安全韧性，让人民群众在城市生活得更方便、更舒心、更美好。';

function options() {
  const { values } = parseArgs({
    options: { samples: { type: 'string', default: '3' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  if (!values.out) throw new Error('--out is required');
  return { samples: Number(values.samples), out: values.out };
}

/** A plan of `items` items in themes of ten, each body about half a page. */
function seedPlan(core: Core, planId: string, items: number): void {
  const themes = Array.from({ length: Math.ceil(items / 10) }, (_, t) => ({
    headline: `第${t + 1}部分 重点任务`,
    initiatives: Array.from({ length: Math.min(10, items - t * 10) }, (_, i) => `推进第${t * 10 + i + 1}项重点工作`),
  }));
  const doc = planOf(planId, themes);
  for (const item of doc.initiatives) item.body = `${PARAGRAPH}${PARAGRAPH}${PARAGRAPH}`;
  importPlan(core.db, doc, JSON.stringify(doc));
}

const packet = (planId: string): PacketDefinition => ({
  cover: { title: '基准简报', subtitle: '', preparedFor: '', preparedBy: '', date: '2026-01-05', marking: '' },
  sources: [{ kind: 'plan', planId }],
  order: [],
  options: { language: 'zh', highlights: true, notes: 'margin', fields: true, summary: true, ruledSpace: 'short', paper: 'A4', orientation: 'portrait' },
});

async function main(): Promise<void> {
  const opts = options();
  const started = new Date();
  const start = nowMs();
  const environment = describeEnvironment();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'briefbook-bench-packets-'));
  const chromium = createChromiumPdf(localBrowserPath());
  const core = createCore({ dataDir, resourcesDir: RESOURCES_DIR, host: 'browser', version: 'bench', scheduleBackups: false, pdfRenderer: chromium.render });
  const measurements: Measurement[] = [];
  const record = (m: Measurement) => {
    measurements.push(m);
    console.log(formatMeasurement(m));
  };
  try {
    const pipeline = async (def: PacketDefinition) => {
      const t = nowMs();
      const r = await core.router.dispatch('packet.pdf', { jobId: randomUUID(), definition: def, language: 'zh' });
      if (!r.ok) throw new Error(r.error.message);
      return { ms: nowMs() - t, pages: (r.value as { pages: number }).pages };
    };
    // Calibrate: items for about 100 pages, from a first packet's pages per item.
    seedPlan(core, 'p-calib', 40);
    const probe = await pipeline(packet('p-calib'));
    const perItem = probe.pages / 40;
    const items100 = Math.round(100 / perItem);
    const items300 = Math.round(300 / perItem);
    seedPlan(core, 'p-bench100', items100);
    seedPlan(core, 'p-bench300', items300);

    const direct = async (def: PacketDefinition, pages: Record<string, number>) => {
      const r = await core.router.dispatch('packet.html', { definition: def, language: 'zh', pages });
      if (!r.ok) throw new Error(r.error.message);
      const t = nowMs();
      await chromium.render({ html: (r.value as { html: string }).html, paper: 'A4', orientation: 'portrait', signal: new AbortController().signal });
      return nowMs() - t;
    };
    // The saved HTML as the app's second pass prints it: with the contents' page numbers.
    const pagesOf = (planId: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${planId}/T${Math.floor(i / 10) + 1}/I${(i % 10) + 1}`, 3 + i]));

    const a100: number[] = [];
    const b100: number[] = [];
    const a300: number[] = [];
    let pages100 = 0;
    let pages300 = 0;
    for (let s = 0; s < opts.samples; s++) {
      const run100 = await pipeline(packet('p-bench100'));
      pages100 = run100.pages;
      a100.push((run100.ms / run100.pages) * 100);
      b100.push(((await direct(packet('p-bench100'), pagesOf('p-bench100', items100))) / run100.pages) * 100);
      const run300 = await pipeline(packet('p-bench300'));
      pages300 = run300.pages;
      a300.push(run300.ms);
    }
    const sa = summarize(a100);
    const sb = summarize(b100);
    record({
      kind: 'ratio', suite: SUITE, name: 'pdf per 100 pages', labels: ['packet.pdf', 'chromium'], unit: 'ms',
      a: sa, b: sb, ratio: sa.median / sb.median, samples: { a: a100, b: b100 },
      note: `${pages100} pages (${items100} items with fields, summary and ruled space); limit 1.3`,
      detail: { 'seconds per 100 pages': (sa.median / 1000).toFixed(2), 'direct seconds per 100 pages': (sb.median / 1000).toFixed(2) },
    });
    const whole100 = a100.map((ms) => (ms * pages100) / 100);
    const s300 = summarize(a300);
    const s100 = summarize(whole100);
    record({
      kind: 'ratio', suite: SUITE, name: '300 vs 100 pages', labels: ['300 pages', '100 pages'], unit: 'ms',
      a: s300, b: s100, ratio: s300.median / s100.median, samples: { a: a300, b: whole100 },
      note: `${pages300} pages against ${pages100}; limit 3.3`,
    });
  } finally {
    core.close();
    await chromium.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  environment.loadAverage.end = loadAverage();
  writeReport(opts.out, { startedAt: started.toISOString(), durationMs: nowMs() - start, environment, options: { ...opts }, measurements });
  console.log(`JSON: ${opts.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
