// A small in-memory stand-in for the core's plan library and importer, answering as the real
// services do: every write names a revision and a stale one gets CONFLICT with the stored
// entry; trashing a plan with reader values needs confirm; plan.list and plan.get follow the
// library (trashed plans are gone from them). Its methods are added to the fake desktop bridge,
// so the whole App runs against it through the real api client. Imports: import.preview answers
// from `previews` by file name (or a refusal from `refusals`), import.commit adds the plan.
import type { ImportChoices, ImportPreview } from '../../../shared/api/import/methods';
import type { LibraryEntry } from '../../../shared/api/library/methods';
import type { PlanOutline, PlanSummary } from '../../../shared/api/contract';
import type { ImportedDocument, Section } from '../../../shared/domain/document';
import { applyImportChoices } from '../../../shared/domain/outline-edits';
import type { Result } from '../../../shared/api/result';
import { createFakeBridge, fail, ok, type FakeBridge } from '../fake-bridge';
import { META, OUTLINE, PLAN_ID } from '../plan-fixture';

export function entry(patch: Partial<LibraryEntry> & { id: string; title: string }): LibraryEntry {
  return {
    originalTitle: patch.title,
    issuer: null,
    docNumber: null,
    date: null,
    format: 'docx',
    fileName: `${patch.id}.docx`,
    importedAt: '2026-12-01T10:00:00Z',
    themeCount: 2,
    itemCount: 6,
    progress: { withStatus: 0, done: 0 },
    tags: [],
    trashedAt: null,
    revision: 0,
    readerValues: 0,
    translations: [],
    ...patch,
  };
}

export const EMBEDDED = entry({
  id: PLAN_ID,
  title: META.title,
  issuer: '杭州日报',
  date: '2024-05-11',
  format: 'embedded',
  fileName: null,
  importedAt: '2026-11-01T09:00:00Z',
  themeCount: 5,
  itemCount: 15,
  progress: { withStatus: 4, done: 2 },
  readerValues: 7,
  translations: ['en'],
});

export const WORK_PLAN = entry({
  id: 'p-1a2b3c4d',
  title: '浙江省数字经济发展实施方案',
  issuer: '浙江省人民政府办公厅',
  docNumber: '浙政办发〔2024〕5号',
  date: '2024-03-05',
  importedAt: '2026-12-02T08:00:00Z',
  themeCount: 3,
  itemCount: 12,
});

export const REGULATION = entry({
  id: 'p-5e6f7a8b',
  title: '安全生产条例',
  issuer: '杭州市人民代表大会常务委员会',
  date: '2023-11-20',
  format: 'pdf',
  importedAt: '2026-11-20T08:00:00Z',
});

/** An outline for an imported plan: the fixture's shape under another id and title. */
export function outlineOf(e: LibraryEntry): PlanOutline {
  if (e.id === PLAN_ID) return OUTLINE;
  return { ...OUTLINE, meta: { ...META, id: e.id, title: e.originalTitle, themeLine: null }, lists: [] };
}

const section = (id: string, kind: Section['kind'], numbering: string, heading: string, children: Section[] = []): Section => ({
  id,
  kind,
  numbering,
  ordinal: null,
  heading,
  blocks: [{ id: `${id}/b`, type: 'paragraph', text: `${heading}的正文。` }],
  children,
});

/** A detected document: 一、 themes over （一） initiatives, one warning. */
export function importedDocument(fileName: string, title = '杭州市推进新型工业化实施方案'): ImportedDocument {
  return {
    metadata: {
      title,
      issuer: '杭州市人民政府',
      docNumber: '杭政发〔2024〕12号',
      date: '2024-06-01',
      dateText: '2024年6月1日',
      source: null,
      noticeTitle: null,
      addressees: null,
      publicationNote: null,
      column: null,
      author: null,
      editor: null,
      graphics: null,
      authorNote: null,
      tags: [],
      attachments: [],
    },
    levels: { theme: 'cn-comma', item: 'cn-paren' },
    notice: [],
    preamble: [],
    sections: [
      section('n/s1', 'cn-comma', '一、', '总体要求', [
        section('n/s1a', 'cn-paren', '（一）', '指导思想'),
        section('n/s1b', 'cn-paren', '（二）', '主要目标'),
      ]),
      section('n/s2', 'cn-comma', '二、', '重点任务', [
        section('n/s2a', 'cn-paren', '（一）', '培育先进制造业集群'),
        section('n/s2b', 'cn-paren', '（三）', '推进数字化转型'),
        section('n/s2c', 'cn-paren', '（四）', '强化要素保障'),
      ]),
    ],
    enumerations: [],
    warnings: [
      {
        code: 'skipped-number',
        message: 'skipped number: （三）推进数字化转型 comes after （一） (block 14)',
        at: 'block 14',
        params: { numbering: '（三）', heading: '推进数字化转型', previous: '（一）' },
        place: { page: null, line: null, section: '二、重点任务', paragraph: null },
      },
    ],
    source: { fileName, format: 'docx', encoding: null, sha256: 'ab'.repeat(32) },
  };
}

export interface FakeLibrary extends FakeBridge {
  entries: LibraryEntry[];
  /** Previews to answer by file name (a new plan id each). */
  previews: Map<string, { document: ImportedDocument; duplicateOf?: ImportPreview['duplicateOf'] }>;
  /** Files the importer refuses, by name, with the core's message. */
  refusals: Map<string, string>;
  /** import.preview answers only when this resolves (to test Cancel while reading). */
  hold: Promise<void> | null;
  commits: Array<{ previewId: string; choices: ImportChoices; document: ImportedDocument }>;
  /** Another window changes an entry: its revision goes up. */
  changeElsewhere(planId: string, patch: Partial<LibraryEntry>): void;
}

export function createFakeLibrary(entries: LibraryEntry[] = [EMBEDDED, WORK_PLAN, REGULATION], saved: Record<string, string> = {}): FakeLibrary {
  const state = {
    entries: entries.map((e) => ({ ...e })),
    previews: new Map<string, { document: ImportedDocument; duplicateOf?: ImportPreview['duplicateOf'] }>(),
    refusals: new Map<string, string>(),
    hold: null as Promise<void> | null,
    commits: [] as FakeLibrary['commits'],
  };
  const pending = new Map<string, { fileName: string; document: ImportedDocument }>();
  let seq = 0;
  const cancelled = new Set<string>();
  const find = (planId: string) => state.entries.find((e) => e.id === planId);
  const replace = (next: LibraryEntry) => {
    state.entries = state.entries.map((e) => (e.id === next.id ? next : e));
    return next;
  };
  const stale = (e: LibraryEntry) => fail('CONFLICT', `${e.id} was changed elsewhere`) as Result<never> & { error: { current?: unknown } };
  const conflict = (e: LibraryEntry): Result<never> => {
    const r = stale(e);
    if (!r.ok) r.error.current = e;
    return r;
  };
  const summary = (e: LibraryEntry): PlanSummary => ({
    id: e.id,
    title: e.title,
    publishedAt: e.date,
    source: e.issuer,
    author: null,
    themeCount: e.themeCount,
    initiativeCount: e.itemCount,
  });
  const newestFirst = (list: LibraryEntry[]) => list.toSorted((a, b) => (a.importedAt < b.importedAt ? 1 : -1));

  const fake = createFakeBridge(
    {
      'plan.list': async () => ok(newestFirst(state.entries.filter((e) => !e.trashedAt)).map(summary)),
      'plan.get': async ({ planId }) => {
        const e = find(planId);
        return e && !e.trashedAt ? ok(outlineOf(e)) : fail('NOT_FOUND', `No plan with id ${planId}`);
      },
    },
    saved as never,
  );

  const methods: Record<string, (args: never) => Promise<Result<unknown>>> = {
    'library.list': async ({ trash }: { trash?: boolean }) => ok(newestFirst(state.entries.filter((e) => !!e.trashedAt === !!trash))),
    'library.update': async ({ planId, baseRevision, patch }: { planId: string; baseRevision: number; patch: { title?: string | null; tags?: string[] } }) => {
      const e = find(planId);
      if (!e) return fail('NOT_FOUND', `No plan with id ${planId}`);
      if (e.revision !== baseRevision) return conflict(e);
      const title = patch.title === undefined ? e.title : (patch.title ?? e.originalTitle);
      return ok(replace({ ...e, title, tags: patch.tags ?? e.tags, revision: e.revision + 1 }));
    },
    'library.trash': async ({ planId, baseRevision, confirm }: { planId: string; baseRevision: number; confirm?: boolean }) => {
      const e = find(planId);
      if (!e) return fail('NOT_FOUND', `No plan with id ${planId}`);
      if (e.revision !== baseRevision) return conflict(e);
      if (e.readerValues > 0 && !confirm) return fail('BAD_REQUEST', `${planId} carries ${e.readerValues} reader values: confirm`);
      return ok(replace({ ...e, trashedAt: '2026-12-05T12:00:00Z', revision: e.revision + 1 }));
    },
    'library.restore': async ({ planId, baseRevision }: { planId: string; baseRevision: number }) => {
      const e = find(planId);
      if (!e) return fail('NOT_FOUND', `No plan with id ${planId}`);
      if (e.revision !== baseRevision) return conflict(e);
      return ok(replace({ ...e, trashedAt: null, revision: e.revision + 1 }));
    },
    'library.purge': async ({ planId, baseRevision }: { planId: string; baseRevision: number }) => {
      const e = find(planId);
      if (!e) return fail('NOT_FOUND', `No plan with id ${planId}`);
      if (e.revision !== baseRevision) return conflict(e);
      state.entries = state.entries.filter((x) => x.id !== planId);
      return ok(null);
    },
    'import.preview': async ({ previewId, fileName }: { previewId: string; fileName: string; dataBase64: string }) => {
      if (state.hold) await state.hold;
      if (!pending.has(previewId) && cancelled.has(previewId)) return fail('CANCELLED' as never, 'cancelled');
      const refusal = state.refusals.get(fileName);
      if (refusal) return fail('BAD_REQUEST', refusal);
      const known = state.previews.get(fileName);
      const document = known?.document ?? importedDocument(fileName);
      pending.set(previewId, { fileName, document });
      return ok({ previewId, document, duplicateOf: known?.duplicateOf ?? null } satisfies ImportPreview);
    },
    'import.cancel': async ({ previewId }: { previewId: string }) => {
      cancelled.add(previewId);
      pending.delete(previewId);
      return ok(null);
    },
    'import.commit': async ({ previewId, choices }: { previewId: string; choices: ImportChoices }) => {
      const p = pending.get(previewId);
      if (!p) return fail('NOT_FOUND', `No preview ${previewId}`);
      const document = applyImportChoices(p.document, choices);
      state.commits.push({ previewId, choices, document });
      pending.delete(previewId);
      const id = `p-new${++seq}`;
      state.entries.push(
        entry({
          id,
          title: document.metadata.title ?? p.fileName,
          issuer: document.metadata.issuer,
          docNumber: document.metadata.docNumber,
          date: document.metadata.date,
          fileName: p.fileName,
          importedAt: `2026-12-05T12:00:0${seq}Z`,
        }),
      );
      return ok({ planId: id, duplicate: false, themeCount: 2, itemCount: 5 });
    },
  };
  for (const [name, fn] of Object.entries(methods)) {
    (fake.bridge as unknown as Record<string, unknown>)[name] = (args: never) => {
      fake.calls.push({ method: name as never, args });
      return fn(args);
    };
  }

  const result = fake as FakeLibrary;
  // Live views of the state (Object.assign would copy a getter's value once).
  Object.defineProperty(result, 'entries', { get: () => state.entries });
  Object.defineProperty(result, 'hold', { get: () => state.hold, set: (value: Promise<void> | null) => (state.hold = value) });
  result.previews = state.previews;
  result.refusals = state.refusals;
  result.commits = state.commits;
  result.changeElsewhere = (planId, patch) => {
    const e = find(planId)!;
    replace({ ...e, ...patch, revision: e.revision + 1 });
  };
  return result;
}

/** The calls made to one method, their arguments. */
export const callsOf = (fake: FakeBridge, method: string) => fake.calls.filter((c) => c.method === (method as never)).map((c) => c.args);
