// Where the Electron-ABI build of better-sqlite3 lives. node_modules/better-sqlite3/build holds
// the Node-ABI build that tests and browser mode use; the desktop app brings its own, made by
// `npm run native:electron`, so both can live in one checkout.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

export interface NativeBindingContext {
  isPackaged: boolean;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
  /** process.versions.modules inside Electron, e.g. "150". */
  abi: string;
}

/** Where the build for this ABI should be. The folder name carries the ABI so a stale build is never picked up. */
export function nativeBindingPath(ctx: NativeBindingContext): string {
  const dir = `electron-${ctx.abi}`;
  return ctx.isPackaged
    ? join(ctx.resourcesPath, 'native', dir, NATIVE_FILE)
    : join(ctx.appPath, '.native', dir, NATIVE_FILE);
}

/** The build's path, or undefined if it is absent. */
export function findNativeBinding(
  ctx: NativeBindingContext,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const path = nativeBindingPath(ctx);
  return exists(path) ? path : undefined;
}

/** What to tell the user when findNativeBinding() found nothing. */
export function missingNativeBindingMessage(ctx: NativeBindingContext): string {
  return ctx.isPackaged
    ? `This installation of Briefbook is incomplete: its database module (${nativeBindingPath(ctx)}) is missing. Please reinstall Briefbook.`
    : `Briefbook's database module has not been built for Electron (ABI ${ctx.abi}) yet: run "npm run native:electron" and start again.`;
}
