// `npm start`'s decisions: is the Electron binary there (found without requiring 'electron'),
// and which one sentence to print when Briefbook falls back to browser mode.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPlatformPath, locateElectronBinary } from '../../electron/scripts/electron-binary.mjs';
import { SENTENCES, chooseLaunch, shouldTryDownload, withoutStackLines } from '../../electron/scripts/launch-plan.mjs';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs('briefbook-launcher-');

/** A node_modules/electron folder as npm leaves it here: no path.txt, no dist. */
function electronPackage(): string {
  const dir = temp.make();
  writeFileSync(join(dir, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  return dir;
}

function installBinary(dir: string, relative = 'electron'): string {
  writeFileSync(join(dir, 'path.txt'), relative);
  const binary = join(dir, 'dist', relative);
  mkdirSync(join(binary, '..'), { recursive: true });
  writeFileSync(binary, '#!/bin/sh\n');
  chmodSync(binary, 0o755);
  return binary;
}

describe('locating the Electron binary', () => {
  it('is absent when electron was installed without its download (no path.txt)', () => {
    expect(locateElectronBinary({ electronDir: electronPackage(), env: {} })).toEqual({ path: null, present: false });
  });

  it('is absent when path.txt names a file that is not there', () => {
    const dir = electronPackage();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(locateElectronBinary({ electronDir: dir, env: {} })).toEqual({ path: join(dir, 'dist', 'electron'), present: false });
  });

  it('is present when dist/<path.txt> exists', () => {
    const dir = electronPackage();
    const binary = installBinary(dir);
    expect(locateElectronBinary({ electronDir: dir, env: {} })).toEqual({ path: binary, present: true });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = electronPackage();
    const override = temp.make();
    writeFileSync(join(override, 'electron'), '');
    expect(locateElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: override }, platform: 'linux' }))
      .toEqual({ path: join(override, 'electron'), present: true });
    expect(locateElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: join(override, 'none') }, platform: 'linux' }).present)
      .toBe(false);
  });

  it('knows each platform’s executable name', () => {
    expect(electronPlatformPath('linux')).toBe('electron');
    expect(electronPlatformPath('win32')).toBe('electron.exe');
    expect(electronPlatformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('choosing how to start', () => {
  it('starts the desktop app only with both Electron and its database module', () => {
    expect(chooseLaunch({ electronPresent: true, nativePresent: true, serveScriptPresent: true })).toEqual({ mode: 'desktop' });
  });

  it('falls back to browser mode with one plain sentence saying why', () => {
    expect(chooseLaunch({ electronPresent: false, nativePresent: false, serveScriptPresent: true }))
      .toEqual({ mode: 'browser', sentence: SENTENCES.noElectron });
    expect(chooseLaunch({ electronPresent: true, nativePresent: false, serveScriptPresent: true }))
      .toEqual({ mode: 'browser', sentence: SENTENCES.noNative });
  });

  it('says so plainly when browser mode is missing too', () => {
    expect(chooseLaunch({ electronPresent: false, nativePresent: false, serveScriptPresent: false }))
      .toEqual({ mode: 'none', sentence: SENTENCES.noBrowserMode });
  });

  it('every sentence is one plain sentence', () => {
    expect(SENTENCES.noElectron).toBe(
      'The Electron desktop shell is not installed and could not be downloaded, so Briefbook is starting in browser mode instead.',
    );
    for (const sentence of Object.values(SENTENCES)) {
      expect(sentence).toMatch(/^[A-Z].*\.$/);
      expect(sentence).not.toContain('\n');
      expect(sentence.match(/\. /g)).toBeNull();
    }
  });

  it('skips the download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    expect(shouldTryDownload({})).toBe(true);
    expect(shouldTryDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(false);
    expect(shouldTryDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'false' })).toBe(true);
  });

  it('drops stack-trace lines from build output', () => {
    expect(withoutStackLines('Error: x\n    at f (a.js:1:2)\n    at g (b.js:3:4)\nhint')).toBe('Error: x\nhint');
  });
});
