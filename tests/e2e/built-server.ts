// Starts the BUILT browser-mode server (out/main/server.js) as `npm run serve` would, on a
// fresh data folder and any free port, and reads the one URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_QUERY_PARAM } from '../../shared/api/http';
import { REPO_ROOT } from '../helpers/paths';

export const SERVER_ENTRY = join(REPO_ROOT, 'out', 'main', 'server.js');

export interface BuiltServer {
  /** The printed URL, with its one-time token. */
  url: string;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} is missing: the e2e tests run the built app. Run "npm run build" first ` +
        '("npm test" and "npm run test:e2e" do).',
    );
  }
}

/** staticDir: another folder with the built page than out/renderer (`--static`). */
export async function startBuiltServer(dataDir: string, staticDir?: string): Promise<BuiltServer> {
  const args = [SERVER_ENTRY, '--data-dir', dataDir, '--port', '0', ...(staticDir ? ['--static', staticDir] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await readPrintedUrl(child);
  return {
    url,
    origin: new URL(url).origin,
    stop: () => stopChild(child),
  };
}

function readPrintedUrl(child: ChildProcess): Promise<string> {
  const pattern = new RegExp(`https?://127\\.0\\.0\\.1:\\d+/\\S*[?&]${TOKEN_QUERY_PARAM}=\\S+`);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const onExit = (code: number | null) =>
      reject(new Error(`the server exited (code ${code}) before printing its URL.\nstdout: ${stdout}\nstderr: ${stderr}`));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = pattern.exec(stdout);
      if (match) {
        child.off('exit', onExit);
        resolve(match[0]);
      }
    });
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
