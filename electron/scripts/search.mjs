// `npm run search -- rebuild ...`: runs the search command line
// (electron/server/search-cli.ts) under tsx with the caller's arguments.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// tsx resolved from here, not from the caller's folder (which may be anywhere).
const tsx = import.meta.resolve('tsx');
// npm runs scripts in the project root; file names are relative to where the user typed them.
const result = spawnSync(process.execPath, [`--import=${tsx}`, join(root, 'electron', 'server', 'search-cli.ts'), ...process.argv.slice(2)], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: 'inherit',
});
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
