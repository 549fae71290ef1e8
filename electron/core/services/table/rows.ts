// Table rows by id: the plan's text about each initiative (and the title its plan is shown by)
// joined with the reader's fields, tags, annotation counts and the items of the lists it states.
import type { InitiativeRow } from '../../../../shared/domain/table';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { planTitleSql } from './plans';

const rowsSql = (planTitle: string) => `
  SELECT i.id AS id, i.plan_id AS planId, ${planTitle} AS planTitle, i.theme_id AS themeId, t.ordinal AS themeOrdinal,
    t.headline AS themeHeadline, i.ordinal AS ordinal, i.numeral AS numeral, i.headline AS headline,
    s.status AS status, s.priority AS priority, s.lead_unit AS leadUnit,
    s.responsible_units AS responsibleUnits, s.deadline AS deadline, s.progress_note AS progressNote,
    s.touched_at AS touchedAt, coalesce(s.revision, 0) AS revision,
    (SELECT count(*) FROM user_annotations a WHERE a.item_id = i.id AND a.kind = 'highlight' AND a.deleted_at IS NULL) AS highlightCount,
    (SELECT count(*) FROM user_annotations a WHERE a.item_id = i.id AND a.kind = 'note' AND a.deleted_at IS NULL) AS noteCount,
    (SELECT json_group_array(g.tag ORDER BY g.rowid) FROM user_initiative_tags g WHERE g.initiative_id = i.id) AS tagsJson,
    (SELECT json_group_array(li.text ORDER BY l.ordinal, li.ordinal)
       FROM plan_lists l JOIN list_items li ON li.list_id = l.id WHERE l.initiative_id = i.id) AS industriesJson
  FROM json_each(?) j
  JOIN initiatives i ON i.id = j.value
  JOIN themes t ON t.id = i.theme_id
  JOIN plans p ON p.id = i.plan_id
  LEFT JOIN user_initiative_state s ON s.initiative_id = i.id
  ORDER BY j.key`;

type RawRow = Omit<InitiativeRow, 'tags' | 'industries' | 'shortId'> & { tagsJson: string; industriesJson: string };

export function shortIdOf(themeOrdinal: number, ordinal: number): string {
  return `T${themeOrdinal}·I${ordinal}`;
}

/** Rows for the ids that exist, in the order given (unknown ids are left out). */
export function readRows(db: Db, ids: readonly string[]): InitiativeRow[] {
  if (ids.length === 0) return [];
  const raw = prepared(db, rowsSql(planTitleSql('p'))).all(JSON.stringify(ids)) as RawRow[];
  return raw.map(({ tagsJson, industriesJson, ...r }) => ({
    ...r,
    shortId: shortIdOf(r.themeOrdinal, r.ordinal),
    tags: JSON.parse(tagsJson) as string[],
    industries: JSON.parse(industriesJson) as string[],
  }));
}
