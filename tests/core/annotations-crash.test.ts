// Crash safety of annotation saves: a child process runs the real core on a real data folder
// and saves notes and highlights in a loop (annotations-crash-child.ts), reporting each save
// the router acknowledged; the parent SIGKILLs it at a random moment (while it opens the
// database, migrates or seeds on the first run, or mid-save), then checks the file:
// integrity_check is ok and every acknowledged annotation is there exactly as acknowledged.
// The one save in flight at the kill may have committed or not, never half. Cycles run for a
// fixed time (the count depends on the machine's load) and at least MIN_CYCLES.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { readAnnotation } from '../../electron/core/services/annotations/store';
import type { Annotation } from '../../shared/api/annotations/methods';
import { Prng } from '../bench/prng';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const CHILD = join(REPO_ROOT, 'tests', 'core', 'annotations-crash-child.ts');
const RUN_MS = 15_000;
/** Children loading their modules ahead, waiting for their turn. */
const WARM = 2;
const MIN_CYCLES = 8;
const SEED = 20_241_205;

type Line =
  | { type: 'loaded' }
  | { type: 'ready'; known: number }
  | { type: 'intent'; op: 'create' | 'update'; id: string; body: string }
  | { type: 'ack'; annotation: Annotation };

interface Child {
  process: ChildProcess;
  lines: Line[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a line of this type has been printed. */
  printed: (type: Line['type']) => Promise<void>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function startChild(dir: string, seed: number): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(seed)], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const lines: Line[] = [];
  const waiting: { type: Line['type']; resolve: () => void }[] = [];
  let buffer = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as Line;
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of waiting.filter((w) => w.type === line.type)) w.resolve();
    }
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    lines,
    stderr: () => err,
    exited,
    printed: (type) =>
      lines.some((l) => l.type === type)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiting.push({ type, resolve })),
            exited.then((e) => {
              throw new Error(`the child exited (${JSON.stringify(e)}) before “${type}”: ${err}`);
            }),
          ]),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('annotation saves under SIGKILL', () => {
  it('keeps the database intact and every acknowledged save, over many kills at random moments', async () => {
    const dir = temp.make();
    const rng = new Prng(SEED);
    const acknowledged = new Map<string, Annotation>();
    const started = Date.now();
    let cycles = 0;
    let acks = 0;
    let inFlightCommitted = 0;
    let killedBeforeReady = 0;
    let seeds = SEED;
    const warm = Array.from({ length: WARM }, () => startChild(dir, seeds++));
    while (cycles < MIN_CYCLES || Date.now() - started < RUN_MS) {
      const child = warm.shift()!;
      await child.printed('loaded');
      child.process.stdin!.write('go\n');
      // Most kills come while saving (from "ready" on); one in four while the core opens the
      // database (never on the first run, which must create it).
      if (cycles === 0 || rng.next() < 0.75) await child.printed('ready');
      await sleep(rng.next() * 600);
      child.process.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal, `the child ended by itself: ${child.stderr()}`).toBe('SIGKILL');
      // The next children load their modules while this one's database is checked.
      warm.push(startChild(dir, seeds++));
      cycles++;
      if (!child.lines.some((l) => l.type === 'ready')) killedBeforeReady++;

      let inFlight: Extract<Line, { type: 'intent' }> | null = null;
      for (const line of child.lines) {
        if (line.type === 'intent') inFlight = line;
        if (line.type === 'ack') {
          acknowledged.set(line.annotation.id, line.annotation);
          acks++;
          inFlight = null;
        }
      }

      const db = new Database(join(dir, DATABASE_FILE));
      try {
        expect(db.pragma('integrity_check', { simple: true }), `cycle ${cycles}`).toBe('ok');
        for (const [id, expected] of acknowledged) {
          const stored = readAnnotation(db, id);
          if (id === inFlight?.id && stored && stored.revision === expected.revision + 1) {
            // The save in flight committed before the kill (its ack was not printed yet): whole.
            expect(stored.body, `cycle ${cycles}, in flight`).toBe(inFlight.body);
            acknowledged.set(id, stored);
            inFlightCommitted++;
          } else {
            expect(stored, `cycle ${cycles}, annotation ${id}`).toEqual(expected);
          }
        }
        if (inFlight?.op === 'create') {
          const stored = readAnnotation(db, inFlight.id);
          if (stored) {
            expect(stored.body).toBe(inFlight.body);
            acknowledged.set(stored.id, stored);
            inFlightCommitted++;
          }
        }
        expect(db.prepare('SELECT count(*) FROM user_annotations').pluck().get()).toBe(acknowledged.size);
      } finally {
        db.close();
      }
    }
    for (const c of warm) c.process.kill('SIGKILL');
    await Promise.all(warm.map((c) => c.exited));
    console.log(
      `annotations crash test: ${cycles} SIGKILL cycles in ${Math.round((Date.now() - started) / 1000)} s, ` +
        `${acks} acknowledged saves all kept (${acknowledged.size} annotations), ${inFlightCommitted} in-flight saves found committed, ` +
        `${killedBeforeReady} kills before the core was ready`,
    );
    expect(cycles).toBeGreaterThanOrEqual(MIN_CYCLES);
    // The kills came while saves were happening, not only between runs.
    expect(acks).toBeGreaterThan(0);
  }, 300_000);
});
