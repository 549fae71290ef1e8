// Fresh temporary folders for tests that use real files (SQLite databases, data dirs). Each
// folder is removed after the test that made it, so tests never see each other's files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Call once at the top of a test file (or describe block). Returns `make()`, which creates a
 * new empty folder under the OS temp dir; every folder made is deleted after each test.
 */
export function useTempDirs(prefix = 'briefbook-test-'): { make(): string } {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
  };
}
