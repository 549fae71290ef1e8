// The plan library end to end in Chromium, against the built browser-mode server and a real
// database: a .docx (built in the test) and a .pdf (printed by Chromium from the test's HTML)
// imported through the UI — a level adjusted in the preview — then found in the library and
// their items in the table; a damaged file refused with its name and the core's message and
// nothing written; a plan renamed, trashed (asked first when it carries the reader's work) and
// restored. Screenshots of the library, the import preview and the drop overlay go to
// tests/output/polish/ for a person to look at.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../core/import/make-docx';
import { printPdf } from '../core/import/print-pdf';
import { axeViolations, OUTPUT_DIR, startAppSession, type AppSession } from './app-session';
import { settle, shootMatrix, useLanguage } from './shots';

let app: AppSession;
let page: Page;
let files: { docx: string; pdf: string; damaged: string; shot: string };

const DOCX_TITLE = '杭州市推进新型工业化实施方案';
const PDF_TITLE = '杭州市数字政府建设工作要点';

async function writeFixtures(dir: string): Promise<typeof files> {
  // As an issued document is laid out: number, title, addressees, body, issuer and date.
  const docx = await makeDocx([
    { text: '杭政发〔2024〕12号' },
    { text: DOCX_TITLE },
    { text: '各区、县（市）人民政府，市政府各部门：' },
    { text: '一、总体要求' },
    { text: '（一）指导思想。坚持以新型工业化为主线，推动制造业高质量发展。' },
    { text: '（二）主要目标。到2027年，规模以上工业增加值年均增长7%以上。' },
    { text: '二、重点任务' },
    { text: '（一）培育先进制造业集群。聚焦智能物联、生物医药等产业。' },
    { text: '（二）推进数字化转型。实施智能制造示范工程。' },
    { text: '（三）强化要素保障。加强用地、资金、人才等保障。' },
    { text: '三、保障措施' },
    { text: '（一）加强组织领导。建立工作专班。' },
    { text: '（二）强化考核评估。开展年度评估。' },
    { text: '杭州市人民政府' },
    { text: '2024年6月1日' },
  ]);
  const pdf = await printPdf(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 20mm; }
    body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; font-size: 14pt; line-height: 1.8; }
    h1 { font-size: 20pt; text-align: center; }
  </style></head><body>
    <h1>${PDF_TITLE}</h1>
    <p>一、夯实数字底座</p>
    <p>（一）建设一体化数据平台。完善市级公共数据平台。</p>
    <p>（二）完善政务云。推进政务云资源统一调度。</p>
    <p>二、提升服务效能</p>
    <p>（一）深化“一网通办”。推动高频事项全程网办。</p>
    <p>（二）推进“一网统管”。建设城市运行管理平台。</p>
    <p>（三）加强数据安全。落实数据分类分级保护。</p>
    <p style="text-align:right">杭州市数据资源管理局</p>
    <p style="text-align:right">2024年2月20日</p>
  </body></html>`);
  // Previewed for the screenshots only (never imported): a longer plan with a skipped number.
  const shot = await makeDocx([
    { text: '杭政办发〔2024〕8号' },
    { text: '杭州市优化营商环境行动方案' },
    { text: '各区、县（市）人民政府，市政府各部门、各直属单位：' },
    { text: '一、总体要求' },
    { text: '（一）指导思想。以市场主体需求为导向，持续优化营商环境。' },
    { text: '（二）工作目标。到2025年，营商环境便利度进入全国前列。' },
    { text: '二、重点任务' },
    { text: '（一）提升政务服务效能。推行“一件事”集成改革。' },
    { text: '（二）优化市场准入环境。深化商事登记制度改革。' },
    { text: '（四）强化法治保障。完善涉企政策公平竞争审查。' },
    { text: '（五）加强知识产权保护。建设知识产权保护中心。' },
    { text: '三、组织实施' },
    { text: '（一）加强统筹协调。建立市级工作专班。' },
    { text: '（二）强化督查考核。将营商环境纳入年度考核。' },
    { text: '杭州市人民政府办公厅' },
    { text: '2024年3月15日' },
  ]);
  const paths = {
    docx: join(dir, '新型工业化实施方案.docx'),
    pdf: join(dir, '数字政府工作要点.pdf'),
    damaged: join(dir, '损坏的文件.docx'),
    shot: join(dir, '优化营商环境行动方案.docx'),
  };
  writeFileSync(paths.shot, shot);
  writeFileSync(paths.docx, docx);
  writeFileSync(paths.pdf, pdf);
  // A zip cut off halfway: the central directory is gone.
  writeFileSync(paths.damaged, docx.subarray(0, Math.floor(docx.length / 2)));
  return paths;
}

beforeAll(async () => {
  app = await startAppSession('library');
  page = app.page;
  files = await writeFixtures(app.dataDir);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${app.server.url}#/library`);
  await page.getByRole('list', { name: '计划库' }).waitFor();
}, 120_000);

afterAll(() => app?.close());

const row = (title: string) => page.locator('.library-row').filter({ has: page.getByRole('button', { name: title, exact: true }) });

async function chooseFiles(paths: string[]): Promise<void> {
  await page.locator('input[type="file"][multiple]').setInputFiles(paths);
}

describe('importing through the UI', () => {
  it('imports a .docx with an adjusted level: the preview shows its outline, the plan opens, its items are in the table', async () => {
    await chooseFiles([files.docx]);
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor({ timeout: 30_000 });
    await expect.poll(() => dialog.getByRole('region', { name: '出处信息' }).textContent()).toContain(DOCX_TITLE);
    const outline = dialog.getByRole('region', { name: '识别出的大纲' });
    await outline.getByText('重点任务').waitFor();
    await expect.poll(() => dialog.locator('.import-result').textContent()).toBe('将导入 3 个主题、7 项举措');
    // （二）强化考核评估 is not an initiative of its own: merged into the one before it.
    // From the keyboard: the button is in the tab order, shown once it has the focus.
    const merge = dialog.getByRole('button', { name: '将“（二）强化考核评估”并入上一节' });
    await merge.focus();
    expect(await merge.evaluate((el) => getComputedStyle(el.parentElement!).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => outline.getByText('强化考核评估', { exact: true }).count()).toBe(0);
    await expect.poll(() => dialog.locator('.import-result').textContent()).toBe('将导入 3 个主题、6 项举措');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: DOCX_TITLE }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#/');

    await page.getByRole('link', { name: '举措表' }).click();
    await page.getByText('培育先进制造业集群', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.getByText('加强组织领导', { exact: false }).first().waitFor();
    expect(await page.locator('.itable-data-row').count()).toBe(6);
    expect(await page.getByText('强化考核评估', { exact: false }).count()).toBe(0);
  });

  it('imports a .pdf printed by Chromium, and finds both plans in the library', async () => {
    await page.getByRole('link', { name: '计划库' }).click();
    await page.getByRole('button', { name: '导入计划…' }).first().waitFor();
    await chooseFiles([files.pdf]);
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('region', { name: '识别出的大纲' }).getByText('提升服务效能').waitFor();
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: PDF_TITLE }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: '计划库' }).click();
    await row(PDF_TITLE).waitFor();
    expect(await row(PDF_TITLE).getAttribute('data-current')).toBe('true');
    expect(await row(PDF_TITLE).textContent()).toContain('5 项举措');
    expect(await row(DOCX_TITLE).textContent()).toContain('杭政发〔2024〕12号');
    expect(await row(DOCX_TITLE).textContent()).toContain('6 项举措');
  });

  it('the same file again is recognised and offered to open', async () => {
    await chooseFiles([files.docx]);
    const dialog = page.getByRole('dialog', { name: '导入预览' });
    await dialog.getByRole('heading', { name: '这个文件已在您的计划库中' }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '打开这份计划' }).click();
    await page.getByRole('heading', { level: 1, name: DOCX_TITLE }).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: '计划库' }).click();
    await row(DOCX_TITLE).waitFor();
    expect(await page.locator('.library-row').count()).toBe(3);
  });

  it('a damaged file: a message naming it and the problem, nothing imported', async () => {
    const before = await app.call('library.list', {});
    await chooseFiles([files.damaged]);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getByRole('heading').textContent()).toBe('无法导入“损坏的文件.docx”');
    expect(await alert.textContent()).toContain('损坏的文件.docx');
    expect(await alert.textContent()).toContain('未写入任何内容。');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The refusal is an HTTP 400, which the browser logs: expected here, and only here.
    const errors = app.browser.problems.consoleErrors;
    const refusal = errors.filter((e) => /status of 400 .*\/api\/import\.preview/.test(e));
    expect(refusal).toHaveLength(1);
    app.browser.problems.consoleErrors = errors.filter((e) => !refusal.includes(e));
    expect((await app.call('library.list', {})).map((e) => e.id)).toEqual(before.map((e) => e.id));
  });
});

describe('managing the library', () => {
  it('renames a plan in place and keeps the name after a reload', async () => {
    await row(PDF_TITLE).hover();
    await page.getByRole('button', { name: `重命名“${PDF_TITLE}”` }).click();
    const input = page.getByRole('textbox', { name: `“${PDF_TITLE}”的新名称` });
    await input.fill('数字政府要点（2024）');
    await input.press('Enter');
    await row('数字政府要点（2024）').waitFor();
    await page.reload();
    await row('数字政府要点（2024）').waitFor();
    expect(await row('数字政府要点（2024）').textContent()).toContain(`原标题：${PDF_TITLE}`);
  });

  it('trashes a plan carrying the reader’s work only after asking, and restores it from the trash', async () => {
    const embedded = (await app.call('library.list', {})).find((e) => e.format === 'embedded')!;
    await app.call('initiative.update', { initiativeId: 'hz-2024/T1/I1', baseRevision: 0, patch: { status: 'done' } });
    await page.reload();
    await row(embedded.title).waitFor();
    await row(embedded.title).hover();
    await page.getByRole('button', { name: `将“${embedded.title}”移到废纸篓` }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('您的 1 条记录');
    await ask.getByRole('button', { name: '移到废纸篓' }).click();
    await row(embedded.title).waitFor({ state: 'detached' });
    expect((await app.call('library.list', { trash: true })).map((e) => e.id)).toEqual([embedded.id]);

    await page.getByRole('button', { name: '显示废纸篓（1）' }).click();
    await page.getByRole('button', { name: `恢复“${embedded.title}”` }).click();
    await row(embedded.title).waitFor();
    expect(await app.call('library.list', { trash: true })).toEqual([]);
    // The reader's value is still there.
    expect((await app.call('library.list', {})).find((e) => e.id === embedded.id)!.progress).toEqual({ withStatus: 1, done: 1 });
  });

  it('has no accessibility violations in the library', async () => {
    expect(await axeViolations(page, '.library')).toEqual([]);
    app.expectNothingBlocked();
  });
});

describe('screenshots', () => {
  it('of the library, the import preview and the drop overlay, at both sizes, in both languages and themes', async () => {
    const url = `${app.server.url}#/library`;
    const library = await shootMatrix(app, 'library', url, async (p) => {
      await p.locator('.library-row').first().waitFor();
      await p.locator('.library-row').first().hover();
    });
    const previewShots = await shootMatrix(app, 'import-preview', url, async (p) => {
      await p.locator('.library-row').first().waitFor();
      if (!(await p.getByRole('dialog').count())) {
        await p.locator('input[type="file"][multiple]').setInputFiles([files.shot]);
      }
      await p.locator('.import-dialog-wide').waitFor({ timeout: 30_000 });
      await p.locator('.import-node').nth(2).hover();
    });
    const overlay = await shootMatrix(app, 'drop-overlay', url, async (p) => {
      await p.locator('.library-row').first().waitFor();
      await p.evaluate(() => {
        const data = new DataTransfer();
        data.items.add(new File(['x'], 'plan.docx'));
        window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data }));
      });
      await p.locator('.drop-overlay').waitFor();
    });
    for (const file of [...library, ...previewShots, ...overlay]) expect(file.startsWith(OUTPUT_DIR)).toBe(true);
    await settle(page);
  }, 240_000);

  it('leaves no control of the library toolbar alone on a line of its own in a 900 px window, in English too', async () => {
    const url = `${app.server.url}#/library`;
    await page.setViewportSize({ width: 900, height: 700 });
    try {
      for (const language of ['zh', 'en'] as const) {
        await useLanguage(app, language, url);
        await page.locator('.library-row').first().waitFor();
        // The controls by line (their tops; a sort label and its select count once).
        const lines = await page.locator('.library-tools').evaluate((tools) => {
          const counts = new Map<number, number>();
          for (const el of tools.children) {
            const top = Math.round(el.getBoundingClientRect().top);
            const line = [...counts.keys()].find((t) => Math.abs(t - top) < 12) ?? top;
            counts.set(line, (counts.get(line) ?? 0) + 1);
          }
          return [...counts.values()];
        });
        expect(lines.every((n) => n > 1), `${language}: controls per line ${lines.join(', ')}`).toBe(true);
      }
    } finally {
      await useLanguage(app, 'zh', url);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
