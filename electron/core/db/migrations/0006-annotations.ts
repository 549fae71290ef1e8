// The reader's annotations: highlights anchored to a passage of an item, and Markdown notes on a
// highlight, an item or a whole plan, with tags, a revision history and a trash.
//
// User data (no foreign key into plan content, the rule of 0001/0002: deleting or re-importing
// a plan never cascades into the reader's work; an annotation whose item is gone stays, listed
// by its plan id):
//   user_annotations — rebuilt from schema 3's table (keyed by initiative only, one loose
//     selector): plan_id (every annotation belongs to a plan), item_id (NULL: a note on the
//     plan), and for highlights only part, language, selectors_json (W3C TextQuoteSelector +
//     TextPositionSelector, code points), color and anchor_status; previous_quote is the quote
//     a relocated highlight had. deleted_at set = in the trash. CHECKs keep the two kinds apart.
//   user_annotation_tags — an annotation's tags; rowid order is the order the reader gave them.
//   user_annotation_revisions — every saved state (body, colour, tags) with why it was saved;
//     the newest row is the current state. Its revision is the annotation's revision then
//     (body edits in quick succession share one row: see coalesce_until).
//   user_annotation_color_names — the names the reader gave the highlight colours.
//
// Rows of schema 5 are kept, every one:
//   - plan_id from the item's plan, or (item gone) the id's first part, `hz-2024/T3/I3` → hz-2024;
//   - ids that are not UUIDs (nothing could refer to them: no service wrote annotations before
//     this schema) get a UUID derived from the old id, so the API (UUIDs only) can reach them;
//   - a note keeps its body; a highlight whose old selector gives a quote (`exact`) becomes a zh
//     highlight: anchored where that quote occurs exactly once in the item's body or headline,
//     else orphaned with the quote (the reader sees it listed and can delete or keep it); a
//     highlight with no readable quote becomes a note on its item, its body kept, so nothing is
//     lost and nothing is shown on words it may not have been on;
//   - each gets one history row: its state as stored, at its modified_at.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Characters of context kept each side of a quote (the anchoring code's CONTEXT_LENGTH then). */
const CONTEXT = 32;

interface OldRow {
  id: string;
  initiative_id: string;
  kind: string;
  selector_json: string | null;
  body: string | null;
  created_at: string;
  modified_at: string;
  anchor_status: string;
  revision: number;
}

/** A UUID (version 8, RFC 9562) from the old id: the same old id always gives the same one. */
function uuidFor(oldId: string): string {
  const h = createHash('sha256').update(`briefbook-annotation:${oldId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function readQuote(json: string | null): { exact: string; prefix: string; suffix: string } | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const candidates = Array.isArray(value) ? value : [value, (value as { quote?: unknown } | null)?.quote];
  for (const c of candidates) {
    if (typeof c !== 'object' || c === null) continue;
    const { exact, prefix, suffix } = c as Record<string, unknown>;
    if (typeof exact === 'string' && exact.length > 0) {
      return { exact, prefix: typeof prefix === 'string' ? prefix : '', suffix: typeof suffix === 'string' ? suffix : '' };
    }
  }
  return null;
}

/** Selectors for the quote where it occurs exactly once in one part of the item, else null. */
function findOnce(parts: { part: string; text: string | null }[], exact: string): { part: string; selectors: object } | null {
  const found: { part: string; chars: string[]; start: number }[] = [];
  const quote = Array.from(exact);
  for (const { part, text } of parts) {
    if (!text) continue;
    const chars = Array.from(text);
    for (let at = 0; at + quote.length <= chars.length; at++) {
      if (quote.every((c, i) => chars[at + i] === c)) found.push({ part, chars, start: at });
    }
  }
  if (found.length !== 1) return null;
  const { part, chars, start } = found[0]!;
  const end = start + quote.length;
  return {
    part,
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: chars.slice(Math.max(0, start - CONTEXT), start).join(''),
        suffix: chars.slice(end, end + CONTEXT).join(''),
      },
      position: { type: 'TextPositionSelector', start, end },
    },
  };
}

function carryOver(db: Database.Database, rows: OldRow[]): void {
  const item = db.prepare('SELECT plan_id AS planId, headline, body FROM initiatives WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, part, language, selectors_json, color, body, anchor_status,
       previous_quote, created_at, modified_at, revision, deleted_at)
     VALUES (@id, @planId, @itemId, @kind, @part, @language, @selectors, @color, @body, @anchor, NULL, @createdAt, @modifiedAt, @revision, NULL)`,
  );
  const history = db.prepare(
    `INSERT INTO user_annotation_revisions (annotation_id, revision, body, color, tags_json, saved_at, reason)
     VALUES (?, ?, ?, ?, '[]', ?, 'edit')`,
  );
  for (const r of rows) {
    const found = item.get(r.initiative_id) as { planId: string; headline: string | null; body: string | null } | undefined;
    const planId = found?.planId ?? r.initiative_id.split('/')[0]!;
    const base = {
      id: UUID.test(r.id) ? r.id.toLowerCase() : uuidFor(r.id),
      planId,
      itemId: r.initiative_id,
      body: r.body ?? '',
      createdAt: r.created_at,
      modifiedAt: r.modified_at,
      revision: r.revision,
    };
    const quote = r.kind === 'highlight' ? readQuote(r.selector_json) : null;
    let row;
    if (quote) {
      const once = found ? findOnce([{ part: 'body', text: found.body }, { part: 'headline', text: found.headline }], quote.exact) : null;
      const n = Array.from(quote.exact).length;
      row = {
        ...base,
        kind: 'highlight',
        part: once?.part ?? 'body',
        language: 'zh',
        selectors: JSON.stringify(
          once?.selectors ?? {
            quote: { type: 'TextQuoteSelector', ...quote },
            position: { type: 'TextPositionSelector', start: 0, end: n },
          },
        ),
        color: 'yellow',
        anchor: once ? 'anchored' : 'orphaned',
      };
    } else {
      row = { ...base, kind: 'note', part: null, language: null, selectors: null, color: null, anchor: null };
    }
    insert.run(row);
    history.run(row.id, row.revision, row.body, row.color, row.modifiedAt);
  }
}

export const annotations: Migration = {
  version: 6,
  name: 'annotations',
  up(db) {
    const rows = db.prepare('SELECT * FROM user_annotations ORDER BY created_at, id').all() as OldRow[];
    db.exec(`
      DROP TABLE user_annotations;

      CREATE TABLE user_annotations (
        id             TEXT PRIMARY KEY,
        plan_id        TEXT NOT NULL,
        item_id        TEXT,
        kind           TEXT NOT NULL CHECK (kind IN ('highlight', 'note')),
        part           TEXT CHECK (part IN ('headline', 'body')),
        language       TEXT CHECK (language IN ('zh', 'en')),
        selectors_json TEXT CHECK (selectors_json IS NULL OR json_valid(selectors_json)),
        color          TEXT CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
        body           TEXT NOT NULL DEFAULT '',
        anchor_status  TEXT CHECK (anchor_status IN ('anchored', 'relocated', 'ambiguous', 'orphaned')),
        previous_quote TEXT,
        created_at     TEXT NOT NULL,
        modified_at    TEXT NOT NULL,
        revision       INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        deleted_at     TEXT,
        -- A highlight is a passage of one part of one item, in one language, in one colour; a
        -- note (on a plan, or on an item) has none of that.
        CHECK (
          (kind = 'highlight' AND item_id IS NOT NULL AND part IS NOT NULL AND language IS NOT NULL
             AND selectors_json IS NOT NULL AND color IS NOT NULL AND anchor_status IS NOT NULL)
          OR
          (kind = 'note' AND part IS NULL AND language IS NULL AND selectors_json IS NULL AND color IS NULL
             AND anchor_status IS NULL AND previous_quote IS NULL)
        )
      ) STRICT;
      -- The table's Highlights/Notes counts and an item's panel (live rows).
      CREATE INDEX user_annotations_by_item ON user_annotations (item_id, kind) WHERE deleted_at IS NULL;
      -- The library-wide list: per plan, and newest first.
      CREATE INDEX user_annotations_by_plan ON user_annotations (plan_id, kind) WHERE deleted_at IS NULL;
      CREATE INDEX user_annotations_by_modified ON user_annotations (modified_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX user_annotations_by_created ON user_annotations (created_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX user_annotations_trash ON user_annotations (deleted_at, id) WHERE deleted_at IS NOT NULL;

      -- A rowid table: rowid order is the order the reader gave the tags.
      CREATE TABLE user_annotation_tags (
        annotation_id TEXT NOT NULL,
        tag           TEXT NOT NULL,
        PRIMARY KEY (annotation_id, tag)
      ) STRICT;
      CREATE INDEX user_annotation_tags_by_tag ON user_annotation_tags (tag, annotation_id);

      CREATE TABLE user_annotation_revisions (
        annotation_id TEXT NOT NULL,
        revision      INTEGER NOT NULL CHECK (revision >= 1),
        body          TEXT NOT NULL,
        color         TEXT,
        tags_json     TEXT NOT NULL DEFAULT '[]',
        saved_at      TEXT NOT NULL,
        reason        TEXT NOT NULL
          CHECK (reason IN ('edit', 'restore', 'import', 'reanchor', 'tag-rename', 'trash', 'untrash')),
        -- Set on a state saved by an edit of the body alone: until then the next body-only
        -- edit replaces this row instead of adding one (typing autosaves every few seconds;
        -- the history keeps one state per two minutes of typing, not one per keystroke pause).
        coalesce_until TEXT,
        PRIMARY KEY (annotation_id, revision)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE user_annotation_color_names (
        color    TEXT PRIMARY KEY CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
        name     TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        modified_at TEXT NOT NULL
      ) STRICT;
    `);
    carryOver(db, rows);
  },
};
