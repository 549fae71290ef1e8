// Stores an imported document: its whole tree (plan_sections, plan_blocks), the file it came
// from (plan_files), and the projection the rest of the app reads (themes, initiatives, lists,
// their sort keys and search documents — projection.ts, written by store.ts's writePlanContent)
// in one IMMEDIATE transaction: a failure anywhere leaves nothing of it.
//
// Ids. A plan imported from a file is `p-` + the first 10 hex digits of the file's SHA-256;
// its sections keep the importer's content-hash ids, prefixed with the plan id so they are
// unique across plans (`p-1a2b3c4d5e/s0123456789`). `inheritIds` gives some sections an id
// fixed earlier instead (a later version of a plan carries its ids this way; the embedded plan
// keeps its shipped names): the key is the importer's section id, or `<section id>/L<k>` for
// the k-th enumeration a section states.
import type { Block, ImportedDocument, Section } from '../../../shared/domain/document';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { projectPlan } from './projection';
import { writePlanContent } from './store';
import { isTrashed } from '../services/library/trash';

export interface StoreOptions {
  /** The plan's id; default `p-` + 10 hex digits of the file's SHA-256. */
  planId?: string;
  /** Importer id → id fixed earlier (see above). */
  inheritIds?: ReadonlyMap<string, string>;
  /** Replace the plan's content when its id is already stored without this file (the
   *  embedded plan stored by an older version of the app). The reader's data is not touched. */
  replace?: boolean;
  /** When the plan was first imported (kept on a replace); default now. */
  importedAt?: string;
  now?: Date;
}

export interface StoreResult {
  planId: string;
  /** The same file was already in the library: nothing was written. */
  duplicate: boolean;
  /** Items (initiatives) the plan has. */
  items: number;
  /** The plan the file is already stored as is in the reader's trash. */
  inTrash: boolean;
}

export function planIdForFile(sha256: string): string {
  return `p-${sha256.slice(0, 10)}`;
}

export function storeImportedPlan(db: Db, doc: ImportedDocument, options: StoreOptions = {}): StoreResult {
  const sha = doc.source.sha256;
  const planId = options.planId ?? planIdForFile(sha);
  const inherit = options.inheritIds ?? new Map<string, string>();
  const sectionId = (hashId: string): string => inherit.get(hashId) ?? `${planId}/${hashId}`;
  const now = (options.now ?? new Date()).toISOString();
  return writeTransaction(db, () => {
    const known = prepared(db, 'SELECT plan_id AS planId FROM plan_files WHERE sha256 = ?').get(sha) as
      | { planId: string }
      | undefined;
    if (known) {
      return { planId: known.planId, duplicate: true, items: countItems(db, known.planId), inTrash: isTrashed(db, known.planId) };
    }
    if (prepared(db, 'SELECT 1 AS found FROM plans WHERE id = ?').get(planId) !== undefined) {
      if (!options.replace) throw new Error(`A different plan is already stored as ${planId}`);
      prepared(db, 'DELETE FROM plans WHERE id = ?').run(planId);
    }
    const projection = projectPlan(doc, {
      planId,
      section: sectionId,
      list: (hashId, k) => inherit.get(`${hashId}/L${k}`) ?? `${planId}/${hashId}/L${k}`,
    });
    writePlanContent(db, projection, sha, options.importedAt ?? now);
    const m = doc.metadata;
    prepared(
      db,
      `UPDATE plans SET issuer = ?, doc_number = ?, doc_date = ?, date_text = ?, notice_title = ?, addressees = ?,
         publication_note = ?, attachments_json = ?, format = ?, encoding = ?, file_name = ?, theme_level = ?,
         item_level = ?, warnings_json = ? WHERE id = ?`,
    ).run(
      m.issuer,
      m.docNumber,
      m.date,
      m.dateText,
      m.noticeTitle,
      m.addressees,
      m.publicationNote,
      JSON.stringify(m.attachments),
      doc.source.format,
      doc.source.encoding,
      doc.source.fileName,
      doc.levels.theme,
      doc.levels.item,
      JSON.stringify(doc.warnings),
      planId,
    );
    writeTree(db, planId, doc, sectionId);
    // A plan the reader purged from the trash and now imports again comes back out of it.
    prepared(
      db,
      `UPDATE user_plan_state SET trashed_at = NULL, revision = revision + 1, touched_at = ?
       WHERE plan_id = ? AND trashed_at IS NOT NULL`,
    ).run(now, planId);
    prepared(db, 'INSERT INTO plan_files (sha256, plan_id, file_name, imported_at) VALUES (?, ?, ?, ?)').run(
      sha,
      planId,
      doc.source.fileName,
      now,
    );
    return { planId, duplicate: false, items: projection.initiatives.length, inTrash: false };
  });
}

function countItems(db: Db, planId: string): number {
  return (prepared(db, 'SELECT count(*) AS n FROM initiatives WHERE plan_id = ?').get(planId) as { n: number }).n;
}

function writeTree(db: Db, planId: string, doc: ImportedDocument, sectionId: (hashId: string) => string): void {
  const insertSection = prepared(
    db,
    `INSERT INTO plan_sections (id, plan_id, parent_id, position, kind, numbering, ordinal, heading, task_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBlock = prepared(
    db,
    `INSERT INTO plan_blocks (id, plan_id, section_id, area, position, type, marker, ordinal, header, text, cells_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const blocks = (list: readonly Block[], area: 'notice' | 'preamble' | 'section', section: string | null): void => {
    list.forEach((b, position) => {
      insertBlock.run(
        `${planId}/${b.id}`,
        planId,
        section,
        area,
        position,
        b.type,
        b.type === 'list-item' ? b.marker : null,
        b.type === 'list-item' ? b.ordinal : null,
        b.type === 'table-row' ? Number(b.header) : null,
        b.type === 'table-row' ? null : b.text,
        b.type === 'table-row' ? JSON.stringify(b.cells) : null,
      );
    });
  };
  blocks(doc.notice, 'notice', null);
  blocks(doc.preamble, 'preamble', null);
  let position = 0;
  const walk = (sections: readonly Section[], parent: string | null): void => {
    for (const s of sections) {
      const id = sectionId(s.id);
      insertSection.run(id, planId, parent, position++, s.kind, s.numbering, s.ordinal, s.heading, s.task ? JSON.stringify(s.task) : null);
      blocks(s.blocks, 'section', id);
      walk(s.children, id);
    }
  };
  walk(doc.sections, null);
}

/** The stored tree of a plan, as the importer produced it (ids as stored). */
export function readPlanTree(db: Db, planId: string): Pick<ImportedDocument, 'notice' | 'preamble' | 'sections'> {
  const rows = prepared(
    db,
    `SELECT id, parent_id AS parentId, kind, numbering, ordinal, heading, task_json AS taskJson
     FROM plan_sections WHERE plan_id = ? ORDER BY position`,
  ).all(planId) as { id: string; parentId: string | null; kind: Section['kind']; numbering: string; ordinal: number | null; heading: string; taskJson: string | null }[];
  const blockRows = prepared(
    db,
    `SELECT id, section_id AS sectionId, area, type, marker, ordinal, header, text, cells_json AS cellsJson
     FROM plan_blocks WHERE plan_id = ? ORDER BY area, section_id, position`,
  ).all(planId) as { id: string; sectionId: string | null; area: string; type: Block['type']; marker: string | null; ordinal: number | null; header: number | null; text: string | null; cellsJson: string | null }[];
  const toBlock = (r: (typeof blockRows)[number]): Block =>
    r.type === 'table-row'
      ? { id: r.id, type: 'table-row', header: r.header === 1, cells: JSON.parse(r.cellsJson!) as string[] }
      : r.type === 'list-item'
        ? { id: r.id, type: 'list-item', marker: r.marker!, ordinal: r.ordinal, text: r.text! }
        : { id: r.id, type: 'paragraph', text: r.text! };
  const bySection = new Map<string, Block[]>();
  const notice: Block[] = [];
  const preamble: Block[] = [];
  for (const r of blockRows) {
    if (r.area === 'notice') notice.push(toBlock(r));
    else if (r.area === 'preamble') preamble.push(toBlock(r));
    else bySection.set(r.sectionId!, [...(bySection.get(r.sectionId!) ?? []), toBlock(r)]);
  }
  const sections: Section[] = [];
  const byId = new Map<string, Section>();
  for (const r of rows) {
    const s: Section = {
      id: r.id,
      kind: r.kind,
      numbering: r.numbering,
      ordinal: r.ordinal,
      heading: r.heading,
      blocks: bySection.get(r.id) ?? [],
      children: [],
      ...(r.taskJson ? { task: JSON.parse(r.taskJson) as Section['task'] & object } : {}),
    };
    byId.set(r.id, s);
    (r.parentId ? byId.get(r.parentId)!.children : sections).push(s);
  }
  return { notice, preamble, sections };
}
