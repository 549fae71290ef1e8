// An in-memory stand-in for the core's packet service and the few reads the builder makes
// (plans, their outlines, saved views, statuses), answering as the real ones do: save and
// delete name a revision and a stale one gets CONFLICT with the stored packet; resolve lists
// the items of the sources in packet order (less the left-out ones, listed apart) and names the sources that point at nothing; html
// gives a small document naming the cover and the items. The renderer's real client runs
// against it.
import type { ApiBridge } from '../../../shared/api/contract';
import type { Packet, PacketDefinition, PacketItem, PacketSource } from '../../../shared/api/packets/methods';
import type { PlanOutline, PlanSummary } from '../../../shared/api/plans/methods';
import { DEFAULT_STATUS_OPTIONS } from '../../../shared/domain/table';
import { fail, ok } from '../fake-bridge';

interface FakeTheme {
  id: string;
  headline: string;
  items: { id: string; numeral: string; headline: string }[];
}

interface FakePlan {
  id: string;
  title: string;
  themes: FakeTheme[];
}

export const FAKE_PLANS: FakePlan[] = [
  {
    id: 'hz-2024',
    title: '杭州打造中国式现代化城市范例',
    themes: [
      { id: 'hz-2024/T1', headline: '深化改革', items: [item('hz-2024/T1/I1', '（一）', '推进国企改革'), item('hz-2024/T1/I2', '（二）', '优化营商环境')] },
      { id: 'hz-2024/T2', headline: '科技创新', items: [item('hz-2024/T2/I1', '（三）', '建设创新策源地')] },
    ],
  },
  {
    id: 'p-anji',
    title: '安吉县绿色发展实施方案',
    themes: [
      { id: 'p-anji/t1', headline: '生态保护', items: [item('p-anji/i1', '1.', '守护绿水青山'), item('p-anji/i2', '2.', '发展竹产业')] },
    ],
  },
];

function item(id: string, numeral: string, headline: string) {
  return { id, numeral, headline };
}

export interface FakePackets {
  bridge: ApiBridge;
  packets: Map<number, Packet>;
  calls: Array<{ method: string; args: unknown }>;
  /** Another window saves a packet (its revision moves on). */
  touch(id: number, title: string): void;
  /** Finishes the PDF run going on (a one-page PDF), as the core does after its two passes. */
  finishPdf(): void;
}

export function createFakePackets(initial: PacketDefinition[] = []): FakePackets {
  const packets = new Map<number, Packet>();
  let nextId = 1;
  const stamp = () => new Date(Date.UTC(2026, 11, 1, 9, nextId)).toISOString();
  for (const definition of initial) {
    const id = nextId++;
    packets.set(id, { id, definition, revision: 1, createdAt: stamp(), updatedAt: stamp() });
  }
  const calls: FakePackets['calls'] = [];
  // The PDF run going on: it reports progress until cancelled or finished by the test.
  let pdfRun: { jobId: string; settle(result: unknown): void } | null = null;
  const allItems = (): PacketItem[] =>
    FAKE_PLANS.flatMap((plan) =>
      plan.themes.flatMap((theme) =>
        theme.items.map((i) => ({ ...i, planId: plan.id, planTitle: plan.title, themeHeadline: theme.headline, notes: i.id === 'p-anji/i2' ? 2 : 0, highlights: 0 })),
      ),
    );
  const themeOf = (itemId: string) => FAKE_PLANS.flatMap((p) => p.themes).find((t) => t.items.some((i) => i.id === itemId))!.id;
  const resolve = (definition: PacketDefinition) => {
    const items = allItems();
    const missing: { source: number; reason: 'plan' | 'theme' | 'item' | 'view' }[] = [];
    const included: PacketItem[] = [];
    const take = (list: PacketItem[]) => {
      for (const i of list) if (!included.some((x) => x.id === i.id)) included.push(i);
    };
    definition.sources.forEach((source: PacketSource, index) => {
      if (source.kind === 'plan') {
        if (!FAKE_PLANS.some((p) => p.id === source.planId)) missing.push({ source: index, reason: 'plan' });
        take(items.filter((i) => i.planId === source.planId));
      } else if (source.kind === 'themes') take(items.filter((i) => source.themeIds.includes(themeOf(i.id))));
      else if (source.kind === 'items') take(source.itemIds.flatMap((id) => items.filter((i) => i.id === id)));
      else if (source.kind === 'view') missing.push({ source: index, reason: 'view' });
      else take(items.filter((i) => !source.planId || i.planId === source.planId));
    });
    const leftOut = new Set(definition.excluded ?? []);
    const kept = included.filter((i) => !leftOut.has(i.id));
    const ordered = definition.order.flatMap((id) => kept.filter((i) => i.id === id));
    return { items: [...ordered, ...kept.filter((i) => !definition.order.includes(i.id))], excluded: included.filter((i) => leftOut.has(i.id)), missing };
  };
  const handlers: Record<string, (args: never) => Promise<unknown>> = {
    'plan.list': async () =>
      ok(FAKE_PLANS.map((p): PlanSummary => ({ id: p.id, title: p.title, publishedAt: null, source: null, author: null, themeCount: p.themes.length, initiativeCount: 0 }))),
    'plan.get': async ({ planId }: { planId: string }) => {
      const plan = FAKE_PLANS.find((p) => p.id === planId);
      if (!plan) return fail('NOT_FOUND', `No plan with id ${planId}`);
      const outline = {
        meta: { id: plan.id, title: plan.title },
        themes: plan.themes.map((t, n) => ({ id: t.id, planId: plan.id, ordinal: n + 1, headline: t.headline, initiatives: [] })),
        lists: [],
      } as unknown as PlanOutline;
      return ok(outline);
    },
    'view.list': async () => ok([{ id: 7, name: '本周重点', state: {}, createdAt: stamp(), updatedAt: stamp(), revision: 1 }]),
    'status.options': async () => ok({ options: DEFAULT_STATUS_OPTIONS, revision: 0 }),
    'packet.list': async () => ok([...packets.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
    'packet.get': async ({ id }: { id: number }) => (packets.has(id) ? ok(packets.get(id)) : fail('NOT_FOUND', `No packet ${id}`)),
    'packet.save': async ({ id, baseRevision, definition }: { id?: number; baseRevision: number; definition: PacketDefinition }) => {
      if (id === undefined) {
        const created: Packet = { id: nextId++, definition, revision: 1, createdAt: stamp(), updatedAt: stamp() };
        packets.set(created.id, created);
        return ok(created);
      }
      const stored = packets.get(id);
      if (!stored || stored.revision !== baseRevision)
        return { ok: false, error: { code: 'CONFLICT', message: `packet ${id} is at another revision`, current: stored ?? null } };
      const saved: Packet = { ...stored, definition, revision: stored.revision + 1, updatedAt: stamp() };
      packets.set(id, saved);
      return ok(saved);
    },
    'packet.delete': async ({ id, baseRevision }: { id: number; baseRevision: number }) => {
      const stored = packets.get(id);
      if (!stored || stored.revision !== baseRevision)
        return { ok: false, error: { code: 'CONFLICT', message: `packet ${id} is at another revision`, current: stored ?? null } };
      packets.delete(id);
      return ok(null);
    },
    'packet.duplicate': async ({ id }: { id: number }) => {
      const stored = packets.get(id)!;
      const copy: Packet = {
        id: nextId++,
        definition: { ...stored.definition, cover: { ...stored.definition.cover, title: `${stored.definition.cover.title}（副本）` } },
        revision: 1,
        createdAt: stamp(),
        updatedAt: stamp(),
      };
      packets.set(copy.id, copy);
      return ok(copy);
    },
    'packet.pdf': ({ jobId }: { jobId: string }) =>
      new Promise((settle) => {
        pdfRun = { jobId, settle };
      }),
    'packet.progress': async ({ jobId }: { jobId: string }) => ok(pdfRun?.jobId === jobId ? { phase: 'render', done: 3, total: 10 } : null),
    'packet.cancel': async ({ jobId }: { jobId: string }) => {
      if (pdfRun?.jobId === jobId) {
        pdfRun.settle(fail('CANCELLED', 'The PDF was cancelled'));
        pdfRun = null;
      }
      return ok(null);
    },
    'packet.resolve': async ({ definition }: { definition: PacketDefinition }) => ok(resolve(definition)),
    'packet.html': async ({ definition }: { definition: PacketDefinition }) => {
      const { items } = resolve(definition);
      const body = items.map((i) => `<h2>${i.numeral} ${i.headline}</h2>`).join('');
      return ok({ html: `<!doctype html><html><body><h1>${definition.cover.title}</h1>${body}</body></html>`, items: items.length });
    },
  };
  const bridge = new Proxy({} as ApiBridge, {
    get: (_, method: string) => (args: unknown) => {
      calls.push({ method, args });
      const fn = handlers[method];
      return fn ? fn(args as never) : Promise.resolve(fail('INTERNAL', `${method} is not implemented by the fake`));
    },
  });
  return {
    bridge,
    packets,
    calls,
    finishPdf() {
      pdfRun?.settle(ok({ fileName: 'packet.pdf', pdfBase64: btoa('%PDF-1.7 fake'), pages: 1 }));
      pdfRun = null;
    },
    touch(id, title) {
      const stored = packets.get(id)!;
      packets.set(id, { ...stored, definition: { ...stored.definition, cover: { ...stored.definition.cover, title } }, revision: stored.revision + 1, updatedAt: stamp() });
    },
  };
}
