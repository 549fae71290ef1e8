// Where the desktop app looks for its Electron-ABI better-sqlite3 build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNativeBinding, missingNativeBindingMessage, nativeBindingPath } from '../../electron/main/native-binding';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs('briefbook-native-');

describe('native binding path', () => {
  it('development: .native/electron-<abi>/ in the project folder', () => {
    const ctx = { isPackaged: false, appPath: '/proj', resourcesPath: '/res', abi: '150' };
    expect(nativeBindingPath(ctx)).toBe(join('/proj', '.native', 'electron-150', 'better_sqlite3.node'));
  });

  it('packaged: native/electron-<abi>/ in the resources folder (electron-builder extraResources)', () => {
    const ctx = { isPackaged: true, appPath: '/app.asar', resourcesPath: '/res', abi: '150' };
    expect(nativeBindingPath(ctx)).toBe(join('/res', 'native', 'electron-150', 'better_sqlite3.node'));
  });

  it('finds a real file and reports an absent one as undefined', () => {
    const appPath = temp.make();
    const ctx = { isPackaged: false, appPath, resourcesPath: '/res', abi: '150' };
    expect(findNativeBinding(ctx)).toBeUndefined();
    mkdirSync(join(appPath, '.native', 'electron-150'), { recursive: true });
    writeFileSync(join(appPath, '.native', 'electron-150', 'better_sqlite3.node'), '');
    expect(findNativeBinding(ctx)).toBe(nativeBindingPath(ctx));
    // A build for another ABI is never picked up.
    expect(findNativeBinding({ ...ctx, abi: '151' })).toBeUndefined();
  });

  it('says what to do when it is missing', () => {
    expect(missingNativeBindingMessage({ isPackaged: false, appPath: '/p', resourcesPath: '/r', abi: '150' })).toContain('npm run native:electron');
    expect(missingNativeBindingMessage({ isPackaged: true, appPath: '/p', resourcesPath: '/r', abi: '150' })).toMatch(/reinstall/i);
  });
});
