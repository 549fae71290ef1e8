// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into
// .native/electron-<abi>/better_sqlite3.node, leaving node_modules/better-sqlite3/build (the
// Node build that tests and browser mode load) untouched. It works on a copy of the package
// in a temp folder: first a prebuilt download, then a source build against Electron's
// headers. Whatever it produces is checked (native-abi.mjs) before it is installed. Not run
// by CI or any install hook: it needs the internet. Details go to .native/native-electron.log;
// the terminal gets one sentence.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failureSentence, judgeNativeBuild, looksLikeNetworkFailure, probeInNode } from './native-abi.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const packageDir = join(root, 'node_modules', 'better-sqlite3');
const nativeDir = join(root, '.native');
const logFile = join(nativeDir, 'native-electron.log');
const shownLog = relative(root, logFile);

function fail(sentence) {
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

let electronVersion;
let abi;
try {
  electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  abi = Number(readFileSync(join(electronDir, 'abi_version'), 'utf8').trim());
} catch {
  fail('Could not build better-sqlite3 for Electron: the electron package is not installed (run npm install).');
}
if (!existsSync(join(packageDir, 'package.json'))) {
  fail('Could not build better-sqlite3 for Electron: the better-sqlite3 package is not installed (run npm install).');
}
const electronMajor = electronVersion.split('.')[0];
const arch = process.arch;
const target = join(nativeDir, `electron-${abi}`, 'better_sqlite3.node');

mkdirSync(nativeDir, { recursive: true });
writeFileSync(logFile, `native-electron: Electron ${electronVersion} (ABI ${abi}), ${process.platform}-${arch}, ${new Date().toISOString()}\n`);
const log = (text) => appendFileSync(logFile, `${text}\n`);

// npm exports its config to scripts as npm_config_*; a nodedir, target or runtime from there
// would make node-gyp build against Node's headers and report success (see DESIGN.md).
const STEERING = new Set(['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl',
  'npm_config_dist_url', 'npm_config_arch', 'npm_config_target_arch', 'npm_config_build_from_source']);
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !STEERING.has(key.toLowerCase())));

function run(label, args, cwd, timeout) {
  log(`\n== ${label}: ${[process.execPath, ...args].join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  log(output);
  log(`== ${label}: exit ${result.status ?? result.signal}`);
  return output;
}

/** Loads the module in a plain Node child and judges the outcome. */
function verify(file) {
  const probe = probeInNode(file);
  log(`\n== ABI check of ${file}: ${probe.loadedInNode ? 'loaded in plain Node' : probe.errorMessage}`);
  return judgeNativeBuild({ ...probe, expectedAbi: abi, nodeAbi: Number(process.versions.modules) });
}

function install(file) {
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  copyFileSync(file, partial);
  renameSync(partial, target);
}

const work = mkdtempSync(join(tmpdir(), 'briefbook-native-'));
const copy = join(work, 'better-sqlite3');
const buildDir = join(packageDir, 'build');
cpSync(packageDir, copy, {
  recursive: true,
  filter: (src) => src !== buildDir && !src.startsWith(buildDir + sep),
});
const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
const requireFromPackage = createRequire(join(packageDir, 'package.json'));
const requireFromRoot = createRequire(join(root, 'package.json'));

const attempts = [
  {
    label: 'prebuild-install',
    bin: () => requireFromPackage.resolve('prebuild-install/bin.js'),
    args: ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
    timeout: 5 * 60_000,
  },
  {
    label: 'node-gyp',
    bin: () => requireFromRoot.resolve('node-gyp/bin/node-gyp.js'),
    args: ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers', '--jobs=max'],
    timeout: 30 * 60_000,
  },
];

let sentence = null;
let refusal;
let offline = true;
try {
  for (const attempt of attempts) {
    let bin;
    try {
      bin = attempt.bin();
    } catch {
      log(`\n== ${attempt.label}: not installed`);
      offline = false;
      continue;
    }
    rmSync(join(copy, 'build'), { recursive: true, force: true });
    const output = run(attempt.label, [bin, ...attempt.args], copy, attempt.timeout);
    if (!existsSync(built)) {
      if (!looksLikeNetworkFailure(output)) offline = false;
      continue;
    }
    const verdict = verify(built);
    if (verdict.accept) {
      install(built);
      sentence = `Built better-sqlite3 for Electron ${electronMajor} (ABI ${abi}) into ${relative(root, target)}.`;
      break;
    }
    refusal = verdict.reason;
    rmSync(built, { force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (sentence) {
  process.stdout.write(`${sentence}\n`);
} else {
  fail(failureSentence({ electronMajor, abi, logFile: shownLog, refusal, offline }));
}
