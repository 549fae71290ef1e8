// The words of the Markdown and CSV exports, in the reader's language.
import type { AnnotationKind, HighlightColor } from '../../../../shared/api/annotations/methods';
import type { AnchorStatus } from '../../../../shared/domain/anchoring';
import type { UiLanguage } from '../../../../shared/api/common';

export interface ExportLabels {
  title: string;
  exported: (when: string, count: number) => string;
  planNotes: string;
  unknownPlan: (planId: string) => string;
  unknownItem: (itemId: string) => string;
  otherItems: string;
  englishText: string;
  tags: string;
  color: Record<HighlightColor, string>;
  kind: Record<AnnotationKind, string>;
  anchor: Record<AnchorStatus, string>;
  columns: readonly string[];
}

export const EXPORT_LABELS: Record<UiLanguage, ExportLabels> = {
  en: {
    title: 'Annotations',
    exported: (when, count) => `Exported from Briefbook ${when} · ${count} annotation${count === 1 ? '' : 's'}`,
    planNotes: 'Notes on the plan',
    unknownPlan: (planId) => `Plan ${planId} (not in this library)`,
    unknownItem: (itemId) => `Initiative ${itemId} (not in this library)`,
    otherItems: 'Other initiatives',
    englishText: 'in the English text',
    tags: 'Tags',
    color: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
    kind: { highlight: 'Highlight', note: 'Note' },
    anchor: {
      anchored: 'Anchored',
      relocated: 'Relocated (the text changed)',
      ambiguous: 'Ambiguous (the passage occurs more than once)',
      orphaned: 'Not found in the current text',
    },
    columns: ['Plan', 'Theme', 'Initiative', 'Initiative headline', 'Kind', 'Quote', 'Note', 'Tags', 'Colour', 'Colour meaning', 'Text', 'Anchor', 'Created', 'Modified', 'Plan ID', 'Initiative ID', 'Annotation ID'],
  },
  zh: {
    title: '标注',
    exported: (when, count) => `导出自 Briefbook，${when}，共 ${count} 条标注`,
    planNotes: '计划笔记',
    unknownPlan: (planId) => `计划 ${planId}（不在本计划库中）`,
    unknownItem: (itemId) => `举措 ${itemId}（不在本计划库中）`,
    otherItems: '其他举措',
    englishText: '英文译文',
    tags: '标签',
    color: { yellow: '黄色', green: '绿色', blue: '蓝色', pink: '粉色', purple: '紫色' },
    kind: { highlight: '划线', note: '笔记' },
    anchor: {
      anchored: '已定位',
      relocated: '已重新定位（原文有改动）',
      ambiguous: '位置不明确（该段文字出现多次）',
      orphaned: '在当前原文中未找到',
    },
    columns: ['计划', '主题', '举措', '举措标题', '类型', '引文', '笔记', '标签', '颜色', '颜色含义', '文本', '定位', '创建时间', '修改时间', '计划 ID', '举措 ID', '标注 ID'],
  },
};
