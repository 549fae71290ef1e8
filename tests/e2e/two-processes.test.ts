// Two real browser-mode servers (the built out/main/server.js, two processes) on ONE data
// folder, writing at the same time through the HTTP API. Every write begins IMMEDIATE, so one
// process waits for the other on the busy timeout instead of failing with "database is
// locked": every write is acknowledged, and every acknowledged write is there afterwards. Two
// writers editing the same record from the same revision: one wins, the other gets CONFLICT
// with the winner's value, and nothing is saved over it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/contract';
import { API_PREFIX, AUTH_SCHEME, TOKEN_QUERY_PARAM } from '../../shared/api/http';
import type { Result } from '../../shared/api/result';
import type { TableViewState } from '../../shared/domain/table';
import { assertBuilt, startBuiltServer, type BuiltServer } from './built-server';

const WRITES_PER_PROCESS = 300;
const STATE: TableViewState = {
  sort: [],
  collation: 'pinyin',
  search: '',
  filters: {},
  groupBy: null,
  columns: { order: [], hidden: [], sizes: {} },
};

interface Client {
  name: string;
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<ApiResult<M>>>;
}

function clientOf(name: string, server: BuiltServer): Client {
  const token = new URL(server.url).searchParams.get(TOKEN_QUERY_PARAM)!;
  return {
    name,
    async call(method, args) {
      const res = await fetch(`${server.origin}${API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `${AUTH_SCHEME} ${token}`, Origin: server.origin },
        body: JSON.stringify(args),
      });
      return (await res.json()) as Result<never>;
    },
  };
}

let dataDir: string;
let servers: BuiltServer[] = [];
let a: Client;
let b: Client;

beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'briefbook-two-'));
  // Both start on the same fresh folder at once: creating, migrating and seeding race too.
  servers = await Promise.all([startBuiltServer(dataDir), startBuiltServer(dataDir)]);
  a = clientOf('A', servers[0]!);
  b = clientOf('B', servers[1]!);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** One process's writes, one after another: new views, and updates of its own initiatives
 *  (each on the revision the one before it returned). */
async function writer(client: Client, initiatives: string[]) {
  const acknowledged = { count: 0, views: [] as string[], notes: new Map<string, string>(), failures: [] as string[] };
  const revision = new Map(initiatives.map((id) => [id, 0]));
  for (let n = 0; n < WRITES_PER_PROCESS; n++) {
    if (n % 2 === 0) {
      const name = `${client.name}-${String(n).padStart(3, '0')}`;
      const result = await client.call('view.save', { baseRevision: 0, name, state: STATE });
      if (result.ok) {
        acknowledged.count++;
        acknowledged.views.push(name);
      } else acknowledged.failures.push(`${result.error.code}: ${result.error.message}`);
    } else {
      const id = initiatives[n % initiatives.length]!;
      const note = `${client.name} wrote ${n}`;
      const result = await client.call('initiative.update', { initiativeId: id, baseRevision: revision.get(id)!, patch: { progressNote: note } });
      if (result.ok) {
        acknowledged.count++;
        acknowledged.notes.set(id, note);
        revision.set(id, result.value.revision);
      } else acknowledged.failures.push(`${result.error.code}: ${result.error.message}`);
    }
  }
  return acknowledged;
}

describe('two browser-mode servers on one data folder', () => {
  it(`keeps every acknowledged write of 2 × ${WRITES_PER_PROCESS} concurrent writes`, async () => {
    const [fromA, fromB] = await Promise.all([
      writer(a, ['hz-2024/T1/I1', 'hz-2024/T1/I2', 'hz-2024/T2/I1']),
      writer(b, ['hz-2024/T4/I1', 'hz-2024/T4/I2', 'hz-2024/T5/I1']),
    ]);
    const acknowledged = fromA.count + fromB.count;
    console.log(`two processes: ${acknowledged}/${2 * WRITES_PER_PROCESS} concurrent writes acknowledged`);
    expect([...fromA.failures, ...fromB.failures]).toEqual([]);
    expect(acknowledged).toBe(2 * WRITES_PER_PROCESS);

    // Read back through EACH process: both see every acknowledged write.
    for (const reader of [a, b]) {
      const views = await reader.call('view.list', {});
      if (!views.ok) throw new Error(views.error.message);
      const names = new Set(views.value.map((v) => v.name));
      const missing = [...fromA.views, ...fromB.views].filter((n) => !names.has(n));
      expect(missing, `views missing when read through ${reader.name}`).toEqual([]);
      expect(names.size).toBe(WRITES_PER_PROCESS);

      const expected = new Map([...fromA.notes, ...fromB.notes]);
      const rows = await reader.call('table.rows', { ids: [...expected.keys()] });
      if (!rows.ok) throw new Error(rows.error.message);
      for (const row of rows.value) expect(row.progressNote, row.id).toBe(expected.get(row.id));
      // 150 updates per process over 3 initiatives: 50 revisions each, none lost.
      for (const row of rows.value) expect(row.revision, row.id).toBe(WRITES_PER_PROCESS / 2 / 3);
      // Each stored update is one revision; the views are records of their own.
      const present = views.value.length + rows.value.reduce((n, r) => n + r.revision, 0);
      console.log(`read through ${reader.name}: ${present}/${acknowledged} acknowledged writes present`);
      expect(present).toBe(acknowledged);
    }
  });

  it('lets one of two writers on the same revision win; the other gets CONFLICT with the winner’s value', async () => {
    const id = 'hz-2024/T3/I3';
    let base = 0;
    const rounds = 40;
    let conflicts = 0;
    for (let round = 0; round < rounds; round++) {
      const [ra, rb] = await Promise.all([
        a.call('initiative.update', { initiativeId: id, baseRevision: base, patch: { leadUnit: `A ${round}` } }),
        b.call('initiative.update', { initiativeId: id, baseRevision: base, patch: { leadUnit: `B ${round}` } }),
      ]);
      const won = [ra, rb].filter((r) => r.ok);
      const lost = [ra, rb].filter((r) => !r.ok);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost[0]!.ok ? null : lost[0]!.error.code).toBe('CONFLICT');
      const winner = won[0]!.ok ? won[0]!.value : null;
      const current = lost[0]!.ok ? null : (lost[0]!.error.current as { leadUnit: string; revision: number });
      expect(current).toMatchObject({ leadUnit: winner!.leadUnit, revision: winner!.revision });
      conflicts++;
      base = winner!.revision;
    }
    const rows = await a.call('table.rows', { ids: [id] });
    if (!rows.ok) throw new Error(rows.error.message);
    expect(rows.value[0]!.revision).toBe(rounds);
    console.log(`same record: ${rounds} rounds, ${rounds} writes stored, ${conflicts} stale writes refused as CONFLICT`);
  });
});
