// Re-anchoring highlights on an edited version of an item's text: the real core and database;
// the "new version" is another item of the plan given the edited text, as a version import
// would write it, and reanchorAnnotations runs inside the same write transaction.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { writeTransaction } from '../../electron/core/db/transaction';
import { annotationHistory, createAnnotation, getAnnotation, trashAnnotation } from '../../electron/core/services/annotations/annotations';
import { reanchorAnnotations } from '../../electron/core/services/annotations/reanchor';
import type { Annotation } from '../../shared/api/annotations/methods';
import { describePassage } from '../../shared/domain/anchoring';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const OLD = 'hz-2024/T1/I1';
const NEW = 'hz-2024/T2/I1';
const NOW = '2024-07-01T00:00:00.000Z';
const bodyOf = (id: string) => core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(id) as string;
const setBody = (id: string, body: string) =>
  writeTransaction(core.db, () => core.db.prepare('UPDATE initiatives SET body = ? WHERE id = ?').run(body, id));

function highlightOn(itemId: string, quote: string, language: 'zh' | 'en' = 'zh', text = bodyOf(itemId)): Annotation {
  const at = Array.from(text).join('').indexOf(quote);
  if (at < 0 || text.indexOf(quote, at + 1) >= 0) throw new Error(`quote ${quote} must occur once`);
  const start = Array.from(text.slice(0, at)).length;
  return createAnnotation(core.db, {
    id: randomUUID(), kind: 'highlight', planId: 'hz-2024', itemId, color: 'yellow', body: '', tags: [],
    target: { itemId, part: 'body', language, selectors: describePassage(text, start, start + Array.from(quote).length) },
  });
}

/** Gives the new item `edited` as its body and moves OLD's annotations onto it. */
function importEdited(edited: string) {
  return writeTransaction(core.db, () => {
    core.db.prepare('UPDATE initiatives SET body = ? WHERE id = ?').run(edited, NEW);
    return reanchorAnnotations(core.db, [{ from: OLD, to: NEW }], NOW);
  });
}

const quoteAt = (a: Annotation, text: string) => {
  const { start, end } = a.target!.selectors.position;
  return Array.from(text).slice(start, end).join('');
};

describe('reanchorAnnotations on an edited text', () => {
  it('finds the quote again when text is inserted before it (anchored, new position)', () => {
    const h = highlightOn(OLD, '该出台的政策制度及时出台');
    const edited = '新增加的一句话。' + bodyOf(OLD);
    expect(importEdited(edited)).toEqual({ anchored: 1, relocated: 0, ambiguous: 0, orphaned: 0 });
    const a = getAnnotation(core.db, h.id);
    expect(a).toMatchObject({ itemId: NEW, planId: 'hz-2024', anchor: { status: 'anchored' }, revision: 2 });
    expect(a.target!.selectors.position.start).toBe(h.target!.selectors.position.start + 8);
    expect(quoteAt(a, edited)).toBe('该出台的政策制度及时出台');
    expect(a.anchor!.previousQuote).toBeUndefined();
  });

  it('relocates a passage edited inside, keeping the reader’s quote for comparison', () => {
    const h = highlightOn(OLD, '直面各种体制机制障碍和政策僵化问题');
    const edited = bodyOf(OLD).replace('体制机制障碍', '体制障碍');
    expect(importEdited(edited)).toMatchObject({ relocated: 1 });
    const a = getAnnotation(core.db, h.id);
    expect(a.anchor).toEqual({ status: 'relocated', previousQuote: '直面各种体制机制障碍和政策僵化问题' });
    expect(a.target!.selectors.quote.exact).toBe('直面各种体制障碍和政策僵化问题');
    expect(quoteAt(a, edited)).toBe('直面各种体制障碍和政策僵化问题');
  });

  it('orphans a highlight whose passage was deleted, keeping its old selectors', () => {
    const h = highlightOn(OLD, '猛药去疴、重典治乱');
    const edited = bodyOf(OLD).replace('以“猛药去疴、重典治乱”的决心和“刮骨疗毒、壮士断腕”的勇气,', '');
    expect(importEdited(edited)).toMatchObject({ orphaned: 1 });
    const a = getAnnotation(core.db, h.id);
    expect(a.anchor).toEqual({ status: 'orphaned' });
    expect(a.target!.selectors).toEqual(h.target!.selectors);
    expect(a.itemId).toBe(NEW);
  });

  it('calls a quote that now occurs twice with the same context ambiguous, not guessing', () => {
    const h = highlightOn(OLD, '直面各种体制机制障碍');
    const edited = '前言。' + bodyOf(OLD) + bodyOf(OLD);
    expect(importEdited(edited)).toMatchObject({ ambiguous: 1 });
    const a = getAnnotation(core.db, h.id);
    expect(a.anchor).toEqual({ status: 'ambiguous' });
    expect(a.target!.selectors).toEqual(h.target!.selectors);
  });

  it('keeps a passage whose commas only changed width anchored, on the new text, in both directions', () => {
    // The reading view shows both widths full-width: calling it relocated would show the reader an
    // "old quote" that looks the same as the new one.
    const half = highlightOn(OLD, '建章立制,该出台的政策');
    const edited = bodyOf(OLD).replaceAll(',', '，');
    expect(importEdited(edited)).toMatchObject({ anchored: 1, relocated: 0 });
    const moved = getAnnotation(core.db, half.id);
    expect(moved).toMatchObject({ anchor: { status: 'anchored' }, target: { selectors: { quote: { exact: '建章立制，该出台的政策' } } } });
    expect(moved.anchor!.previousQuote).toBeUndefined();

    setBody(OLD, bodyOf(OLD).replaceAll(',', '，'));
    const full = highlightOn(OLD, '资源利用、科技创新、大城市治理等方面出实招立新规，为');
    const back = edited.replaceAll('，', ',');
    expect(importEdited(back)).toMatchObject({ anchored: 1, relocated: 0 });
    expect(getAnnotation(core.db, full.id)).toMatchObject({
      anchor: { status: 'anchored' },
      target: { selectors: { quote: { exact: '资源利用、科技创新、大城市治理等方面出实招立新规,为' } } },
    });
  });

  it('still calls a comma change relocated when a word changed with it', () => {
    const h = highlightOn(OLD, '建章立制,该出台的政策');
    const edited = bodyOf(OLD).replace('建章立制,该出台的政策', '建章立制，该出台之政策');
    expect(importEdited(edited)).toMatchObject({ relocated: 1 });
    expect(getAnnotation(core.db, h.id)).toMatchObject({ anchor: { status: 'relocated', previousQuote: '建章立制,该出台的政策' } });
  });
});

describe('reanchorAnnotations moving annotations', () => {
  it('moves notes with their item, leaves the trash where it was, and records a reanchor in each history', () => {
    const n = createAnnotation(core.db, {
      id: randomUUID(), kind: 'note', planId: 'hz-2024', itemId: OLD, target: null, color: null, body: '笔记', tags: ['甲'],
    });
    const trashed = trashAnnotation(core.db, highlightOn(OLD, '科技创新').id, 1, true);
    const counts = importEdited(bodyOf(OLD));
    expect(counts).toEqual({ anchored: 0, relocated: 0, ambiguous: 0, orphaned: 0 });
    expect(getAnnotation(core.db, n.id)).toMatchObject({ itemId: NEW, revision: 2, body: '笔记', tags: ['甲'] });
    expect(annotationHistory(core.db, n.id).map((r) => [r.revision, r.reason, r.savedAt])).toEqual([
      [2, 'reanchor', NOW],
      [1, 'edit', n.createdAt],
    ]);
    expect(getAnnotation(core.db, trashed.id)).toEqual(trashed);
  });

  it('reads every move before making any (a → b and b → c)', () => {
    const onA = highlightOn('hz-2024/T1/I1', '建章立制');
    const onB = highlightOn('hz-2024/T1/I2', Array.from(bodyOf('hz-2024/T1/I2')).slice(0, 6).join(''));
    writeTransaction(core.db, () =>
      reanchorAnnotations(core.db, [{ from: 'hz-2024/T1/I1', to: 'hz-2024/T1/I2' }, { from: 'hz-2024/T1/I2', to: 'hz-2024/T1/I3' }], NOW),
    );
    expect(getAnnotation(core.db, onA.id)).toMatchObject({ itemId: 'hz-2024/T1/I2', revision: 2 });
    expect(getAnnotation(core.db, onB.id)).toMatchObject({ itemId: 'hz-2024/T1/I3', revision: 2 });
  });

  it('re-anchors English highlights in the translation, and orphans them when the new version has none', () => {
    const en = (core.db
      .prepare("SELECT json_extract(json, '$.initiatives.\"hz-2024/T1/I1\".body') FROM plan_translations WHERE plan_id = 'hz-2024'")
      .pluck()
      .get() as string);
    const text = (JSON.parse(en) as string[]).join(' ');
    const words = text.split(' ').slice(3, 7).join(' ');
    const h = highlightOn(OLD, words, 'en', text);
    const same = writeTransaction(core.db, () => reanchorAnnotations(core.db, [{ from: OLD, to: OLD }], NOW));
    expect(same).toMatchObject({ anchored: 1 });
    expect(getAnnotation(core.db, h.id)).toMatchObject({ anchor: { status: 'anchored' }, revision: 2 });
    const none = writeTransaction(core.db, () => {
      core.db.prepare("DELETE FROM plan_translations WHERE plan_id = 'hz-2024'").run();
      return reanchorAnnotations(core.db, [{ from: OLD, to: OLD }], NOW);
    });
    expect(none).toMatchObject({ orphaned: 1 });
    expect(getAnnotation(core.db, h.id)).toMatchObject({ anchor: { status: 'orphaned' }, target: { selectors: h.target!.selectors } });
  });

  it('runs only inside the caller’s write transaction', () => {
    highlightOn(OLD, '建章立制');
    expect(() => reanchorAnnotations(core.db, [{ from: OLD, to: NEW }], NOW)).toThrow(/writeTransaction/);
    expect(core.db.prepare('SELECT item_id FROM user_annotations').pluck().all()).toEqual([OLD]);
  });
});
