// compare.export: the comparison as a file the renderer saves. CSV: one row per change
// (added, removed, edited, moved or renumbered item), the wording changes written inline as
// [-deleted-] and {+inserted+} (plain text has no strike-through). HTML: one self-contained
// page (inline styles, no script, nothing fetched) with the same two columns as the app's
// view; deletions struck through and insertions underlined so it prints in black and white.
import type { CompareRow, Comparison, DiffPart } from '../../../../shared/api/compare/methods';
import type { UiLanguage } from '../../../../shared/api/common';
import type { Db } from '../../db/open';
import { toCsv } from '../../csv/write-csv';
import { comparePlans } from './compare';
import { isChange } from '../../../../shared/domain/comparison';

const LABELS = {
  zh: {
    title: '版本对照',
    change: '变化',
    leftNo: '原编号',
    leftHeadline: '原标题',
    rightNo: '新编号',
    rightHeadline: '新标题',
    headlineChanges: '标题改动',
    bodyChanges: '正文改动',
    added: '新增',
    removed: '删除',
    edited: '修改',
    moved: '移动',
    renumbered: '编号变化',
    punctuationOnly: '仅标点',
    unchanged: '未变',
    version: (n: number) => `第 ${n} 版`,
    items: (n: number) => `${n} 项`,
    legend: '删除的文字加删除线，新增的文字加下划线，仅全角/半角不同的标点加虚线框。',
    separator: '、',
  },
  en: {
    title: 'Comparison',
    change: 'Change',
    leftNo: 'Old no.',
    leftHeadline: 'Old headline',
    rightNo: 'New no.',
    rightHeadline: 'New headline',
    headlineChanges: 'Headline changes',
    bodyChanges: 'Body changes',
    added: 'Added',
    removed: 'Removed',
    edited: 'Edited',
    moved: 'Moved',
    renumbered: 'Renumbered',
    punctuationOnly: 'punctuation only',
    unchanged: 'Unchanged',
    version: (n: number) => `version ${n}`,
    items: (n: number) => `${n} items`,
    legend: 'Deleted text is struck through, inserted text underlined; punctuation that only changed width (full/half) is boxed with dots.',
    separator: '; ',
  },
} as const;

type Labels = (typeof LABELS)[UiLanguage];

/** What changed in a row, in words: 修改、移动 / Edited; Moved. */
function changeLabel(row: CompareRow, l: Labels): string {
  const kinds: string[] = [];
  if (row.kind === 'added') kinds.push(l.added);
  if (row.kind === 'removed') kinds.push(l.removed);
  if (row.kind === 'edited') kinds.push(row.punctuationOnly ? `${l.edited} (${l.punctuationOnly})` : l.edited);
  if (row.moved) kinds.push(l.moved);
  if (row.renumbered) kinds.push(l.renumbered);
  return kinds.join(l.separator);
}

function inlineText(parts: readonly DiffPart[] | null): string {
  if (!parts) return '';
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
}

function csv(c: Comparison, l: Labels): string {
  const lines: (string | null)[][] = [
    [l.change, l.leftNo, l.leftHeadline, l.rightNo, l.rightHeadline, l.headlineChanges, l.bodyChanges],
  ];
  for (const row of c.rows.filter(isChange)) {
    lines.push([
      changeLabel(row, l),
      row.left?.numeral ?? null,
      row.left?.headline ?? null,
      row.right?.numeral ?? null,
      row.right?.headline ?? null,
      inlineText(row.headlineDiff),
      inlineText(row.bodyDiff),
    ]);
  }
  return toCsv(lines);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** One side of a diff: the left shows equal and deleted text, the right equal and inserted. */
function sideHtml(parts: readonly DiffPart[] | null, plain: string, show: 'delete' | 'insert'): string {
  if (!parts) return escapeHtml(plain);
  return parts
    .filter((p) => p.op === 'equal' || p.op === show)
    .map((p) => {
      if (p.op === 'equal') return escapeHtml(p.text);
      const tag = p.op === 'delete' ? 'del' : 'ins';
      return `<${tag}${p.punctuationWidth ? ' class="w"' : ''}>${escapeHtml(p.text)}</${tag}>`;
    })
    .join('');
}

function cellHtml(row: CompareRow, which: 'left' | 'right'): string {
  const item = row[which];
  if (!item) return '<td class="empty"></td>';
  const show = which === 'left' ? 'delete' : 'insert';
  return (
    `<td><div class="h"><span class="no">${escapeHtml(item.numeral)}</span>${sideHtml(row.headlineDiff, item.headline, show)}</div>` +
    `<div class="b">${sideHtml(row.bodyDiff, item.body, show)}</div></td>`
  );
}

function html(c: Comparison, l: Labels, language: UiLanguage): string {
  const sideName = (s: Comparison['left']) => `${escapeHtml(s.title)} · ${l.version(s.version)} · ${l.items(s.itemCount)}`;
  const counts = (['edited', 'added', 'removed', 'moved', 'renumbered', 'unchanged'] as const)
    .map((k) => `<li>${l[k]} <b>${c.counts[k]}</b></li>`)
    .join('');
  const rows = c.rows
    .map((row) => {
      const label = isChange(row) ? changeLabel(row, l) : '';
      return `<tr class="${row.kind}"><th scope="row">${escapeHtml(label)}</th>${cellHtml(row, 'left')}${cellHtml(row, 'right')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(l.title)}: ${escapeHtml(c.left.title)} / ${escapeHtml(c.right.title)}</title>
<style>
  @page { size: A4 landscape; margin: 14mm 12mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; margin: 24px; line-height: 1.6; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  .sides { color: #444; margin: 0 0 8px; }
  ul.counts { list-style: none; padding: 0; margin: 0 0 8px; display: flex; gap: 16px; flex-wrap: wrap; }
  p.legend { font-size: 12px; color: #555; margin: 0 0 12px; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  col.kind { width: 7em; }
  th, td { border-top: 1px solid #bbb; padding: 6px 8px; vertical-align: top; text-align: left; }
  thead th { border-top: none; border-bottom: 2px solid #333; }
  tbody th { font-weight: normal; font-size: 12px; color: #333; }
  td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, #eee 6px 7px); }
  .h { font-weight: 600; }
  .no { margin-right: 0.4em; }
  .b { font-size: 13px; white-space: pre-wrap; }
  del { text-decoration: line-through; text-decoration-thickness: 1.5px; background: #fde2e2; }
  ins { text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 2px; background: #dff3e3; }
  del.w, ins.w { text-decoration: none; outline: 1px dashed #666; outline-offset: 0; background: #eef; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  @media print { body { margin: 0; } del, ins, del.w, ins.w, td.empty { background: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(l.title)}</h1>
<p class="sides">${sideName(c.left)} → ${sideName(c.right)}</p>
<ul class="counts">${counts}</ul>
<p class="legend">${escapeHtml(l.legend)}</p>
<table>
<colgroup><col class="kind"><col><col></colgroup>
<thead><tr><th>${escapeHtml(l.change)}</th><th>${sideName(c.left)}</th><th>${sideName(c.right)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

export function exportComparison(
  db: Db,
  args: { leftPlanId: string; rightPlanId: string; format: 'html' | 'csv'; language: UiLanguage },
): { fileName: string; content: string } {
  const comparison = comparePlans(db, args.leftPlanId, args.rightPlanId);
  const labels = LABELS[args.language];
  const fileName = `briefbook-compare-${args.leftPlanId}-${args.rightPlanId}.${args.format}`;
  return { fileName, content: args.format === 'csv' ? csv(comparison, labels) : html(comparison, labels, args.language) };
}
