// Translations the reader attaches to a plan, in the format the embedded plan's shipped English
// comes in (resources/plans/*.en.json, PlanTranslation): keyed by the plan's own ids, each body
// one string per Chinese sentence (shared/text/sentences.ts), so the reading view can show the
// two side by side.
//
// translation.template writes that file with the Chinese in every slot: a translator replaces
// each text in place and fills in the translator's name. translation.attach checks a filled file
// against the plan and stores it; an entry still holding the Chinese is left out (a translator
// may deliver in parts), while anything that would misalign — an id the plan lacks, a body with
// another number of sentences, a list with another number of items — refuses the whole file
// with every such place named.
import type { TranslationAttachResult } from '../../../../shared/api/translations/methods';
import { AppError } from '../../../../shared/api/result';
import type { PlanDocument } from '../../../../shared/domain/plan';
import type { PlanTranslation } from '../../../../shared/domain/translation';
import { chineseSentences } from '../../../../shared/text/sentences';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { readPlanDocument } from '../../plan/store';
import { indexTranslation } from '../../search/source-docs';
import { parseTranslation, TranslationError } from '../../plan/translation';

/** Named places a refusal lists before it says "and N more". */
const MAX_NAMED = 10;

function planOrNotFound(db: Db, planId: string): PlanDocument {
  const plan = readPlanDocument(db, planId);
  if (!plan) throw new AppError('NOT_FOUND', `There is no plan ${planId}.`);
  return plan;
}

export function translationTemplate(db: Db, planId: string, language: string): { fileName: string; json: string } {
  const plan = planOrNotFound(db, planId);
  if (language === plan.meta.language) {
    throw new AppError('BAD_REQUEST', `The plan is written in ${language}; ask for a template in the language to translate into, such as en.`);
  }
  const template = {
    planId,
    language,
    unofficial: true,
    // Left empty on purpose: attaching a file refuses it until the translator is named.
    translator: '',
    meta: { title: plan.meta.title, lead: chineseSentences(plan.meta.lead) },
    themes: Object.fromEntries(plan.themes.map((t) => [t.id, t.headline])),
    initiatives: Object.fromEntries(
      plan.initiatives.map((i) => [i.id, { headline: i.headline, body: chineseSentences(i.body) }]),
    ),
    lists: Object.fromEntries(plan.lists.map((l) => [l.id, { label: l.label, items: l.items.map((x) => x.text) }])),
  };
  // A name every file system accepts: no folder separators, reserved or control characters.
  const safeName = [...plan.meta.title].map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 32 ? ' ' : c)).join('').trim().slice(0, 80) || planId;
  return { fileName: `${safeName}.${language}.json`, json: `${JSON.stringify(template, null, 2)}\n` };
}

function named(problems: string[]): string {
  const shown = problems.slice(0, MAX_NAMED).join('; ');
  return problems.length > MAX_NAMED ? `${shown}; and ${problems.length - MAX_NAMED} more` : shown;
}

const sameArray = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/** The translation as it will be stored: checked against the plan, untranslated entries left out. */
export function checkAttachedTranslation(t: PlanTranslation, plan: PlanDocument, fileName: string): { stored: PlanTranslation; matched: number } {
  const planId = plan.meta.id;
  if (t.planId !== planId) throw new AppError('BAD_REQUEST', `${fileName}: is a translation of plan ${t.planId}, not of ${planId}.`);
  if (t.language === plan.meta.language) {
    throw new AppError('BAD_REQUEST', `${fileName}: its language is ${t.language}, the plan's own; set "language" to the language of the translation, such as en.`);
  }
  const themes = new Map(plan.themes.map((x) => [x.id, x]));
  const items = new Map(plan.initiatives.map((x) => [x.id, x]));
  const lists = new Map(plan.lists.map((x) => [x.id, x]));
  const problems: string[] = [];
  for (const id of Object.keys(t.themes)) if (!themes.has(id)) problems.push(`unknown theme id ${id}`);
  for (const [id, entry] of Object.entries(t.initiatives)) {
    const item = items.get(id);
    if (!item) problems.push(`unknown item id ${id}`);
    else {
      const zh = chineseSentences(item.body).length;
      if (entry.body.length !== zh) problems.push(`item ${id} has ${entry.body.length} body sentences, the plan's text ${zh}`);
    }
  }
  for (const [id, entry] of Object.entries(t.lists)) {
    const list = lists.get(id);
    if (!list) problems.push(`unknown list id ${id}`);
    else if (entry.items.length !== list.items.length) problems.push(`list ${id} has ${entry.items.length} items, the plan's ${list.items.length}`);
  }
  const lead = chineseSentences(plan.meta.lead).length;
  if (t.meta.lead.length !== lead && t.meta.lead.length !== 0) problems.push(`meta.lead has ${t.meta.lead.length} sentences, the plan's lead ${lead}`);
  if (problems.length) throw new AppError('BAD_REQUEST', `${fileName}: does not fit plan ${planId}: ${named(problems)}.`);

  // Entries the translator has not touched still hold the Chinese: left out, not shown as English.
  const initiatives = Object.fromEntries(
    Object.entries(t.initiatives).filter(([id, e]) => {
      const item = items.get(id)!;
      return !(e.headline === item.headline && sameArray(e.body, chineseSentences(item.body)));
    }),
  );
  const stored: PlanTranslation = {
    ...t,
    themes: Object.fromEntries(Object.entries(t.themes).filter(([id, text]) => text !== themes.get(id)!.headline)),
    initiatives,
    lists: Object.fromEntries(
      Object.entries(t.lists).filter(([id, e]) => !sameArray(e.items, lists.get(id)!.items.map((x) => x.text))),
    ),
  };
  const matched = Object.keys(initiatives).length;
  if (matched === 0 && Object.keys(stored.themes).length === 0) {
    throw new AppError('BAD_REQUEST', `${fileName}: translates none of the plan's items or themes (every entry still holds the Chinese text).`);
  }
  return { stored, matched };
}

export function attachTranslation(db: Db, planId: string, fileName: string, text: string): TranslationAttachResult {
  let parsed: PlanTranslation;
  try {
    parsed = parseTranslation(text, fileName);
  } catch (err) {
    if (err instanceof TranslationError) throw new AppError('BAD_REQUEST', err.message);
    throw err;
  }
  // The check reads the plan inside the write: what is stored fits the plan as it is then.
  return writeTransaction(db, () => {
    const plan = planOrNotFound(db, planId);
    const { stored, matched } = checkAttachedTranslation(parsed, plan, fileName);
    prepared(
      db,
      `INSERT INTO plan_translations (plan_id, language, json) VALUES (?, ?, ?)
       ON CONFLICT (plan_id, language) DO UPDATE SET json = excluded.json`,
    ).run(planId, stored.language, JSON.stringify(stored));
    indexTranslation(db, planId);
    return { language: stored.language, matched, total: plan.initiatives.length };
  });
}
