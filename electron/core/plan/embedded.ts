// The plan Briefbook ships with, and first-run seeding from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import { parseArticle } from './parse-article';
import { hasPlan, importPlan } from './store';

export const EMBEDDED_PLAN = {
  id: 'hz-2024',
  /** Relative to the resources folder. */
  file: join('plans', 'hangzhou-2024-05-11.txt'),
} as const;

/** Imports the embedded plan unless the database already has it. Returns true if it imported. */
export function seedEmbeddedPlan(db: Db, resourcesDir: string): boolean {
  if (hasPlan(db, EMBEDDED_PLAN.id)) return false;
  const text = readFileSync(join(resourcesDir, EMBEDDED_PLAN.file), 'utf8');
  importPlan(db, parseArticle(text, { planId: EMBEDDED_PLAN.id }), text);
  return true;
}
