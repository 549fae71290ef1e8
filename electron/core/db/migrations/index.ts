// The ordered list of migrations. Append only: a shipped migration is never edited.
import type { Migration } from '../migrate';
import { planContent } from './0001-plan-content';
import { userSettings } from './0002-user-settings';
import { initiativeTable } from './0003-initiative-table';
import { revisions } from './0004-revisions';
import { planLibrary } from './0005-plan-library';
import { annotations } from './0006-annotations';
import { planVersions } from './0007-plan-versions';
import { search } from './0008-search';
import { packets } from './0009-packets';
import { tableFacetIndexes } from './0010-table-facet-indexes';
import { searchSize } from './0011-search-size';
import { initiativeCounts } from './0012-initiative-counts';
import { searchMerge } from './0013-search-merge';
import { readerSortKeys } from './0014-reader-sort-keys';
import { planTotals } from './0015-plan-totals';
import { leadUnitSortKey } from './0016-lead-unit-sort-key';
import { freeTextSortKeys } from './0017-free-text-sort-keys';
import { unrankedTexts } from './0018-unranked-texts';
import { straySearchKeys } from './0019-stray-search-keys';
import { initiativeSearch } from './0020-initiative-search';
import { themeTotals } from './0021-theme-totals';

export const MIGRATIONS: readonly Migration[] = [
  planContent,
  userSettings,
  initiativeTable,
  revisions,
  planLibrary,
  annotations,
  planVersions,
  search,
  packets,
  tableFacetIndexes,
  searchSize,
  initiativeCounts,
  searchMerge,
  readerSortKeys,
  planTotals,
  leadUnitSortKey,
  freeTextSortKeys,
  unrankedTexts,
  straySearchKeys,
  initiativeSearch,
  themeTotals,
];
