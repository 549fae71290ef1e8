// An in-memory stand-in for the core's annotation service, answering as the real one does:
// list filters, sorts and pages; delete, restore and restoreRevision name a revision and a stale
// one gets CONFLICT with the stored annotation; every change keeps a saved state in the history;
// tags.rename merges onto an existing tag; emptying the trash removes what is there for good.
// Its methods go on the fake desktop bridge, so the renderer's real client code runs against it.
import type {
  Annotation,
  AnnotationEntry,
  AnnotationQuery,
  AnnotationRevision,
  ColorNames,
  HighlightColor,
} from '../../../shared/api/annotations/methods';
import type { PlanSummary } from '../../../shared/api/contract';
import type { AnchorStatus } from '../../../shared/domain/anchoring';
import { createFakeBridge, fail, ok, type FakeBridge } from '../fake-bridge';

export const PLANS: PlanSummary[] = [
  { id: 'hz-2024', title: '杭州打造中国式现代化城市范例', publishedAt: null, source: null, author: null, themeCount: 5, initiativeCount: 15 },
  { id: 'p-anji', title: '安吉县绿色发展实施方案', publishedAt: null, source: null, author: null, themeCount: 2, initiativeCount: 6 },
];

let counter = 0;

export function highlight(patch: {
  quote: string;
  color: HighlightColor;
  body?: string;
  tags?: string[];
  planId?: string;
  itemId?: string;
  numeral?: string;
  headline?: string;
  anchor?: AnchorStatus;
  previousQuote?: string;
  deleted?: boolean;
}): AnnotationEntry {
  counter++;
  const planId = patch.planId ?? 'hz-2024';
  const at = new Date(Date.UTC(2026, 10, 1, 8, counter)).toISOString();
  return {
    id: `a-${counter}`,
    kind: 'highlight',
    planId,
    itemId: patch.itemId ?? `${planId}/T1/I${counter}`,
    target: {
      itemId: patch.itemId ?? `${planId}/T1/I${counter}`,
      part: 'body',
      language: 'zh',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: patch.quote, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: [...patch.quote].length },
      },
    },
    anchor: { status: patch.anchor ?? 'anchored', previousQuote: patch.previousQuote },
    color: patch.color,
    body: patch.body ?? '',
    tags: patch.tags ?? [],
    createdAt: at,
    modifiedAt: at,
    revision: 1,
    deletedAt: patch.deleted ? at : null,
    planTitle: PLANS.find((p) => p.id === planId)!.title,
    itemNumeral: patch.numeral ?? '第一',
    itemHeadline: patch.headline ?? '深化改革',
  };
}

export function note(patch: { body: string; tags?: string[]; planId?: string; itemId?: string | null; deleted?: boolean }): AnnotationEntry {
  const base = highlight({ quote: 'x', color: 'yellow', planId: patch.planId, itemId: patch.itemId ?? undefined });
  const planNote = patch.itemId === null;
  return {
    ...base,
    kind: 'note',
    itemId: planNote ? null : base.itemId,
    target: null,
    anchor: null,
    color: null,
    body: patch.body,
    tags: patch.tags ?? [],
    deletedAt: patch.deleted ? base.createdAt : null,
    itemNumeral: planNote ? null : base.itemNumeral,
    itemHeadline: planNote ? null : base.itemHeadline,
  };
}

export interface FakeAnnotations extends FakeBridge {
  store: Map<string, AnnotationEntry>;
  histories: Map<string, AnnotationRevision[]>;
  colorNames: ColorNames;
  /** Changes an annotation as another window would: a new revision the view has not seen. */
  editElsewhere(id: string, body: string): void;
}

function stateOf(a: Annotation, reason: AnnotationRevision['reason']): AnnotationRevision {
  return { revision: a.revision, body: a.body, color: a.color, tags: [...a.tags], savedAt: a.modifiedAt, reason };
}

function bare(entry: AnnotationEntry): Annotation {
  const { planTitle: _p, itemNumeral: _n, itemHeadline: _h, ...annotation } = entry;
  return annotation;
}

export function createFakeAnnotations(entries: AnnotationEntry[], colorNames: ColorNames = {}): FakeAnnotations {
  const store = new Map(entries.map((e) => [e.id, structuredClone(e)]));
  const histories = new Map(entries.map((e) => [e.id, [stateOf(e, 'edit')]]));
  const state = { colorNames: { ...colorNames } };
  let clock = Date.UTC(2026, 11, 1, 9, 0);
  const tick = () => new Date((clock += 60_000)).toISOString();

  const change = (entry: AnnotationEntry, patch: Partial<AnnotationEntry>, reason: AnnotationRevision['reason']) => {
    Object.assign(entry, patch, { revision: entry.revision + 1, modifiedAt: tick() });
    histories.get(entry.id)!.unshift(stateOf(entry, reason));
  };
  const stale = (id: string, baseRevision: number) => {
    const entry = store.get(id);
    if (!entry) return fail('NOT_FOUND', `No annotation ${id}`);
    if (entry.revision !== baseRevision) return { ok: false as const, error: { code: 'CONFLICT' as const, message: 'stale', current: bare(entry) } };
    return null;
  };

  const list = (q: AnnotationQuery) => {
    const matches = [...store.values()].filter(
      (e) =>
        (q.trashed ? e.deletedAt !== null : e.deletedAt === null) &&
        (!q.planId || e.planId === q.planId) &&
        (!q.kind || e.kind === q.kind) &&
        (!q.color || e.color === q.color) &&
        (!q.tag || e.tags.includes(q.tag)) &&
        (!q.anchor || e.anchor?.status === q.anchor),
    );
    const sort = q.sort ?? 'text';
    matches.sort((a, b) =>
      sort === 'modified' ? b.modifiedAt.localeCompare(a.modifiedAt) : sort === 'created' ? b.createdAt.localeCompare(a.createdAt) : a.id.localeCompare(b.id, 'en', { numeric: true }),
    );
    const offset = q.offset ?? 0;
    return { entries: matches.slice(offset, offset + (q.limit ?? 200)).map((e) => structuredClone(e)), total: matches.length };
  };

  const fake = createFakeBridge({
    'plan.list': async () => ok(PLANS),
    'tags.list': async () => {
      const counts = new Map<string, number>();
      for (const e of store.values()) if (e.deletedAt === null) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return ok([...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)));
    },
    'annotation.list': async (q) => ok(list(q)),
    'annotation.get': async ({ id }) => {
      const entry = store.get(id);
      return entry ? ok(bare(structuredClone(entry))) : fail('NOT_FOUND', `No annotation ${id}`);
    },
    'annotation.delete': async ({ id, baseRevision }) => {
      const refused = stale(id, baseRevision);
      if (refused) return refused;
      const entry = store.get(id)!;
      change(entry, { deletedAt: tick() }, 'trash');
      return ok(bare(structuredClone(entry)));
    },
    'annotation.restore': async ({ id, baseRevision }) => {
      const refused = stale(id, baseRevision);
      if (refused) return refused;
      const entry = store.get(id)!;
      change(entry, { deletedAt: null }, 'untrash');
      return ok(bare(structuredClone(entry)));
    },
    'annotation.emptyTrash': async () => {
      let removed = 0;
      for (const [id, e] of store) {
        if (e.deletedAt === null) continue;
        store.delete(id);
        histories.delete(id);
        removed++;
      }
      return ok({ removed });
    },
    'annotation.history': async ({ id }) => {
      const history = histories.get(id);
      return history ? ok(structuredClone(history)) : fail('NOT_FOUND', `No annotation ${id}`);
    },
    'annotation.restoreRevision': async ({ id, baseRevision, revision }) => {
      const refused = stale(id, baseRevision);
      if (refused) return refused;
      const entry = store.get(id)!;
      const old = histories.get(id)!.find((s) => s.revision === revision);
      if (!old) return fail('NOT_FOUND', `No revision ${revision}`);
      change(entry, { body: old.body, color: old.color, tags: [...old.tags] }, 'restore');
      return ok(bare(structuredClone(entry)));
    },
    'annotation.colorNames': async () => ok({ ...state.colorNames }),
    'annotation.setColorNames': async ({ names }) => {
      state.colorNames = { ...names };
      return ok({ ...state.colorNames });
    },
    'tags.rename': async ({ from, to }) => {
      let annotations = 0;
      for (const e of store.values()) {
        if (!e.tags.includes(from)) continue;
        const tags = [...new Set(e.tags.map((t) => (t === from ? to : t)))];
        change(e, { tags }, 'tag-rename');
        annotations++;
      }
      return ok({ items: 0, annotations });
    },
  });
  return {
    ...fake,
    store,
    histories,
    get colorNames() {
      return state.colorNames;
    },
    editElsewhere(id, body) {
      change(store.get(id)!, { body }, 'edit');
    },
  };
}
