// Where the Electron binary is, found the way node_modules/electron/index.js finds it but
// without requiring 'electron' (which would start a download from plain Node).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable's path inside Electron's dist folder, as electron's install.js writes it to path.txt. */
export function electronPlatformPath(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * @param {{ electronDir: string, env?: Record<string, string | undefined>, platform?: string,
 *           exists?: (path: string) => boolean, readText?: (path: string) => string }} options
 * @returns {{ path: string | null, present: boolean }}
 */
export function locateElectronBinary({
  electronDir,
  env = process.env,
  platform = process.platform,
  exists = existsSync,
  readText = (path) => readFileSync(path, 'utf8'),
}) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = exists(pathFile) ? readText(pathFile).trim() : '';
  let path = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || electronPlatformPath(platform));
  } else if (relative) {
    path = join(electronDir, 'dist', relative);
  }
  return { path, present: path !== null && exists(path) };
}
