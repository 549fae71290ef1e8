// The per-user data folder, the same one Electron's app.getPath('userData') gives for an app
// named Briefbook, so browser mode and the desktop app share the reader's data by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Briefbook';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}
