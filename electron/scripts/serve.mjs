// `npm run serve`: builds the app if the build is missing or older than its sources, then runs
// browser mode's server (out/main/server.js) with the caller's arguments, e.g.
//   npm run serve -- --data-dir /tmp/x --port 0
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputs = [join(root, 'out', 'main', 'server.js'), join(root, 'out', 'renderer', 'index.html')];
const sources = ['electron', 'renderer', 'shared', 'electron.config.ts', 'package.json'].map((p) => join(root, p));

/** Newest modification time of a file or of any file below a folder. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function buildIsStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return sources.some((source) => newestMtime(source) > oldestOutput);
}

if (buildIsStale()) {
  process.stdout.write('Building Briefbook…\n');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  // Quiet when it works; the whole build log when it does not.
  const build = spawnSync(bin, ['build', '-c', 'electron.config.ts'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write(build.stdout ?? '');
    process.stderr.write(build.stderr ?? '');
    if (build.error) process.stderr.write(`${build.error.message}\n`);
    process.stderr.write('The build failed, so browser mode was not started.\n');
    process.exit(build.status ?? 1);
  }
}

const server = spawn(process.execPath, [outputs[0], ...process.argv.slice(2)], { stdio: 'inherit' });
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of forwarded) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  if (signal) {
    // Die the same way the server did, so callers see the signal.
    for (const s of forwarded) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
