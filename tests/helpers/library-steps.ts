// Random steps on a real library for the property tests of what triggers and indexes keep
// (tests/core/initiative-counts.test.ts, initiative-search-index.test.ts): saves of the reader's
// values, tags, state rows removed or moved by hand, imports, imports again of purged plans,
// version imports, trash, restore, purge, and transactions rolled back after some of them.
// Each test gives what a save writes; the rest is the same for both.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { importPlan } from '../../electron/core/plan/store';
import { importDocument } from '../../electron/core/import/pipeline';
import { importVersion } from '../../electron/core/services/versions/version-import';
import { libraryEntry, purgePlan, restorePlan, trashPlan } from '../../electron/core/services/library/library';
import { writeTransaction } from '../../electron/core/db/transaction';
import { articleText, benchPlanId, generatePlan } from '../bench/corpus';
import { updateLatest } from './core';

export const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

export type LibraryOp<S> =
  | ({ op: 'save' } & S)
  | { op: 'tags'; at: number; tags: number }
  | { op: 'dropState'; at: number }
  | { op: 'moveState'; at: number; to: number }
  | { op: 'import' }
  | { op: 'reimport'; at: number }
  | { op: 'version'; at: number }
  | { op: 'trash' | 'restore' | 'purge'; at: number }
  | { op: 'rollback'; saves: S[] };

export function librarySteps<S extends object>(options: {
  db: () => Db;
  /** generatePlan's seed and shape. */
  seed: number;
  shape: Parameters<typeof generatePlan>[2];
  save: fc.Arbitrary<S>;
  /** One save; in a transaction of its own, or of a rollback step. */
  saveOne: (s: S) => void;
  tags: readonly string[];
}) {
  const { db, seed, shape, save, saveOne, tags } = options;
  let nextPlan = 0;
  /** Each plan's text as imported, for a new version of it. */
  const texts = new Map<string, string>();
  /** Generated plans purged (by index), and counts of what the steps did. */
  const purged = new Set<number>();
  const done = { reimported: 0, revisions: 0 };
  const ids = (sql: string) => db().prepare(sql).pluck().all() as string[];

  function importNext(): void {
    const index = nextPlan++;
    const doc = generatePlan(seed, index, shape);
    const text = articleText(doc);
    importPlan(db(), doc, text);
    texts.set(benchPlanId(index), text);
  }

  const opArb: fc.Arbitrary<LibraryOp<S>> = fc.oneof(
    { weight: 6, arbitrary: save.map((s) => ({ op: 'save' as const, ...s })) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('tags' as const), at: fc.nat(), tags: fc.nat({ max: tags.length }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('dropState' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('moveState' as const), at: fc.nat(), to: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ op: 'import' as const }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reimport' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('version' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('rollback' as const), saves: fc.array(save, { minLength: 1, maxLength: 4 }) }) },
  );

  async function apply(o: LibraryOp<S>): Promise<void> {
    const plans = ids('SELECT id FROM plans ORDER BY id');
    switch (o.op) {
      case 'save':
        return writeTransaction(db(), () => saveOne(o));
      case 'tags': {
        const id = pick(ids('SELECT id FROM initiatives ORDER BY id'), o.at);
        if (id) updateLatest(db(), id, { tags: tags.slice(0, o.tags) });
        return;
      }
      case 'dropState': {
        // Written by hand, not through the services: the triggers see it, nothing else does.
        const id = pick(ids('SELECT initiative_id FROM user_initiative_state ORDER BY 1'), o.at);
        if (id) writeTransaction(db(), () => db().prepare('DELETE FROM user_initiative_state WHERE initiative_id = ?').run(id));
        return;
      }
      case 'moveState': {
        // A state row given to another item that has none (its key changed in place).
        const from = pick(ids('SELECT initiative_id FROM user_initiative_state ORDER BY 1'), o.at);
        const to = pick(ids('SELECT id FROM initiatives WHERE id NOT IN (SELECT initiative_id FROM user_initiative_state) ORDER BY 1'), o.to);
        if (from && to) writeTransaction(db(), () => db().prepare('UPDATE user_initiative_state SET initiative_id = ? WHERE initiative_id = ?').run(to, from));
        return;
      }
      case 'import':
        return importNext();
      case 'reimport': {
        // A purged plan imported again: its items come back to the values the reader left on them.
        const index = pick([...purged], o.at);
        if (index === undefined) return;
        const doc = generatePlan(seed, index, shape);
        importPlan(db(), doc, articleText(doc));
        purged.delete(index);
        done.reimported++;
        return;
      }
      case 'version': {
        // Of a plan a version may be imported of (not in the trash, its lineage's newest): the
        // others are refused before anything is written.
        const live = ids(`SELECT p.id FROM plans p LEFT JOIN user_plan_state u ON u.plan_id = p.id LEFT JOIN plan_versions v ON v.plan_id = p.id
          WHERE u.trashed_at IS NULL AND NOT EXISTS (SELECT 1 FROM plan_versions w WHERE w.lineage_id = v.lineage_id AND w.version > v.version)
          ORDER BY p.id`);
        const planId = pick(live, o.at);
        const text = planId && texts.get(planId);
        if (!planId || text === undefined) return;
        // The plan's own text with a line added: the items match, and their values move to the
        // new version's items.
        const next = `${text}\n附：第${++done.revisions}次修订。`;
        const doc = await importDocument(new Uint8Array(Buffer.from(next)), `${planId}-v${o.at}.txt`);
        try {
          const { planId: newPlan } = importVersion(db(), doc, planId);
          texts.set(newPlan, next);
        } catch (e) {
          // Refused (the same text as a version already imported): nothing written, which the
          // check after the step holds too.
          if ((e as { code?: string }).code !== 'BAD_REQUEST') throw e;
        }
        return;
      }
      case 'trash':
      case 'restore':
      case 'purge': {
        const planId = pick(plans, o.at);
        const entry = planId && libraryEntry(db(), planId);
        if (!planId || !entry) return;
        if (o.op === 'restore') {
          if (entry.trashedAt) restorePlan(db(), planId, entry.revision);
          return;
        }
        const trashed = entry.trashedAt ? entry : trashPlan(db(), planId, entry.revision, true);
        if (o.op === 'purge') {
          purgePlan(db(), planId, trashed.revision);
          if (planId.startsWith('bench-')) purged.add(Number(planId.slice('bench-'.length)));
        }
        return;
      }
      case 'rollback':
        expect(() =>
          writeTransaction(db(), () => {
            for (const s of o.saves) saveOne(s);
            if (o.saves.length % 2) importNext();
            throw new Error('rolled back');
          }),
        ).toThrow('rolled back');
        // The plan rolled back is the next one imported.
        if (o.saves.length % 2) nextPlan--;
        return;
    }
  }

  return { opArb, apply, importNext, ids, texts, purged, done };
}
