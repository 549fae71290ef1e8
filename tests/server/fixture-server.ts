// The server under test for a whole file: browser mode's server on 127.0.0.1 (any free port),
// serving the stand-in page of static-fixture.ts and a real core on a temp data folder.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Core } from '../../electron/core/core';
import { startServer, type RunningServer } from '../../electron/server/server';
import { createTestCore } from '../helpers/core';
import { makeStaticFixture, type StaticFixture } from './static-fixture';

export interface FixtureServer {
  fixture: StaticFixture;
  /** A test may close it and put a new core on the same data folder here; the last one is closed. */
  core: Core;
  server: RunningServer;
}

/** Call once at the top of a test file; the fields are set before its first test runs. */
export function useFixtureServer(): FixtureServer {
  const running = {} as FixtureServer;
  beforeAll(async () => {
    running.fixture = makeStaticFixture();
    running.core = createTestCore(running.fixture.dataDir);
    running.server = await startServer({ router: running.core.router, staticDir: running.fixture.staticDir, port: 0 });
  });
  afterAll(async () => {
    await running.server?.close();
    running.core?.close();
    if (running.fixture) rmSync(running.fixture.root, { recursive: true, force: true });
  });
  return running;
}
