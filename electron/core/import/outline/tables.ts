// Implementation-task tables (任务分工表): a header row naming the task and at least one of
// 牵头单位 / 责任单位 / 完成时限 turns the table's rows into items whose columns are the plan's
// own values. In text extracted from a PDF such a table arrives as lines whose columns are
// separated by runs of spaces; those lines are rebuilt into a table first.
import type { TaskFields } from '../../../../shared/domain/document';

export interface TaskColumns {
  number: number | null;
  task: number;
  lead: number | null;
  responsible: number | null;
  deadline: number | null;
  progress: number | null;
}

const col = (header: string[], re: RegExp): number | null => {
  const i = header.findIndex((h) => re.test(h.replace(/[\s\u3000]/g, '')));
  return i < 0 ? null : i;
};

export function taskColumns(header: string[]): TaskColumns | null {
  const task = col(header, /^(重点|主要|工作|具体)?(任务|举措|事项|工作内容|改革举措|任务内容|工作任务|主要内容)$/);
  const lead = col(header, /牵头(单位|部门)?/);
  const responsible = col(header, /(责任|配合|参与|协同|协办)(单位|部门)/);
  const deadline = col(header, /(完成时限|时间节点|完成时间|时限|进度安排|时间安排)/);
  if (task === null || (lead === null && responsible === null && deadline === null)) return null;
  return {
    number: col(header, /^(序号|编号|序)$/),
    task,
    lead,
    responsible: responsible === lead ? null : responsible,
    deadline,
    progress: col(header, /^(进展|进度|完成情况|进展情况)$/),
  };
}

export function taskOf(row: string[], c: TaskColumns): { numbering: string; heading: string; task: TaskFields } | null {
  const cell = (i: number | null) => (i === null ? null : (row[i] ?? '').trim() || null);
  const heading = cell(c.task);
  if (!heading) return null;
  return {
    numbering: cell(c.number) ?? '',
    heading,
    task: { lead: cell(c.lead), responsible: cell(c.responsible), deadline: cell(c.deadline), progress: cell(c.progress) },
  };
}

/** Columns of a line from a PDF table: separated by two or more spaces (or an ideographic one). */
export function columnsOf(line: string): string[] {
  return line.trim().split(/[ \t]{2,}|\u3000+/).map((c) => c.trim()).filter((c) => c !== '');
}
