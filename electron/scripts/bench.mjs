// `npm run bench -- [options]`: runs tests/bench/run.ts under tsx, passing the options through.
// --expose-gc lets the harness collect garbage between samples instead of inside them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--import=tsx', 'tests/bench/run.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
