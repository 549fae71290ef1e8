// The child of annotations-crash.test.ts: the real core on a real data folder, saving notes
// and highlights through its router in a loop until it is killed. Before each save it prints
// what it is about to save ("intent"), and after the router has answered (the save committed)
// the annotation as stored ("ack"), one JSON line each; stdout to a pipe is synchronous on
// Linux, so a printed ack has reached the parent even if the kill comes right after.
// It loads its modules first and says "loaded", then waits for "go" on stdin before it opens the
// database: the parent starts the next child while it checks the last one's database.
//   npx tsx tests/core/annotations-crash-child.ts <data dir> <seed>
import { createCore } from '../../electron/core/core';
import type { Annotation, AnnotationPage, NewAnnotation } from '../../shared/api/annotations/methods';
import type { ApiArgs, ApiMethod } from '../../shared/api/contract';
import { describePassage } from '../../shared/domain/anchoring';
import { Prng } from '../bench/prng';
import { RESOURCES_DIR } from '../helpers/paths';

const [dataDir, seedText] = process.argv.slice(2);
const rng = new Prng(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rng.next() * items.length)]!;
const uuid = () =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(rng.next() * 16).toString(16));

const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
print({ type: 'loaded' });
await new Promise<void>((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk: Buffer) => {
    input += chunk.toString('utf8');
    if (input.includes('go\n')) resolve();
  });
});
process.stdin.pause();

const core = createCore({ dataDir: dataDir!, resourcesDir: RESOURCES_DIR, host: 'browser', version: 'crash-test', scheduleBackups: false });
const items = core.db.prepare("SELECT id, body FROM initiatives WHERE plan_id = 'hz-2024' ORDER BY id").all() as { id: string; body: string }[];

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<unknown> {
  const result = await core.router.dispatch(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const page = (await call('annotation.list', { sort: 'modified', limit: 500 })) as AnnotationPage;
const known: Annotation[] = page.entries.map(({ planTitle: _p, itemNumeral: _n, itemHeadline: _h, ...a }) => a);
print({ type: 'ready', known: known.length });

for (let n = 0; ; n++) {
  const text = `第${n}次保存：${'改'.repeat(Math.floor(rng.next() * 200))}`;
  if (known.length === 0 || rng.next() < 0.4) {
    const item = pick(items);
    const isHighlight = rng.next() < 0.5;
    const start = Math.floor(rng.next() * 20);
    const a: NewAnnotation = isHighlight
      ? { id: uuid(), kind: 'highlight', planId: 'hz-2024', itemId: item.id, color: pick(['yellow', 'green', 'blue'] as const), body: text,
          tags: ['崩溃测试'], target: { itemId: item.id, part: 'body', language: 'zh', selectors: describePassage(item.body, start, start + 5) } }
      : { id: uuid(), kind: 'note', planId: 'hz-2024', itemId: rng.next() < 0.2 ? null : item.id, target: null, color: null, body: text, tags: [] };
    print({ type: 'intent', op: 'create', id: a.id, body: a.body });
    const stored = (await call('annotation.create', a)) as Annotation;
    known.push(stored);
    print({ type: 'ack', annotation: stored });
  } else {
    const i = Math.floor(rng.next() * known.length);
    const a = known[i]!;
    print({ type: 'intent', op: 'update', id: a.id, body: text });
    const stored = (await call('annotation.update', { id: a.id, baseRevision: a.revision, patch: { body: text } })) as Annotation;
    known[i] = stored;
    print({ type: 'ack', annotation: stored });
  }
}
