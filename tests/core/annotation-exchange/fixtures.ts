// Annotations to export in the format tests: one of each shape, with hostile notes.
import type { Annotation } from '../../../shared/api/annotations/methods';
import { describePassage } from '../../../shared/domain/anchoring';
import type { ExportEntry, ExportInput } from '../../../electron/core/services/annotation-exchange/entries';

export const ITEM_TEXT = '加快发展新质生产力，推动<b>产业</b>升级，=SUM(A1:A2) 与 javascript:alert(1)。';

export const HOSTILE_NOTES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1)) ![i](data:image/svg+xml;base64,PHN2Zz4=)',
  '[ref]: javascript:alert(1)\n\n[x][ref]',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<style>body{background:url(http://evil.example/x)}</style>',
  '=HYPERLINK("http://evil.example","x")',
  '\u200B=1+1',
  '```\n<b>code stays</b>\n',
  '`<i>inline code</i>` then <u>x</u>',
];

function base(i: number): Omit<Annotation, 'kind' | 'itemId' | 'target' | 'anchor' | 'color' | 'body' | 'tags'> {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    planId: 'hz-2024',
    createdAt: `2026-12-0${(i % 5) + 1}T08:00:00.000Z`,
    modifiedAt: `2026-12-0${(i % 5) + 1}T09:30:00.000Z`,
    revision: i + 1,
    deletedAt: null,
  };
}

export function sampleAnnotations(): Annotation[] {
  const passage = describePassage(ITEM_TEXT, 2, 7);
  const list: Annotation[] = [
    {
      ...base(1),
      kind: 'highlight',
      itemId: 'hz-2024/T1/I1',
      target: { itemId: 'hz-2024/T1/I1', part: 'body', language: 'zh', selectors: passage },
      anchor: { status: 'anchored' },
      color: 'yellow',
      body: '**要点**：见 [文件](https://example.org/a?b=1)。',
      tags: ['重点', 'AI'],
    },
    {
      ...base(2),
      kind: 'highlight',
      itemId: 'hz-2024/T1/I1',
      target: { itemId: 'hz-2024/T1/I1', part: 'headline', language: 'en', selectors: describePassage('New productive forces 😀 <b>', 22, 26) },
      anchor: { status: 'relocated', previousQuote: 'old <quote>' },
      color: 'purple',
      body: '',
      tags: [],
      deletedAt: '2026-12-05T10:00:00.000Z',
    },
    { ...base(3), kind: 'note', itemId: null, target: null, anchor: null, color: null, body: '整体看法\n\n- 一\n- 二', tags: ['plan'] },
  ];
  HOSTILE_NOTES.forEach((body, k) =>
    list.push({ ...base(10 + k), kind: 'note', itemId: 'hz-2024/T2/I1', target: null, anchor: null, color: null, body, tags: [`=cmd${k}`] }),
  );
  return list;
}

export function exportInput(annotations = sampleAnnotations()): ExportInput {
  const entries: ExportEntry[] = annotations.map((annotation) => ({
    annotation,
    place: {
      planTitle: '杭州<script>2024</script>',
      themeId: annotation.itemId ? annotation.itemId.split('/').slice(0, 2).join('/') : null,
      themeHeadline: annotation.itemId ? '在 # 改革 * 中' : null,
      itemNumeral: annotation.itemId ? '第一' : null,
      itemHeadline: annotation.itemId ? '推动 [产业](javascript:x) 升级' : null,
    },
  }));
  return { entries, colorNames: { yellow: '重点', purple: '<i>问题</i>' }, planId: null, language: 'zh', exportedAt: new Date('2026-12-05T12:00:00Z') };
}
