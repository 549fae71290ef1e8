// Recognisers for the metadata lines around a plan: document number, dates, labelled fields
// (来源：…, 发布时间：…), the signature (issuing body and date), the publication note, page
// chrome of saved web pages, and an article's tail (author note, source line, tags).

// 浙政发〔2024〕5号: an issuer code, the year in 〔〕 (also typed as [], 【】 or （）), a number, 号.
export const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}[〔［[【(（]\d{4}[〕］\]】)）]\s*\d{1,5}\s*号/;
const DATE_CN = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const DATE_HANZI = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;

const HANZI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function hanziSmall(text: string): number {
  if (!text.includes('十')) return HANZI_DIGIT[text] ?? NaN;
  const [tens, units] = text.split('十');
  return (tens ? (HANZI_DIGIT[tens] ?? NaN) : 1) * 10 + (units ? (HANZI_DIGIT[units] ?? NaN) : 0);
}

function iso(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2200)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first date in a text, as ISO, with the text it was read from. */
export function findDate(text: string): { iso: string; text: string } | null {
  const cn = DATE_CN.exec(text);
  if (cn) {
    const v = iso(Number(cn[1]), Number(cn[2]), Number(cn[3]));
    if (v) return { iso: v, text: cn[0] };
  }
  const hz = DATE_HANZI.exec(text);
  if (hz) {
    const y = Number([...hz[1]!].map((c) => HANZI_DIGIT[c]).join(''));
    const v = iso(y, hanziSmall(hz[2]!), hanziSmall(hz[3]!));
    if (v) return { iso: v, text: hz[0] };
  }
  const d = DATE_ISO.exec(text);
  if (d) {
    const v = iso(Number(d[1]), Number(d[2]), Number(d[3]));
    if (v) return { iso: v, text: d[0] };
  }
  return null;
}

/** A line that is only a date (a signature date, 成文日期). */
export function isDateLine(text: string): boolean {
  const d = findDate(text);
  return d !== null && text.replace(d.text, '').replace(/[\s\u3000（()）]/g, '') === '';
}

/** Labelled fields on one line, e.g. `发布时间：2024-03-05 来源：浙江省人民政府办公厅 字号：大 中 小`. */
const FIELD_LABELS = ['发布时间', '发布日期', '成文日期', '日期', '时间', '来源', '信息来源', '作者', '编辑', '责任编辑', '发文机关', '发布机构', '发文字号', '文号', '字号', '浏览次数', '点击数', '阅读次数', '索引号', '主题分类', '制图'];
const FIELD_RE = new RegExp(`(${FIELD_LABELS.sort((a, b) => b.length - a.length).join('|')})\\s*[:：]\\s*`, 'g');

export function labelledFields(text: string): Record<string, string> | null {
  const starts = [...text.matchAll(FIELD_RE)];
  if (starts.length === 0 || starts[0]!.index !== 0) return null;
  const fields: Record<string, string> = {};
  starts.forEach((m, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.index : text.length;
    fields[m[1]!] = text.slice(m.index + m[0].length, end).trim();
  });
  return fields;
}

/** 制图 王璟 (a credit without a colon, as the embedded article prints it). */
export const GRAPHICS = /^制图[\s\u3000]+(.+)$/;

// Page chrome that survives in text saved from a web page.
const CHROME_LINES = [
  /^返[\s\u3000]*回$/,
  /^(首页|打印|关闭|打印本页|关闭窗口|返回顶部|【?打印】?|【?关闭】?|分享|收藏|上一篇.*|下一篇.*|扫一扫.*)$/,
  /^(当前位置|您现在的位置|您的位置|位置)\s*[:：]/,
  /^(分享到|【?字体|字号\s*[:：]\s*[大中小])/,
  /^(\[|【)?\s*(大|中|小)\s*(\]|】)?\s*(\[|【)?\s*(大|中|小)\s*(\]|】)?\s*(\[|【)?\s*(大|中|小)\s*(\]|】)?$/,
  /(版权所有|ICP备|网站标识码|公网安备|主办单位[:：]|承办单位[:：]|技术支持[:：]|网站地图|联系我们)/,
];

export function isChromeLine(text: string): boolean {
  return CHROME_LINES.some((re) => re.test(text));
}

/** 所在位置: 杭州有理 — chrome, but the column name in it is metadata. */
export const LOCATION = /^所在位置\s*[:：]\s*(.*)$/;

/** （此件公开发布） and its variants. */
export const PUBLICATION_NOTE = /^[（(](此件[^）)]{1,20})[）)]$/;
/** The article's author note: （作者系…）. */
export const AUTHOR_NOTE = /^[（(](作者系.+)[）)]$/;
/** 版记: 抄送 and the printing line at the very end of a paper document. */
export const IMPRINT = /^(抄送[:：]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日印发$)/;

/** 关于印发《××实施方案》的通知 → ××实施方案 (also 转发, 发布, and without 《》). */
export function issuedPlanName(title: string): string | null {
  const m = /关于(?:印发|转发|发布|颁布)(.+?)的(?:通知|决定|通告|公告|命令|令)$/.exec(title);
  if (!m) return null;
  const name = m[1]!.replace(/^《|》$/g, '').trim();
  return name.split(/》、《/).length > 1 ? null : name;
}

/** The issuing body named at the start of a notice title: 国务院办公厅关于… → 国务院办公厅. */
export function issuerFromTitle(title: string): string | null {
  const m = /^(.{2,40}?)关于/.exec(title);
  return m ? m[1]!.replace(/[、]$/, '') : null;
}

/** A signature line: a short name of an issuing body, with no sentence punctuation. */
export function isSignatureLine(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[。，,；;：:！？、“”]/.test(text) && !/^\d/.test(text) &&
    /(政府|委员会|办公厅|办公室|部|局|委|厅|院|会|中心|公司|党委|组|处|署|府|社)$/.test(text.replace(/[\s\u3000]+/g, ''));
}

export function normalizeName(text: string): string {
  return text.replace(/[\s\u3000《》“”"]/g, '');
}

/** A report's subtitle (——2025年1月10日在…会议上) and its speaker line (市长 林望舒, ideographic space). */
export const SUBTITLE = /^[—－]{1,2}.*\d{4}\s*年.*$/;
export const SPEAKER = /^(代?(?:市长|省长|县长|区长|主席|总理|书记|主任))[\s\u3000]+(\S{2,4})$/;
