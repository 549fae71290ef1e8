// The groups part of a table page as the core answers it (TablePage.groups, groupCounts,
// groupsAcrossPlans), from every group of the query in display order: the models of the core
// tests and the renderer's fake table name the groups a page's rows are in and the asked ones.
import type { TableGroup, TablePage } from '../../shared/domain/table';

export type WholeGroup = Omit<TableGroup, 'index' | 'firstRow'>;

export function pageGroupsOf(
  all: readonly WholeGroup[],
  page: { offset: number; limit: number; groupKeys?: (string | null)[] },
): Pick<TablePage, 'groups' | 'groupCounts' | 'groupsAcrossPlans'> {
  const groups: TableGroup[] = [];
  let firstRow = 0;
  all.forEach((group, index) => {
    const end = firstRow + group.count;
    const onPage = firstRow < page.offset + page.limit && end > page.offset;
    if (onPage || (page.groupKeys ?? []).includes(group.key)) groups.push({ ...group, index, firstRow });
    firstRow = end;
  });
  return {
    groups,
    groupCounts: all.map((g) => g.count),
    groupsAcrossPlans: new Set(all.map((g) => g.planId).filter((p) => p !== undefined)).size > 1,
  };
}
