// Command-line arguments of browser mode (`npm run serve -- ...`), parsed without side effects
// so the messages a person sees for a mistake can be tested.
import { resolve } from 'node:path';

/** Tried first when no --port is given; if busy, any free port is used instead. */
export const DEFAULT_PORT = 5178;

export interface ServeDefaults {
  dataDir: string;
  resourcesDir: string;
  staticDir: string;
}

export interface ServeOptions extends ServeDefaults {
  port: number;
  /** False when the port is the default, which may fall back to a free one. */
  portGiven: boolean;
}

export type ParsedArgs = { help: true } | ({ help: false } & ServeOptions);

/** A mistake on the command line; its message is one plain sentence for the reader. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: npm run serve -- [options]

Runs Briefbook in your web browser from this computer only (127.0.0.1).

Options:
  --data-dir DIR    folder with your Briefbook data (default: the desktop app's folder)
  --port N          port to listen on (default ${DEFAULT_PORT}, or any free port if busy; 0 = any free port)
  --resources DIR   folder with Briefbook's shipped resources (default: the project's resources/)
  --static DIR      folder with the built page (default: out/renderer)
  --help            show this help
`;

const PATH_OPTIONS = {
  '--data-dir': 'dataDir',
  '--resources': 'resourcesDir',
  '--static': 'staticDir',
} as const;

export function parseArgs(argv: readonly string[], defaults: ServeDefaults, cwd = process.cwd()): ParsedArgs {
  const options: ServeOptions = { ...defaults, port: DEFAULT_PORT, portGiven: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (!arg.startsWith('--')) {
      throw new UsageError(`Unexpected argument "${arg}"; run with --help to see the options.`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name !== '--port' && !(name in PATH_OPTIONS)) {
      throw new UsageError(`Unknown option ${name}; run with --help to see the options.`);
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') {
      throw new UsageError(`${name} needs a value, for example ${name === '--port' ? '--port 5178' : `${name} /path/to/folder`}.`);
    }
    if (name === '--port') {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`);
      }
      options.port = Number(value);
      options.portGiven = true;
    } else {
      options[PATH_OPTIONS[name as keyof typeof PATH_OPTIONS]] = resolve(cwd, value);
    }
  }
  return { help: false, ...options };
}
