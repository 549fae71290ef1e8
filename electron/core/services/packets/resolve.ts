// Which items a packet definition includes now, in packet order. Each source gives its items
// in its own order (a plan and a theme in reading order, hand-picked items as picked, a saved
// view and a filter as the table runs them); the packet is their union without repeats, the
// reader's arrangement (definition.order) first. A source naming something gone (a plan
// deleted or in the trash, a theme or item no longer there, a deleted view) is reported, never
// silently dropped.
//
// Left-out items (definition.excluded) are not in the packet, whichever source brings them — a
// hand-pick included: "left out" means not in the packet, the one rule a reader can predict.
// (Hand-picking a left-out item again is the editor's business: it takes it off the list.)
import type { PacketDefinition, PacketItem, PacketSource } from '../../../../shared/api/packets/methods';
import type { InitiativeRow, TableFilters } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readTransaction } from '../../db/transaction';
import { trashedPlanIds } from '../library/trash';
import { prepareQuery, ensureSortRanks, type RowQuery } from '../table/query';
import { pageSql } from '../table/query-sql';
import { readRows } from '../table/rows';
import type { TableViewState } from '../../../../shared/domain/table';

export type MissingReason = 'plan' | 'theme' | 'item' | 'view';
export interface Missing {
  source: number;
  reason: MissingReason;
}

export interface Resolved {
  /** The included items' rows (the table's), in packet order. */
  rows: InitiativeRow[];
  /** The left-out items' rows that a source would bring in, in source order. */
  excluded: InitiativeRow[];
  missing: Missing[];
}

const READING_ORDER = `SELECT i.id AS id FROM initiatives i JOIN themes t ON t.id = i.theme_id`;

function planExists(db: Db, planId: string, trashed: Set<string>): boolean {
  return !trashed.has(planId) && prepared(db, 'SELECT 1 AS found FROM plans WHERE id = ?').get(planId) !== undefined;
}

function idsOf(rows: unknown[]): string[] {
  return (rows as { id: string }[]).map((r) => r.id);
}

/** The ids a table query lists, in its order (all of them, no paging). */
function queryIds(db: Db, query: RowQuery): string[] {
  const { scope, order } = prepareQuery(db, query);
  const all = pageSql(scope, order, null);
  return idsOf(prepared(db, all.sql).all(...all.params));
}

function sourceIds(db: Db, source: PacketSource, trashed: Set<string>, miss: (reason: MissingReason) => void): string[] {
  switch (source.kind) {
    case 'plan':
      if (!planExists(db, source.planId, trashed)) {
        miss('plan');
        return [];
      }
      return idsOf(prepared(db, `${READING_ORDER} WHERE i.plan_id = ? ORDER BY t.ordinal, i.ordinal`).all(source.planId));
    case 'themes': {
      const ids: string[] = [];
      for (const themeId of source.themeIds) {
        const theme = prepared(db, 'SELECT plan_id AS planId FROM themes WHERE id = ?').get(themeId) as { planId: string } | undefined;
        if (!theme || trashed.has(theme.planId)) {
          miss('theme');
          continue;
        }
        ids.push(...idsOf(prepared(db, `${READING_ORDER} WHERE i.theme_id = ? ORDER BY i.ordinal`).all(themeId)));
      }
      return ids;
    }
    case 'items': {
      const found = new Map(
        (prepared(db, 'SELECT i.id AS id, i.plan_id AS planId FROM json_each(?) j JOIN initiatives i ON i.id = j.value').all(
          JSON.stringify(source.itemIds),
        ) as { id: string; planId: string }[]).map((r) => [r.id, r.planId]),
      );
      const ids: string[] = [];
      for (const id of source.itemIds) {
        const planId = found.get(id);
        if (planId === undefined) miss('item');
        else if (trashed.has(planId)) miss('plan');
        else ids.push(id);
      }
      return ids;
    }
    case 'view': {
      const row = prepared(db, 'SELECT state_json FROM user_saved_views WHERE id = ?').get(source.viewId) as { state_json: string } | undefined;
      if (!row) {
        miss('view');
        return [];
      }
      const state = JSON.parse(row.state_json) as TableViewState;
      return queryIds(db, { sort: state.sort, collation: state.collation, search: state.search, filters: state.filters, groupBy: state.groupBy });
    }
    case 'filter': {
      if (source.planId !== undefined && !planExists(db, source.planId, trashed)) {
        miss('plan');
        return [];
      }
      const filters: TableFilters = {};
      if (source.statuses?.length) filters.statuses = source.statuses;
      if (source.tags?.length) filters.tags = source.tags;
      if (source.priorities?.length) filters.priorities = source.priorities;
      const ids = queryIds(db, {
        ...(source.planId !== undefined ? { planId: source.planId } : {}),
        sort: [],
        collation: 'pinyin',
        search: '',
        filters,
        groupBy: null,
      });
      if (source.deadlineBy === undefined) return ids;
      const by = source.deadlineBy;
      const deadlines = new Map(
        (prepared(db, 'SELECT initiative_id AS id, deadline FROM user_initiative_state WHERE deadline IS NOT NULL').all() as {
          id: string;
          deadline: string;
        }[]).map((r) => [r.id, r.deadline]),
      );
      return ids.filter((id) => {
        const deadline = deadlines.get(id);
        return deadline !== undefined && deadline <= by;
      });
    }
  }
}

/** The items of a definition now, in packet order, and what its sources name that is gone. */
export function resolvePacket(db: Db, definition: PacketDefinition): Resolved {
  ensureSortRanks(db);
  return readTransaction(db, () => {
    const trashed = new Set(trashedPlanIds(db));
    const missing: Missing[] = [];
    const included: string[] = [];
    const seen = new Set<string>();
    definition.sources.forEach((source, index) => {
      const reasons = new Set<MissingReason>();
      for (const id of sourceIds(db, source, trashed, (reason) => reasons.add(reason))) {
        if (!seen.has(id)) {
          seen.add(id);
          included.push(id);
        }
      }
      for (const reason of reasons) missing.push({ source: index, reason });
    });
    const leftOut = new Set(definition.excluded ?? []);
    const kept = included.filter((id) => !leftOut.has(id));
    const keptSet = new Set(kept);
    const arranged = definition.order.filter((id) => keptSet.has(id));
    const placed = new Set(arranged);
    const ordered = [...arranged, ...kept.filter((id) => !placed.has(id))];
    return { rows: readRows(db, ordered), excluded: readRows(db, included.filter((id) => leftOut.has(id))), missing };
  });
}

const packetItem = (r: InitiativeRow): PacketItem => ({
  id: r.id,
  planId: r.planId,
  planTitle: r.planTitle,
  themeHeadline: r.themeHeadline,
  numeral: r.numeral,
  headline: r.headline,
  notes: r.noteCount,
  highlights: r.highlightCount,
});

export function packetItems(resolved: Resolved): { items: PacketItem[]; excluded: PacketItem[]; missing: Missing[] } {
  return { items: resolved.rows.map(packetItem), excluded: resolved.excluded.map(packetItem), missing: resolved.missing };
}
