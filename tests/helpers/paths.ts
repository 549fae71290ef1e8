// Locations in the repository that tests read (shipped resources, test folders).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');
/** The embedded plan article as shipped (same text as the team's seed copy). */
export const EMBEDDED_PLAN_FILE = join(RESOURCES_DIR, 'plans', 'hangzhou-2024-05-11.txt');

/** Every file below `dir` (at any depth) whose name passes `keep`, as full paths. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));
}
