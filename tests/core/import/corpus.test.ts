// The test corpus: documents written for these tests in the conventions of Chinese official
// documents (none copied from a real one), each in its format, through the whole pipeline;
// for each the expected outline tree, the levels and the metadata are asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../electron/core/import/pipeline';
import { allSections } from '../../../shared/domain/document';
import { EMBEDDED_PLAN_FILE } from '../../helpers/paths';
import { makeDocx } from './make-docx';
import { expected, findSection, FIXTURES, loadFixture, tree } from './outline-text';
import { printPdf } from './print-pdf';

const load = loadFixture;
const find = findSection;

const LEVELS_TREE = expected(`
  一、总体要求
    （一）指导思想
    （二）工作目标
      1．2024年完成试点项目60个
      2．2025年累计完成项目180个
        （1）老旧小区加装电梯不少于40部
        （2）新增口袋公园20个
      3．2026年全面完成目标任务
  二、重点任务
    (三)补齐公共空间短板
      ①优先利用边角地、夹心地
      ②鼓励机关企事业单位开放附属空间
    (四)完善便民服务设施
  三、保障措施
    （五）加强组织领导
    （六）强化资金保障
`);

describe('numbering levels 一、 / （一） / 1． / （1） / ①', () => {
  it('builds the tree, with half-width (三) and numbering that runs on across parents', async () => {
    const doc = await load('levels.txt');
    expect(doc.metadata.title).toBe('青禾市推进社区微更新三年行动方案');
    expect(tree(doc)).toBe(LEVELS_TREE);
    expect(doc.levels).toEqual({ theme: 'cn-comma', item: 'cn-paren' });
    // （三） under 二、 continues （二） under 一、: not a skipped number.
    expect(doc.warnings).toEqual([]);
  });

  it('splits a heading sentence from the text that runs on after it', async () => {
    const doc = await load('levels.txt');
    const s = find(doc, '（一）指导思想');
    expect(s.blocks.map((b) => b.type === 'paragraph' && b.text)).toEqual(['坚持以人民为中心的发展思想，把社区微更新作为办实事的重要抓手。']);
    expect(doc.preamble.map((b) => b.type === 'paragraph' && b.text)).toEqual(['为持续改善老旧社区居住环境，提升居民生活品质，结合本市实际，制定本方案。']);
  });

  it('reports skipped numbers with their place', async () => {
    const doc = await load('skipped.txt');
    expect(tree(doc)).toBe(expected(`
      一、加强组织领导
        （一）健全工作机制
        （三）压实工作责任
      三、强化宣传引导
        （一）营造浓厚氛围
    `));
    expect(doc.warnings.map((w) => [w.code, w.at])).toEqual([
      ['skipped-number', 'line 5'],
      ['skipped-number', 'line 6'],
    ]);
    expect(doc.warnings[0]!.message).toContain('（三）压实工作责任');
  });
});

describe('regulation 第一章 / 第一节 / 第一条', () => {
  it('nests articles under chapters and sections; clauses （一） are list items of their article', async () => {
    const doc = await load('regulation.txt');
    expect(tree(doc)).toBe(expected(`
      第一章总则
        第一条
        第二条
      第二章保护措施
        第一节日常养护
          第三条
          第四条
        第二节移植管理
          第五条
      第三章附则
        第六条
    `));
    expect(doc.levels).toEqual({ theme: 'chapter', item: 'article' });
    const article3 = find(doc, '第三条');
    expect(article3.blocks.map((b) => b.type)).toEqual(['paragraph', 'list-item', 'list-item', 'list-item']);
    expect(article3.blocks[2]).toMatchObject({ type: 'list-item', marker: '（二）', ordinal: 2, text: '生长在公园、绿地内的，由其管理机构负责；' });
    expect(find(doc, '第一章总则').numbering).toBe('第一章');
  });
});

describe('plan outline 第一篇 / 第一章 / 第一节 / 一、', () => {
  it('keeps chapters numbered on across parts and reads the stated count', async () => {
    const doc = await load('outline.txt');
    expect(tree(doc)).toBe(expected(`
      第一篇开启现代化建设新征程
        第一章发展基础
        第二章发展环境
          一、机遇
          二、挑战
      第二篇构建现代产业体系
        第三章做强先进制造业
          第一节培育优势产业集群
          第二节推动制造业数字化转型
        第四章壮大现代服务业
    `));
    expect(doc.warnings).toEqual([]);
    expect(doc.enumerations).toEqual([expect.objectContaining({ label: '产业集群', statedCount: 3, items: ['智能装备', '生物医药', '新材料'] })]);
  });
});

describe('government work report', () => {
  it('reads parts and headings, the subtitle date and speaker, and 一是…二是… runs as list items', async () => {
    const doc = await load('work-report.txt');
    expect(tree(doc)).toBe(expected(`
      一、2024年工作回顾
        （一）经济发展质效稳步提升
        （二）改革开放持续深化
      二、2025年主要任务
        （一）着力扩大有效需求
        （二）着力发展新质生产力
        （三）着力保障和改善民生
    `));
    expect(doc.metadata).toMatchObject({ title: '政府工作报告', date: '2025-01-10', author: '林望舒' });
    const first = find(doc, '（一）经济发展质效稳步提升');
    expect(first.blocks.map((b) => (b.type === 'list-item' ? b.marker : b.type))).toEqual(['一是', '二是', '三是']);
    const second = find(doc, '（二）改革开放持续深化');
    expect(second.blocks).toMatchObject([
      { type: 'paragraph', text: '营商环境评价位居全省前列。' },
      { type: 'list-item', marker: '一是', text: '企业开办全程网办；' },
      { type: 'list-item', marker: '二是', text: '“一件事”集成改革覆盖32个事项。' },
    ]);
    expect(doc.enumerations).toEqual([expect.objectContaining({ statedCount: 3, items: ['生物医药', '智能装备', '新能源'] })]);
  });
});

describe('implementation plan with a task table (.md)', () => {
  it('turns the table rows into items carrying 牵头单位 / 责任单位 / 完成时限', async () => {
    const doc = await load('task-plan.md');
    expect(tree(doc)).toBe(expected(`
      一、主要目标
      二、重点任务
        （一）提升政务服务效能
        （二）强化要素保障
      三、任务分工
        1推行企业开办“一日办结”
        2建立惠企政策“免申即享”机制
        3开展营商环境常态化监测
    `));
    expect(doc.levels.item).toBe('task');
    expect(find(doc, '2建立惠企政策“免申即享”机制')).toMatchObject({
      kind: 'task',
      numbering: '2',
      task: { lead: '市发展改革委', responsible: '市财政局、市经信局', deadline: '2025年6月', progress: null },
    });
  });
});

describe('notice wrapping the plan it issues, with 附件', () => {
  it('separates the notice, reads its metadata and the attachments, and the plan proper', async () => {
    const doc = await load('notice.txt');
    expect(doc.metadata).toMatchObject({
      title: '青禾市数字乡村建设实施方案',
      noticeTitle: '青禾市人民政府办公厅关于印发青禾市数字乡村建设实施方案的通知',
      issuer: '青禾市人民政府办公厅',
      docNumber: '青政办发〔2024〕18号',
      date: '2024-03-05',
      dateText: '2024年3月5日',
      addressees: '各区、县（市）人民政府，市政府各部门、各直属单位',
      publicationNote: '此件公开发布',
      attachments: ['数字乡村建设重点任务分工表', '数字乡村建设项目清单'],
    });
    expect(doc.notice.map((b) => b.type === 'paragraph' && b.text)).toEqual(['《青禾市数字乡村建设实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。']);
    expect(tree(doc)).toBe(expected(`
      一、总体要求
        （一）基本原则
        （二）主要目标
      二、重点任务
        （一）夯实乡村数字基础设施
        （二）发展智慧农业
        （三）提升乡村治理数字化水平
      附件1数字乡村建设重点任务分工表
        1推进农村千兆光网建设
        2建设数字农业工厂
        3推广乡村治理应用
      附件2数字乡村建设项目清单
    `));
    // The space-separated columns of the task table are rebuilt into fields.
    expect(find(doc, '2建设数字农业工厂').task).toEqual({ lead: '市农业农村局', responsible: '各区县（市）政府', deadline: '2026年6月', progress: null });
    expect(doc.warnings).toEqual([]);
  });
});

describe('emergency plan: decimal outline after a table of contents', () => {
  it('reads 1 / 1.1 / 1.1.1 and does not turn the TOC into duplicate sections', async () => {
    const doc = await load('emergency.txt');
    expect(tree(doc)).toBe(expected(`
      1总则
        1.1编制目的
        1.2适用范围
      2组织体系
        2.1应急指挥部
        2.2工作组
          2.2.1抢险救援组
          2.2.2医疗救治组
    `));
    expect(doc.preamble).toEqual([]);
  });
});

describe('newspaper commentary with unnumbered headlines', () => {
  it('reads headlines, 第一、 items, the article tail and a count that disagrees', async () => {
    const doc = await load('article.txt');
    expect(tree(doc)).toBe(expected(`
      在优化营商环境中激发市场活力
        第一、持续深化“放管服”改革
        第二、强化要素保障
      在推进科技创新中塑造发展新优势
        第一、建设高能级创新平台
        第二、壮大科技人才队伍
    `));
    expect(doc.levels).toEqual({ theme: 'headline', item: 'di-comma' });
    expect(doc.metadata).toMatchObject({ column: '青禾观察', source: '青禾日报', author: '苏明远', editor: '周若溪', tags: ['青禾观察', '理论评论'], date: '2024-06-18' });
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'count-mismatch', at: 'line 11' })]);
    expect(doc.warnings[0]!.message).toContain('5大重点产业 but lists 4');
  });
});

describe('the embedded article through the new pipeline', () => {
  it('gives 5 themes × 3 initiatives and the 8 and 9 enumerations', async () => {
    const bytes = new Uint8Array(readFileSync(EMBEDDED_PLAN_FILE));
    const doc = await importDocument(bytes, 'hangzhou-2024-05-11.txt');
    expect(doc.levels).toEqual({ theme: 'headline', item: 'di-comma' });
    expect(doc.sections).toHaveLength(5);
    for (const theme of doc.sections) {
      expect(theme.kind).toBe('headline');
      expect(theme.children.map((c) => c.numbering)).toEqual(['第一、', '第二、', '第三、']);
    }
    expect(doc.enumerations.map((e) => [e.label, e.statedCount, e.items.length])).toEqual([
      ['新兴产业', 8, 8],
      ['未来产业', 9, 9],
    ]);
    expect(doc.warnings).toEqual([]);
    expect(doc.metadata).toMatchObject({ column: '杭州有理', date: '2024-05-11', source: '杭州日报', author: '赵亚东', graphics: '王璟' });
    // Ids do not depend on position: the same text gives the same ids, all distinct.
    const again = await importDocument(bytes, 'copy.txt');
    const ids = [...allSections(doc.sections)].map((s) => s.id);
    expect([...allSections(again.sections)].map((s) => s.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('encodings', () => {
  const source = readFileSync(join(FIXTURES, 'levels.txt'), 'utf8');

  it('reads GBK text', async () => {
    const doc = await importDocument(new Uint8Array(iconv.encode(source, 'gbk')), 'gbk.txt');
    expect(doc.source.encoding).toBe('GB18030');
    expect(tree(doc)).toBe(LEVELS_TREE);
  });

  it('reads UTF-16 LE with a BOM and UTF-16 BE without one', async () => {
    const le = await importDocument(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(source, 'utf-16le')])), 'le.txt');
    const be = await importDocument(new Uint8Array(iconv.encode(source, 'utf-16be')), 'be.txt');
    expect([le.source.encoding, be.source.encoding]).toEqual(['UTF-16LE', 'UTF-16BE']);
    expect(tree(le)).toBe(LEVELS_TREE);
    expect(tree(be)).toBe(LEVELS_TREE);
  });

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    const doc = await importDocument(new Uint8Array(Buffer.from(`\uFEFF${source.replace(/\n/g, '\r\n')}`, 'utf8')), 'bom.txt');
    expect(tree(doc)).toBe(LEVELS_TREE);
  });
});

describe('saved government web page', () => {
  it('drops navigation, breadcrumbs, share bar, related links and footer; reads meta tags and the signature', async () => {
    const doc = await load('page.html');
    expect(tree(doc)).toBe(expected(`
      一、打造夜间消费集聚区
        （一）培育特色街区
        （二）丰富消费业态
      二、优化夜间公共服务
        （一）延长公交运营时间
        （二）加强安全保障
    `));
    expect(doc.metadata).toMatchObject({ title: '青禾市关于支持夜间经济发展的若干意见', source: '青禾市商务局', issuer: '青禾市人民政府', date: '2024-06-28' });
    const text = JSON.stringify(doc);
    for (const chrome of ['首页', '当前位置', '分享到', '相关链接', '网站标识码', '无障碍', 'document.write']) expect(text).not.toContain(chrome);
    expect(doc.warnings).toEqual([]);
  });
});

describe('.docx written in the test', () => {
  it('reads Heading styles, typed markers, Word list numbering and a task table', async () => {
    const bytes = await makeDocx([
      { heading: 1, text: '青禾市科技创新券实施方案' },
      { text: '为激励中小企业加大研发投入，制定本方案。' },
      { heading: 2, text: '一、申领条件' },
      { text: '在本市依法注册的中小企业。', numbered: 1 },
      { text: '上年度研发投入不低于50万元。', numbered: 1 },
      { heading: 2, text: '二、使用范围' },
      { text: '（一）购买检验检测服务。' },
      { text: '（二）购买技术开发服务。' },
      { heading: 2, text: '三、任务分工' },
      { table: [['序号', '工作任务', '牵头单位', '完成时限'], ['1', '上线创新券服务平台', '市科技局', '2024年9月'], ['2', '开展政策宣传', '市科协', '长期坚持']] },
    ]);
    const doc = await importDocument(bytes, 'plan.docx');
    expect(doc.metadata.title).toBe('青禾市科技创新券实施方案');
    expect(tree(doc)).toBe(expected(`
      一、申领条件
        （一）在本市依法注册的中小企业
        （二）上年度研发投入不低于50万元
      二、使用范围
        （一）购买检验检测服务
        （二）购买技术开发服务
      三、任务分工
        1上线创新券服务平台
        2开展政策宣传
    `));
    expect(find(doc, '2开展政策宣传').task).toEqual({ lead: '市科协', responsible: null, deadline: '长期坚持', progress: null });
    // The list markers come from numbering.xml (lvlText （%2）, chineseCounting), as Word shows them.
    expect(doc.warnings).toEqual([]);
    expect(doc.source.format).toBe('docx');
  });
});

describe('PDF printed by Chromium from our own HTML', () => {
  it('rebuilds lines and paragraphs across pages, drops the running header and page numbers', async () => {
    const pdf = await printPdf(readFileSync(join(FIXTURES, 'print.html'), 'utf8'));
    const doc = await importDocument(pdf, 'print.pdf');
    expect(doc.metadata.title).toBe('青禾市城市更新行动实施方案');
    expect(tree(doc)).toBe(expected(`
      一、总体要求
      二、重点任务
        （一）推进老旧小区改造
        （二）推进完整社区建设
        （三）推进城市生命线安全工程
      三、保障措施
        （一）加强组织领导
        （二）强化资金保障
    `));
    // Wrapped lines are joined back into the paragraph as written.
    expect(find(doc, '（一）推进老旧小区改造').blocks).toEqual([
      expect.objectContaining({ type: 'paragraph', text: '重点改造2000年底前建成的老旧小区，完善水电气热等基础设施，有条件的加装电梯，同步建设养老托育等服务设施，力争三年内完成改造任务的百分之八十以上。' }),
    ]);
    // A paragraph that runs over the page break stays one paragraph.
    const html = readFileSync(join(FIXTURES, 'print.html'), 'utf8');
    const long = /<p>（三）推进城市生命线安全工程。(.*?)<\/p>/.exec(html)![1]!;
    expect(find(doc, '（三）推进城市生命线安全工程').blocks.map((b) => b.type === 'paragraph' && b.text)).toEqual([long]);
    const text = JSON.stringify(doc);
    expect(text).not.toContain('青禾市人民政府文件');
    expect(text).not.toMatch(/—\s*\d\s*—/);
    expect(doc.warnings).toEqual([]);
  }, 60_000);
});
