// `npm start`: the desktop app when Electron is installed, browser mode when it is not. It
// never requires 'electron' (that would start a download from plain Node) and never prints a
// stack trace: each way it can fail ends in one plain sentence.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateElectronBinary } from './electron-binary.mjs';
import { SENTENCES, chooseLaunch, shouldTryDownload, withoutStackLines } from './launch-plan.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const serveScript = join(root, 'electron', 'scripts', 'serve.mjs');
const args = process.argv.slice(2);

function findElectron() {
  return locateElectronBinary({ electronDir });
}

/** One attempt to fetch the binary, quietly and with a time limit (install.js prints a stack when offline). */
function tryDownloadElectron() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer) || !shouldTryDownload(process.env)) return;
  spawnSync(process.execPath, [installer], { cwd: electronDir, encoding: 'utf8', timeout: 120_000 });
}

function electronAbi() {
  try {
    return readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  } catch {
    return null;
  }
}

function nativeBuildPath(abi) {
  return join(root, '.native', `electron-${abi}`, 'better_sqlite3.node');
}

/** Builds the Electron-ABI database module if it is missing; true if it exists afterwards. */
function ensureNativeBuild() {
  const abi = electronAbi();
  if (!abi) return false;
  if (existsSync(nativeBuildPath(abi))) return true;
  process.stdout.write('Building the database module for Electron (first start only)…\n');
  spawnSync(process.execPath, [join(root, 'electron', 'scripts', 'native-electron.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
  return existsSync(nativeBuildPath(abi));
}

function buildApp() {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build', '-c', 'electron.config.ts'], { cwd: root, encoding: 'utf8' });
  if (build.status === 0) return true;
  process.stderr.write(withoutStackLines(`${build.stdout ?? ''}${build.stderr ?? ''}`));
  return false;
}

/** Runs a child with our terminal, passes signals on, and exits the way it exits. */
function runAndExit(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of forwarded) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    process.stderr.write(`Briefbook could not be started: ${err.message}.\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of forwarded) process.removeAllListeners(s);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

function startBrowserMode(sentence) {
  process.stdout.write(`${sentence}\n`);
  runAndExit(process.execPath, [serveScript, ...args]);
}

let electron = findElectron();
if (!electron.present) {
  tryDownloadElectron();
  electron = findElectron();
}
const nativePresent = electron.present && ensureNativeBuild();
const plan = chooseLaunch({ electronPresent: electron.present, nativePresent, serveScriptPresent: existsSync(serveScript) });

if (plan.mode === 'none') {
  process.stderr.write(`${plan.sentence}\n`);
  process.exit(1);
} else if (plan.mode === 'browser') {
  startBrowserMode(plan.sentence);
} else if (!buildApp()) {
  process.stderr.write(`${SENTENCES.buildFailed}\n`);
  process.exit(1);
} else {
  // ELECTRON_RUN_AS_NODE (set by some tools) would turn the app into a plain Node process.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runAndExit(electron.path, [root, ...args], env);
}
