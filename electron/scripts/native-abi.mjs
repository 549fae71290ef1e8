// Deciding whether a freshly built better_sqlite3.node really is for Electron. Plain Node
// loads a module only if it was built for Node's own ABI, and otherwise names the module's
// ABI in its error ("…compiled against a different Node.js version using NODE_MODULE_VERSION
// 150…"). So: loading in Node means the build is wrong; the number in the error must be
// Electron's. This catches the known trap of a "successful" rebuild against Node's headers.
import { spawnSync } from 'node:child_process';

/**
 * Tries to load a native module in a separate plain Node process (a crash or a successful
 * load must not affect the caller).
 * @returns {{ loadedInNode: boolean, errorMessage: string }}
 */
export function probeInNode(file, nodePath = process.execPath) {
  const probe = `try { process.dlopen({ exports: {} }, process.argv[1]); process.stdout.write('LOADED'); }
    catch (e) { process.stdout.write('ERROR ' + e.message); }`;
  const result = spawnSync(nodePath, ['-e', probe, file], { encoding: 'utf8', timeout: 60_000 });
  const out = result.stdout ?? '';
  if (out === 'LOADED') return { loadedInNode: true, errorMessage: '' };
  if (out.startsWith('ERROR ')) return { loadedInNode: false, errorMessage: out.slice('ERROR '.length) };
  return { loadedInNode: false, errorMessage: `the check exited with ${result.status ?? result.signal} ${result.stderr ?? ''}`.trim() };
}

/** The ABI a module was built for, from Node's load error, or null if the message names none. */
export function moduleVersionFromError(message) {
  const text = String(message ?? '');
  const match =
    /using\s+NODE_MODULE_VERSION\s+(\d+)/.exec(text) ?? /NODE_MODULE_VERSION\s+(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * @param {{ loadedInNode: boolean, errorMessage?: string, expectedAbi: number, nodeAbi: number }} probe
 * @returns {{ accept: true } | { accept: false, reason: string }}
 */
export function judgeNativeBuild({ loadedInNode, errorMessage, expectedAbi, nodeAbi }) {
  if (loadedInNode) {
    return { accept: false, reason: `it loads in plain Node, so it was built for Node's ABI ${nodeAbi}, not Electron's ABI ${expectedAbi}` };
  }
  const found = moduleVersionFromError(errorMessage);
  if (found === null) {
    const first = String(errorMessage ?? '').split('\n')[0]?.trim() || 'no error message';
    return { accept: false, reason: `its ABI could not be checked (${first})` };
  }
  if (found !== expectedAbi) {
    return { accept: false, reason: `it was built for ABI ${found}, not Electron's ABI ${expectedAbi}` };
  }
  return { accept: true };
}

const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|socket hang up|network connectivity/i;

export function looksLikeNetworkFailure(log) {
  return NETWORK_ERRORS.test(String(log ?? ''));
}

/**
 * The one sentence native-electron.mjs ends with when it installs nothing.
 * @param {{ electronMajor: string, abi: number, logFile: string, refusal?: string, offline: boolean }} outcome
 */
export function failureSentence({ electronMajor, abi, logFile, refusal, offline }) {
  const target = `better-sqlite3 for Electron ${electronMajor} (ABI ${abi})`;
  if (refusal) return `Refused the build of ${target}: ${refusal}; nothing was installed (details in ${logFile}).`;
  if (offline) {
    return `Could not build ${target}: no internet access to download a prebuilt binary or Electron's headers (details in ${logFile}).`;
  }
  return `Could not build ${target}: both the prebuilt download and the source build failed (details in ${logFile}).`;
}
