// `npm run import -- FILE... --dry-run --json`: runs the import command line
// (electron/server/import-cli.ts) under tsx with the caller's arguments; each file is parsed in
// a worker thread with time and memory limits, and nothing is written.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// npm runs scripts in the project root; file names are relative to where the user typed them.
const result = spawnSync(process.execPath, ['--import=tsx', join(root, 'electron', 'server', 'import-cli.ts'), ...process.argv.slice(2)], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: 'inherit',
});
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
