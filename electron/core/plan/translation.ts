// Translations of a plan (e.g. the shipped unofficial English rendering): checked against the
// stored plan before they are stored, because the reader sees them side by side with the
// original, aligned by the plan's stable ids. A translation naming an id the plan lacks, or
// lacking one the plan has, is refused with every such id named.
import type { PlanDocument } from '../../../shared/domain/plan';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { planTranslation as translationSchema } from '../../../shared/api/schemas';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { indexTranslation } from '../search/source-docs';

export class TranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationError';
  }
}

/** Where JSON.parse stopped, as " (line L, column C)" when its message gives a position (V8
 *  says "at position N"), so a translator can find the place in their editor. */
function jsonErrorLine(json: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  const at = m ? Number(m[1]) : /end of JSON input/.test(message) ? json.length : null;
  if (at === null) return '';
  const before = json.slice(0, at).split(/\r\n|\r|\n/);
  return ` (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
}

/** Parses a translation file's JSON; throws TranslationError saying what is malformed. */
export function parseTranslation(json: string, source = 'translation'): PlanTranslation {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new TranslationError(`${source} is not valid JSON${jsonErrorLine(json, (err as Error).message)}: ${(err as Error).message}`);
  }
  const parsed = translationSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TranslationError(`${source}: ${issue.path.join('.') || 'file'} ${issue.message}`);
  }
  return parsed.data;
}

function idProblems(kind: string, translated: string[], planIds: string[]): string[] {
  const known = new Set(planIds);
  const given = new Set(translated);
  const unknown = translated.filter((id) => !known.has(id));
  const missing = planIds.filter((id) => !given.has(id));
  return [
    ...(unknown.length ? [`unknown ${kind} ${unknown.join(', ')}`] : []),
    ...(missing.length ? [`missing ${kind} ${missing.join(', ')}`] : []),
  ];
}

/** Throws TranslationError unless the translation covers exactly the plan's ids (themes,
 *  initiatives, lists) and each list with as many items as the plan's. */
export function checkTranslation(translation: PlanTranslation, plan: PlanDocument): void {
  const where = `${translation.language} translation of ${plan.meta.id}`;
  if (translation.planId !== plan.meta.id) {
    throw new TranslationError(`${where}: it is for plan ${translation.planId}`);
  }
  const problems = [
    ...idProblems('theme', Object.keys(translation.themes), plan.themes.map((t) => t.id)),
    ...idProblems('initiative', Object.keys(translation.initiatives), plan.initiatives.map((i) => i.id)),
    ...idProblems('list', Object.keys(translation.lists), plan.lists.map((l) => l.id)),
  ];
  for (const list of plan.lists) {
    const items = translation.lists[list.id]?.items;
    if (items && items.length !== list.items.length) {
      problems.push(`list ${list.id} has ${items.length} items, the plan ${list.items.length}`);
    }
  }
  if (problems.length) throw new TranslationError(`${where} refused: ${problems.join('; ')}`);
}

/** Checks and stores (or replaces) a translation of a stored plan. */
export function importTranslation(db: Db, translation: PlanTranslation, plan: PlanDocument): void {
  checkTranslation(translation, plan);
  writeTransaction(db, () => {
    prepared(
      db,
      `INSERT INTO plan_translations (plan_id, language, json) VALUES (?, ?, ?)
       ON CONFLICT (plan_id, language) DO UPDATE SET json = excluded.json`,
    ).run(translation.planId, translation.language, JSON.stringify(translation));
    indexTranslation(db, translation.planId);
  });
}

export function hasTranslation(db: Db, planId: string, language: string): boolean {
  return prepared(db, 'SELECT 1 AS found FROM plan_translations WHERE plan_id = ? AND language = ?').get(planId, language) !== undefined;
}

export function readTranslation(db: Db, planId: string, language: string): PlanTranslation | null {
  const row = prepared(db, 'SELECT json FROM plan_translations WHERE plan_id = ? AND language = ?').get(planId, language) as
    | { json: string }
    | undefined;
  return row ? (JSON.parse(row.json) as PlanTranslation) : null;
}
