// Browser mode's command line, parsed as a pure function: defaults, every option, and the one
// plain sentence a mistake produces.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseArgs, UsageError } from '../../electron/server/args';

const defaults = { dataDir: '/home/r/.config/Briefbook', resourcesDir: '/app/resources', staticDir: '/app/out/renderer' };
const parse = (...argv: string[]) => parseArgs(argv, defaults, '/work');

describe('parseArgs', () => {
  it('uses the defaults and the fixed default port when given nothing', () => {
    expect(parse()).toEqual({ help: false, ...defaults, port: DEFAULT_PORT, portGiven: false });
    expect(DEFAULT_PORT).toBe(5178);
  });

  it('reads every option, as "--opt value" or "--opt=value"', () => {
    expect(parse('--data-dir', '/tmp/x', '--port', '0', '--resources', '/r', '--static=/s')).toEqual({
      help: false,
      dataDir: '/tmp/x',
      resourcesDir: '/r',
      staticDir: '/s',
      port: 0,
      portGiven: true,
    });
    expect(parse('--port=8080')).toMatchObject({ port: 8080, portGiven: true });
  });

  it('resolves relative folders against the working directory', () => {
    expect(parse('--data-dir', 'data')).toMatchObject({ dataDir: resolve('/work', 'data') });
  });

  it('answers --help (and -h) whatever else is given', () => {
    expect(parse('--help')).toEqual({ help: true });
    expect(parse('--port', '1', '-h')).toEqual({ help: true });
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, not "abc".'],
    [['--port', '65536'], '--port must be a whole number from 0 to 65535, not "65536".'],
    [['--port', '-1'], '--port must be a whole number from 0 to 65535, not "-1".'],
    [['--port'], '--port needs a value, for example --port 5178.'],
    [['--data-dir'], '--data-dir needs a value, for example --data-dir /path/to/folder.'],
    [['--data-dir', '--port', '1'], '--data-dir needs a value, for example --data-dir /path/to/folder.'],
    [['--static='], '--static needs a value, for example --static /path/to/folder.'],
    [['--datadir', '/x'], 'Unknown option --datadir; run with --help to see the options.'],
    [['serve'], 'Unexpected argument "serve"; run with --help to see the options.'],
  ])('refuses %j with one plain sentence', (argv, message) => {
    let thrown: unknown;
    try {
      parse(...argv);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
