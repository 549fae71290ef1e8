// The per-user data folder, the same one Electron's app.getPath('userData') gives for an app
// named Briefbook, so browser mode and the desktop app share the reader's data by default.
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const APP_NAME = 'Briefbook';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  // Join with the separators of the platform asked about, not of the one running (tests).
  // An empty variable counts as unset: joining onto '' would give a relative path.
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), APP_NAME);
}
