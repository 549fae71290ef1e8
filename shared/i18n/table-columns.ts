// Labels of the initiative table's columns and of the priorities, in each UI language. They live
// in shared/ because two sides show them: the renderer's table (its `table` namespace spreads
// these in, so t('columns.deadline') keeps working) and the core's CSV export, which writes its
// header row and priority cells in the reader's language. Status labels are not here: statuses
// are the reader's configuration (DEFAULT_STATUS_OPTIONS in shared/domain/table.ts, then the db).
import type { UiLanguage } from '../api/contract';
import type { Priority, TableColumnId } from '../domain/table';

export const TABLE_COLUMN_LABELS: Record<UiLanguage, Record<TableColumnId, string>> = {
  zh: {
    shortId: '编号',
    plan: '计划',
    theme: '主题',
    headline: '举措',
    status: '状态',
    priority: '优先级',
    leadUnit: '牵头单位',
    responsibleUnits: '责任单位',
    deadline: '完成时限',
    progressNote: '进展',
    tags: '标签',
    highlightCount: '划线',
    noteCount: '笔记',
    touchedAt: '最近修改',
    industries: '产业',
  },
  en: {
    shortId: 'ID',
    plan: 'Plan',
    theme: 'Theme',
    headline: 'Initiative',
    status: 'Status',
    priority: 'Priority',
    leadUnit: 'Lead unit',
    responsibleUnits: 'Responsible units',
    deadline: 'Deadline',
    progressNote: 'Progress',
    tags: 'Tags',
    highlightCount: 'Highlights',
    noteCount: 'Notes',
    touchedAt: 'Last modified',
    industries: 'Industries',
  },
};

/**
 * The header row of an exported file: the grid's labels, except that the Chinese count columns
 * say they are counts (划线数, 笔记数). In the grid a bare 划线 sits above numbers; in a
 * spreadsheet, read apart from the app, it could be taken for the highlighted text itself.
 */
export const EXPORT_COLUMN_LABELS: Record<UiLanguage, Record<TableColumnId, string>> = {
  zh: { ...TABLE_COLUMN_LABELS.zh, highlightCount: '划线数', noteCount: '笔记数' },
  en: TABLE_COLUMN_LABELS.en,
};

export const PRIORITY_LABELS: Record<UiLanguage, Record<Priority, string>> = {
  zh: { high: '高', medium: '中', low: '低' },
  en: { high: 'High', medium: 'Medium', low: 'Low' },
};
