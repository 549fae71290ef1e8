// Re-anchoring when a new version of a plan arrives: the version import matches each old item
// to its item in the new version and hands the pairs here, inside its own write transaction
// (the annotations move with the text in the same commit, or not at all).
//
// Each live annotation of an old item moves to the new item (and its plan). A highlight is
// looked for in the new item's canonical text of its part and language (canonical.ts) with
// anchorPassage, whose rule is "never on the wrong words":
//   anchored  — the quote is there (maybe elsewhere): new selectors;
//   relocated — an edited passage alike enough: new selectors, the reader's original quote kept
//               in previous_quote for comparison;
//   ambiguous — the quote is there several times and its context cannot tell which: the old
//               selectors are kept, nothing is guessed;
//   orphaned  — not found (or the new version has no such text, e.g. no translation): the old
//               selectors are kept so the panel can list the quote.
// Every moved annotation gets a new revision and a 'reanchor' history entry; its modifiedAt
// stays the reader's last change.
import type Database from 'better-sqlite3';
import type { AnnotatedLanguage, AnnotatedPart } from '../../../../shared/api/annotations/methods';
import { anchorPassage, describePassage, utf16Offset, type AnchorStatus, type TextSelectors } from '../../../../shared/domain/anchoring';
import { foldPunctuationWidth } from '../../../../shared/text/cjk-punctuation';
import { prepared } from '../../db/statements';
import { inWriteTransaction } from '../../db/transaction';
import { canonicalText } from './canonical';
import { recordState, selectorsJson } from './store';

export interface ReanchorCounts {
  anchored: number;
  relocated: number;
  ambiguous: number;
  orphaned: number;
}

interface Moving {
  id: string;
  kind: 'highlight' | 'note';
  part: AnnotatedPart | null;
  language: AnnotatedLanguage | null;
  selectors_json: string | null;
  previous_quote: string | null;
}

/** Moves the live annotations of each `from` item to its `to` item and re-anchors the highlights. */
export function reanchorAnnotations(
  db: Database.Database,
  moves: ReadonlyArray<{ from: string; to: string }>,
  now: string,
): ReanchorCounts {
  if (!inWriteTransaction(db)) throw new Error('reanchorAnnotations must run inside the caller’s writeTransaction');
  const counts: ReanchorCounts = { anchored: 0, relocated: 0, ambiguous: 0, orphaned: 0 };
  const at = new Date(now);
  // Every move's annotations are read before any is moved: with a → b and b → c, what was on a
  // goes to b and what was on b goes to c (not on to c as well).
  const batches = moves.map(({ from, to }) => ({
    to,
    annotations: prepared(
      db,
      `SELECT id, kind, part, language, selectors_json, previous_quote FROM user_annotations
       WHERE item_id = ? AND deleted_at IS NULL ORDER BY id`,
    ).all(from) as Moving[],
  }));
  for (const { to, annotations } of batches) {
    if (annotations.length === 0) continue;
    const plan = prepared(db, 'SELECT plan_id AS planId FROM initiatives WHERE id = ?').get(to) as { planId: string } | undefined;
    if (!plan) throw new Error(`reanchorAnnotations: no item ${to} to move annotations to`);
    const texts = new Map<string, string | null>();
    const textOf = (part: AnnotatedPart, language: AnnotatedLanguage) => {
      const key = `${part}:${language}`;
      if (!texts.has(key)) texts.set(key, canonicalText(db, to, part, language));
      return texts.get(key)!;
    };
    for (const a of annotations) {
      prepared(db, 'UPDATE user_annotations SET item_id = ?, plan_id = ?, revision = revision + 1 WHERE id = ?').run(to, plan.planId, a.id);
      if (a.kind === 'highlight') {
        const selectors = JSON.parse(a.selectors_json!) as TextSelectors;
        const text = textOf(a.part!, a.language!);
        const found = text === null ? ({ status: 'orphaned' } as const) : anchorPassage(text, selectors);
        // A passage whose only change is the width of its punctuation (，↔ ,) reads the same in the
        // reading view, which shows both full-width: it is the reader's passage, not a relocated one.
        const status: AnchorStatus =
          found.status === 'relocated' && samePunctuationFolded(text!, found, selectors.quote.exact) ? 'anchored' : found.status;
        counts[status]++;
        if (found.status === 'anchored' || found.status === 'relocated') {
          const next = describePassage(text!, found.start, found.end);
          const previous = status === 'relocated' ? (a.previous_quote ?? selectors.quote.exact) : a.previous_quote;
          prepared(db, 'UPDATE user_annotations SET selectors_json = ?, anchor_status = ?, previous_quote = ? WHERE id = ?').run(
            selectorsJson(next),
            status,
            previous,
            a.id,
          );
        } else {
          prepared(db, 'UPDATE user_annotations SET anchor_status = ? WHERE id = ?').run(status, a.id);
        }
      }
      recordState(db, a.id, 'reanchor', at);
    }
  }
  return counts;
}

/** True when the found passage and the old quote differ only in punctuation width. */
function samePunctuationFolded(text: string, found: { start: number; end: number }, oldQuote: string): boolean {
  const now = text.slice(utf16Offset(text, found.start), utf16Offset(text, found.end));
  return foldPunctuationWidth(now) === foldPunctuationWidth(oldQuote);
}
