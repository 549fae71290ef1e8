// annotation.export and annotation.import (the rules are in this folder's README.md).
import type { Annotation, AnnotationRevision, HighlightColor } from '../../../../shared/api/annotations/methods';
import { HIGHLIGHT_COLORS } from '../../../../shared/api/annotations/methods';
import type { AnnotationExport, AnnotationExportFormat, AnnotationImportReport } from '../../../../shared/api/annotation-exchange/methods';
import type { UiLanguage } from '../../../../shared/api/common';
import { AppError } from '../../../../shared/api/result';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readTransaction, writeTransaction } from '../../db/transaction';
import { planTitleSql } from '../table/plans';
import { anchorPassage, describePassage } from '../../../../shared/domain/anchoring';
import { colorNames } from '../annotations/annotations';
import { canonicalText } from '../annotations/canonical';
import { ANNOTATION_COLUMNS, readAnnotation, selectorsJson, toAnnotation, writeTags, type AnnotationRow } from '../annotations/store';
import type { ExportEntry, ExportInput } from './entries';
import { writeCsv } from './csv-format';
import { writeJson } from './json-format';
import { writeJsonLd } from './jsonld-format';
import { writeMarkdown } from './markdown-format';
import { indexAnnotation } from '../../search/source-docs';
import { decideMerge, sameIdentity } from './merge';
import { readAnnotationFile } from './read-file';

const FILE_TYPES: Record<AnnotationExportFormat, { extension: string; mimeType: string }> = {
  md: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/json' },
  jsonld: { extension: 'jsonld', mimeType: 'application/ld+json' },
};

interface PlacedRow extends AnnotationRow {
  plan_title: string | null;
  theme_id: string | null;
  theme_headline: string | null;
  item_numeral: string | null;
  item_headline: string | null;
}

/** Local calendar date, YYYY-MM-DD (the table's CSV export names its files the same way). */
function localDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** Every annotation in reading order: plans by title, a plan's own notes first, then themes and
 *  items in the plan's order, a highlight's passage by its place in the text. Annotations on a
 *  plan or item this library does not have come after the ones it has. */
export function readEntries(db: Db, planId: string | null, withTrash: boolean): ExportEntry[] {
  const rows = prepared(
    db,
    `SELECT ${ANNOTATION_COLUMNS},
       ${planTitleSql('p')} AS plan_title, th.id AS theme_id, th.headline AS theme_headline,
       i.numeral AS item_numeral, i.headline AS item_headline
     FROM user_annotations a
       LEFT JOIN plans p ON p.id = a.plan_id
       LEFT JOIN initiatives i ON i.id = a.item_id
       LEFT JOIN themes th ON th.id = i.theme_id
     WHERE (@planId IS NULL OR a.plan_id = @planId) AND (@withTrash OR a.deleted_at IS NULL)
     ORDER BY p.id IS NULL, plan_title, a.plan_id,
       a.item_id IS NOT NULL, i.id IS NULL, th.ordinal, i.ordinal, a.item_id,
       a.kind = 'note' DESC, a.part = 'body', a.language = 'en',
       json_extract(a.selectors_json, '$.position.start'), a.created_at, a.id`,
  ).all({ planId, withTrash: withTrash ? 1 : 0 }) as PlacedRow[];
  return rows.map((r) => ({
    annotation: toAnnotation(r),
    place: {
      planTitle: r.plan_title,
      themeId: r.theme_id,
      themeHeadline: r.theme_headline,
      itemNumeral: r.item_numeral,
      itemHeadline: r.item_headline,
    },
  }));
}

export function exportAnnotations(
  db: Db,
  args: { format: AnnotationExportFormat; planId?: string; language?: UiLanguage },
  now = new Date(),
): AnnotationExport {
  const planId = args.planId ?? null;
  if (planId !== null && !prepared(db, 'SELECT 1 FROM plans WHERE id = ?').get(planId)) {
    throw new AppError('NOT_FOUND', `No plan with id ${planId}`);
  }
  // JSON and JSON-LD are backups: the trash goes with them. Markdown and CSV are for reading.
  const lossless = args.format === 'json' || args.format === 'jsonld';
  const input: ExportInput = readTransaction(db, () => ({
    entries: readEntries(db, planId, lossless),
    colorNames: colorNames(db),
    planId,
    language: args.language ?? 'en',
    exportedAt: now,
  }));
  const write = { md: writeMarkdown, csv: writeCsv, json: writeJson, jsonld: writeJsonLd }[args.format];
  const type = FILE_TYPES[args.format];
  return {
    fileName: `briefbook-annotations-${planId ?? 'all-plans'}-${localDate(now)}.${type.extension}`,
    mimeType: type.mimeType,
    text: write(input),
    count: input.entries.length,
  };
}

const INSERT = `INSERT INTO user_annotations (id, plan_id, item_id, kind, part, language, selectors_json, color, body,
    anchor_status, previous_quote, created_at, modified_at, revision, deleted_at)
  VALUES (@id, @planId, @itemId, @kind, @part, @language, @selectors, @color, @body, @anchor, @previousQuote,
    @createdAt, @modifiedAt, @revision, @deletedAt)`;
const UPDATE = `UPDATE user_annotations SET part = @part, language = @language, selectors_json = @selectors,
    color = @color, body = @body, anchor_status = @anchor, previous_quote = @previousQuote,
    modified_at = @modifiedAt, revision = @revision, deleted_at = @deletedAt
  WHERE id = @id`;

function columns(a: Annotation, revision: number) {
  return {
    id: a.id,
    planId: a.planId,
    itemId: a.itemId,
    kind: a.kind,
    part: a.target?.part ?? null,
    language: a.target?.language ?? null,
    selectors: a.target ? selectorsJson(a.target.selectors) : null,
    color: a.color,
    body: a.body,
    anchor: a.anchor?.status ?? null,
    previousQuote: a.anchor?.previousQuote ?? null,
    createdAt: a.createdAt,
    modifiedAt: a.modifiedAt,
    revision,
    deletedAt: a.deletedAt,
  };
}

function addHistory(db: Db, a: Pick<Annotation, 'id' | 'body' | 'color' | 'tags'>, revision: number, reason: AnnotationRevision['reason'], savedAt: string): void {
  // Called on every annotation the import wrote, after its row and tags: its search documents follow.
  indexAnnotation(db, a.id);
  prepared(
    db,
    `INSERT INTO user_annotation_revisions (annotation_id, revision, body, color, tags_json, saved_at, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, revision, a.body, a.color, JSON.stringify(a.tags), savedAt, reason);
}

/** Whether the history already holds this state of body, colour and tags. */
function inHistory(db: Db, a: Annotation): boolean {
  return (
    prepared(db, 'SELECT 1 FROM user_annotation_revisions WHERE annotation_id = ? AND body = ? AND color IS ? AND tags_json = ?').get(
      a.id,
      a.body,
      a.color,
      JSON.stringify(a.tags),
    ) !== undefined
  );
}

function onThisLibrary(db: Db, a: Annotation): boolean {
  return a.itemId === null
    ? prepared(db, 'SELECT 1 FROM plans WHERE id = ?').get(a.planId) !== undefined
    : prepared(db, 'SELECT 1 FROM initiatives WHERE id = ? AND plan_id = ?').get(a.itemId, a.planId) !== undefined;
}

/**
 * A highlight as it anchors in this library's text, by the rule re-anchoring follows ("never on
 * the wrong words", services/annotations/reanchor.ts): where the file's position still reads
 * its quote, exactly as in the file; found elsewhere, or relocated, with new selectors (a
 * relocated one keeping the quote it had); ambiguous or not found, the file's selectors with
 * that status. A file from a library with another version of the plan thus never puts a
 * highlight on other words. When this library has no such text (the item, or its English, is
 * not here), the file's anchoring is kept until the plan arrives.
 */
function placeHere(db: Db, a: Annotation): Annotation {
  if (!a.target) return a;
  const text = canonicalText(db, a.target.itemId, a.target.part, a.target.language);
  if (text === null) return a;
  const { selectors } = a.target;
  const found = anchorPassage(text, selectors);
  if (found.status === 'anchored' && found.start === selectors.position.start && found.end === selectors.position.end) return a;
  if (found.status === 'anchored' || found.status === 'relocated') {
    const previousQuote = found.status === 'relocated' ? (a.anchor?.previousQuote ?? selectors.quote.exact) : a.anchor?.previousQuote;
    return {
      ...a,
      target: { ...a.target, selectors: describePassage(text, found.start, found.end) },
      anchor: { status: found.status, ...(previousQuote !== undefined ? { previousQuote } : {}) },
    };
  }
  return { ...a, anchor: { status: found.status, ...(a.anchor?.previousQuote !== undefined ? { previousQuote: a.anchor.previousQuote } : {}) } };
}

export function importAnnotations(db: Db, fileName: string, text: string, now = new Date()): AnnotationImportReport {
  const file = readAnnotationFile(fileName, text);
  const at = now.toISOString();
  const where = (i: number) => (file.format === 'json' ? `annotations[${i}]` : `annotation ${i + 1}`);
  return writeTransaction(db, () => {
    const report: AnnotationImportReport = { added: 0, updated: 0, unchanged: 0, keptLocal: 0, notInLibrary: 0 };
    file.annotations.forEach((fromFile, i) => {
      const incoming = placeHere(db, fromFile);
      const local = readAnnotation(db, incoming.id);
      if (local && !sameIdentity(local, incoming)) {
        throw new AppError(
          'BAD_REQUEST',
          `${fileName}: ${where(i)} (${incoming.id}) is a ${incoming.kind} on ${incoming.itemId ?? `plan ${incoming.planId}`}, ` +
            `but here that id is a ${local.kind} on ${local.itemId ?? `plan ${local.planId}`}; an annotation never moves to another place. Nothing was imported.`,
        );
      }
      const decision = decideMerge(local, incoming);
      if (decision !== 'unchanged' && decision !== 'keptLocal' && !onThisLibrary(db, incoming)) report.notInLibrary++;
      switch (decision) {
        case 'add':
          prepared(db, INSERT).run(columns(incoming, incoming.revision));
          writeTags(db, incoming.id, incoming.tags);
          addHistory(db, incoming, incoming.revision, 'import', at);
          report.added++;
          break;
        case 'update': {
          // The file's state becomes the current one, at a revision above the local one (so an
          // edit still open on the old state gets its conflict) and at least the file's.
          const revision = Math.max(local!.revision + 1, incoming.revision);
          prepared(db, UPDATE).run(columns(incoming, revision));
          writeTags(db, incoming.id, incoming.tags);
          addHistory(db, incoming, revision, 'import', at);
          report.updated++;
          break;
        }
        case 'keptLocal':
          // The local state stays current; the file's goes into the history just below it
          // (once: importing the same file again finds it there).
          if (!inHistory(db, incoming)) {
            const revision = local!.revision + 2;
            addHistory(db, incoming, local!.revision + 1, 'import', at);
            addHistory(db, local!, revision, 'import', at);
            prepared(db, 'UPDATE user_annotations SET revision = ? WHERE id = ?').run(revision, local!.id);
          }
          report.keptLocal++;
          break;
        case 'unchanged':
          report.unchanged++;
          break;
      }
    });
    if (file.colorNames) {
      // Names the reader has not given here are taken from the file; their own are kept.
      const insert = prepared(db, 'INSERT INTO user_annotation_color_names (color, name, modified_at) VALUES (?, ?, ?) ON CONFLICT (color) DO NOTHING');
      for (const color of HIGHLIGHT_COLORS as readonly HighlightColor[]) {
        const name = file.colorNames[color]?.trim();
        if (name) insert.run(color, name, at);
      }
    }
    return report;
  });
}
