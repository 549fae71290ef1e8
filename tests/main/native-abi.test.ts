// The check that decides whether a freshly built better_sqlite3.node is for Electron's ABI,
// and the sentence `npm run native:electron` ends with when it installs nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  failureSentence,
  judgeNativeBuild,
  looksLikeNetworkFailure,
  moduleVersionFromError,
  probeInNode,
} from '../../electron/scripts/native-abi.mjs';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs('briefbook-abi-');
const NODE_ABI = Number(process.versions.modules);
const NODE_BUILD = join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

// Node's message for a module of another ABI (src/node_binding.cc), line breaks included.
const ELECTRON_MODULE_IN_NODE =
  "The module '/tmp/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\n" +
  `NODE_MODULE_VERSION 150. This version of Node.js requires\nNODE_MODULE_VERSION ${NODE_ABI}. Please try re-compiling or re-installing\nthe module (for instance, using \`npm rebuild\` or \`npm install\`).`;

describe('reading the ABI from a load error', () => {
  it('takes the module’s version, not the running Node’s', () => {
    expect(moduleVersionFromError(ELECTRON_MODULE_IN_NODE)).toBe(150);
  });

  it('finds none in other errors', () => {
    expect(moduleVersionFromError('/x.node: invalid ELF header')).toBeNull();
    expect(moduleVersionFromError('')).toBeNull();
    expect(moduleVersionFromError(undefined)).toBeNull();
  });
});

describe('judging a build', () => {
  const expectedAbi = 150;

  it('accepts a module Node refuses for being built for Electron’s ABI', () => {
    expect(judgeNativeBuild({ loadedInNode: false, errorMessage: ELECTRON_MODULE_IN_NODE, expectedAbi, nodeAbi: NODE_ABI }))
      .toEqual({ accept: true });
  });

  it('refuses a module that loads in plain Node (built against Node’s headers)', () => {
    const verdict = judgeNativeBuild({ loadedInNode: true, expectedAbi, nodeAbi: NODE_ABI });
    expect(verdict.accept).toBe(false);
    expect(verdict.accept === false && verdict.reason).toContain(`Node's ABI ${NODE_ABI}`);
  });

  it('refuses a module built for another ABI', () => {
    const verdict = judgeNativeBuild({ loadedInNode: false, errorMessage: ELECTRON_MODULE_IN_NODE, expectedAbi: 151, nodeAbi: NODE_ABI });
    expect(verdict).toEqual({ accept: false, reason: "it was built for ABI 150, not Electron's ABI 151" });
  });

  it('refuses a module whose ABI cannot be read', () => {
    const verdict = judgeNativeBuild({ loadedInNode: false, errorMessage: 'invalid ELF header', expectedAbi, nodeAbi: NODE_ABI });
    expect(verdict.accept).toBe(false);
  });
});

describe('probing a real module in a plain Node child', () => {
  it('the Node build of better-sqlite3 loads, so it is refused as an Electron build', () => {
    const probe = probeInNode(NODE_BUILD);
    expect(probe).toEqual({ loadedInNode: true, errorMessage: '' });
    expect(judgeNativeBuild({ ...probe, expectedAbi: 150, nodeAbi: NODE_ABI }).accept).toBe(false);
  });

  it('a file that is not a module fails to load and is refused', () => {
    const fake = join(temp.make(), 'better_sqlite3.node');
    writeFileSync(fake, 'not an ELF file');
    const probe = probeInNode(fake);
    expect(probe.loadedInNode).toBe(false);
    expect(probe.errorMessage).not.toBe('');
    expect(judgeNativeBuild({ ...probe, expectedAbi: 150, nodeAbi: NODE_ABI }).accept).toBe(false);
  });
});

describe('the closing sentence', () => {
  const base = { electronMajor: '45', abi: 150, logFile: '.native/native-electron.log' };

  it('names no internet access when both downloads failed for that reason', () => {
    expect(looksLikeNetworkFailure('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe(true);
    expect(looksLikeNetworkFailure('gyp http fetch GET https://electronjs.org/headers/... attempt 1 failed with ENOTFOUND')).toBe(true);
    expect(looksLikeNetworkFailure('error: no matching function for call to foo')).toBe(false);
    expect(failureSentence({ ...base, offline: true })).toBe(
      "Could not build better-sqlite3 for Electron 45 (ABI 150): no internet access to download a prebuilt binary or Electron's headers (details in .native/native-electron.log).",
    );
  });

  it('says the builds failed otherwise, and names a refusal first', () => {
    expect(failureSentence({ ...base, offline: false })).toMatch(/^Could not build .* both the prebuilt download and the source build failed/);
    expect(failureSentence({ ...base, offline: true, refusal: 'it loads in plain Node' })).toMatch(/^Refused the build of better-sqlite3 for Electron 45 \(ABI 150\): it loads in plain Node;/);
  });
});
