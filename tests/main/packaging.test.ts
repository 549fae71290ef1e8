// The electron-builder config in package.json "build": valid for electron-builder's own schema,
// and shipping the files the packaged app looks for (the plan, and the Electron-ABI
// better-sqlite3 build where native-binding.ts expects it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own validator (app-builder-lib comes with electron-builder).
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { nativeBindingPath } from '../../electron/main/native-binding';
import { REPO_ROOT } from '../helpers/paths';

interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const build = pkg.build;

describe('electron-builder config', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(build, { add() {}, isEnabled: false } as never)).resolves.toBeUndefined();
    // The validator does reject a wrong config (so the line above can fail).
    await expect(validateConfiguration({ ...build, notAnOption: 1 }, { add() {}, isEnabled: false } as never)).rejects.toThrow(/notAnOption/);
  });

  it('names the app and targets every desktop platform', () => {
    expect(build).toMatchObject({
      appId: 'org.briefbook.app',
      productName: 'Briefbook',
      directories: { output: 'dist', buildResources: 'resources' },
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
    });
    expect(build.files).toEqual(['out/**', 'package.json']);
  });

  it('brings its own native build and never rebuilds or publishes', () => {
    expect(build.npmRebuild).toBe(false);
    expect(build.asarUnpack).toContain('**/*.node');
    expect(build.publish).toBeNull();
  });

  it('ships the embedded plan and the Electron-ABI module where the app looks for them', () => {
    const sets = build.extraResources as FileSet[];
    expect(sets).toContainEqual({ from: 'resources/plans', to: 'plans' });
    const native = sets.find((s) => s.from === '.native')!;
    expect(native.to).toBe('native');
    // .native/electron-150/better_sqlite3.node lands at <resources>/native/electron-150/better_sqlite3.node.
    const expected = nativeBindingPath({ isPackaged: true, appPath: '/a', resourcesPath: '/res', abi: '150' });
    expect(expected).toBe(join('/res', native.to, 'electron-150', 'better_sqlite3.node'));
    expect(native.filter).toEqual(['electron-*/better_sqlite3.node']);
  });

  it('flips Electron’s fuses so the packaged binary cannot be turned into a Node runtime or debugger', () => {
    // electron-builder writes these into the packaged Electron binary (@electron/fuses).
    expect(build.electronFuses).toEqual({
      // ELECTRON_RUN_AS_NODE would make the signed app run any script as plain Node.
      runAsNode: false,
      // NODE_OPTIONS (e.g. --require) would inject code into the main process.
      enableNodeOptionsEnvironmentVariable: false,
      // --inspect / SIGUSR1 would open a debugger on the main process.
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      // Only app.asar is loaded (no loose app/ folder beside it), and on macOS and Windows its
      // contents are checked against the hash embedded in the binary (ignored on Linux).
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      // The app is served from app://, so file:// pages need no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
    // The app is packed into an asar (the default): the two asar fuses need one.
    expect(build.asar).not.toBe(false);
  });
});
