// Valid arguments for every contract method, in an order the real core accepts when they are
// dispatched one after another on a fresh data folder (each write names the revision the one
// before it left). Shared by the router test and the write-transaction check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiArgs, ApiMethod } from '../../shared/api/contract';
import type { Core } from '../../electron/core/core';
import { RESOURCES_DIR } from './paths';

/** A small plan file for the import methods: two numbered sections. */
export const VALID_IMPORT_TEXT = '试点工作方案\n一、总体要求\n坚持问题导向。\n二、重点任务\n推进试点。\n';

/** VALID_IMPORT_TEXT revised: its first item removed, so one item is left unmatched. */
export const VALID_REVISED_TEXT = '试点工作方案\n一、重点任务\n推进试点。\n二、保障措施\n加强领导。\n';
/** The annotation the annotation methods work on (annotation.get creates it first, see validArgs). */
export const VALID_NOTE: ApiArgs<'annotation.create'> = {
  id: '3f1c2b9a-5d4e-4f60-8a7b-1c2d3e4f5a6b',
  kind: 'note',
  planId: 'hz-2024',
  itemId: 'hz-2024/T3/I3',
  target: null,
  color: null,
  body: '一条**笔记**',
  tags: ['重点'],
};

/** An annotation file as exported (JSON): one note on an item of the embedded plan. */
export const VALID_ANNOTATION_FILE = JSON.stringify({
  format: 'briefbook-annotations',
  version: 1,
  exportedAt: '2026-12-05T10:00:00.000Z',
  planId: null,
  colorNames: {},
  annotations: [
    {
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      kind: 'note',
      planId: 'hz-2024',
      itemId: 'hz-2024/T1/I1',
      target: null,
      anchor: null,
      color: null,
      body: '导入的笔记',
      tags: [],
      createdAt: '2026-12-05T09:00:00.000Z',
      modifiedAt: '2026-12-05T09:00:00.000Z',
      revision: 1,
      deletedAt: null,
    },
  ],
});

/** A packet of the embedded plan: a theme and two hand-picked items, notes in the margin. */
export const VALID_PACKET: ApiArgs<'packet.save'>['definition'] = {
  cover: { title: '周例会简报', subtitle: '重点任务进展', preparedFor: '办公室', preparedBy: '研究室', date: '2024-06-01', marking: '内部资料' },
  sources: [
    { kind: 'themes', themeIds: ['hz-2024/T1'] },
    { kind: 'items', itemIds: ['hz-2024/T3/I3', 'hz-2024/T1/I1'] },
  ],
  order: ['hz-2024/T3/I3'],
  options: {
    language: 'zh',
    highlights: true,
    notes: 'margin',
    fields: true,
    summary: true,
    ruledSpace: 'short',
    paper: 'A4',
    orientation: 'portrait',
  },
};

/** Valid arguments for every method. Typed by the contract, so a new method must be added. */
export const VALID_ARGS: { [M in ApiMethod]: ApiArgs<M> } = {
  'app.info': {},
  'app.start': {},
  'plan.list': {},
  'plan.get': { planId: 'hz-2024' },
  'initiative.get': { initiativeId: 'hz-2024/T3/I3' },
  'settings.get': { key: 'ui.theme' },
  'settings.getAll': {},
  'settings.set': { key: 'ui.theme', value: 'dark' },
  'plan.translation': { planId: 'hz-2024', language: 'en' },
  'table.query': {
    planId: 'hz-2024',
    sort: [{ column: 'headline', desc: false }],
    collation: 'pinyin',
    search: '',
    filters: {},
    groupBy: null,
    offset: 0,
    limit: 50,
  },
  'table.facets': {
    query: { planId: 'hz-2024', sort: [], collation: 'pinyin', search: '', filters: { statuses: ['done'] }, groupBy: null },
    facet: 'theme',
  },
  'table.rows': { ids: ['hz-2024/T3/I3'] },
  'tags.list': {},
  'table.exportCsv': {
    query: { planId: 'hz-2024', sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null },
    columns: ['shortId', 'headline'],
    language: 'zh',
  },
  'initiative.update': { initiativeId: 'hz-2024/T3/I3', baseRevision: 0, patch: { status: 'in_progress' } },
  'status.options': {},
  // Runs after the update above, so it keeps in_progress (removing a used status is a CONFLICT).
  'status.setOptions': {
    options: [
      { key: 'in_progress', label: { zh: '进行中', en: 'In progress' } },
      { key: 'open', label: { zh: '待办', en: 'Open' } },
    ],
    baseRevision: 0,
  },
  'view.list': {},
  'view.save': {
    baseRevision: 0,
    name: 'Mine',
    state: {
      sort: [],
      collation: 'pinyin',
      search: '',
      filters: {},
      groupBy: null,
      columns: { order: ['shortId', 'headline'], hidden: [], sizes: { headline: 320 } },
    },
  },
  'view.delete': { id: 1, baseRevision: 1 }, // the view saved just before
  'dashboard.get': { planId: 'hz-2024', today: '2024-06-01' },
  'library.list': {},
  'library.update': { planId: 'hz-2024', baseRevision: 0, patch: { title: '杭州 2024', tags: ['城市'] } },
  // The plan carries a status set above, so moving it to the trash needs the confirmation.
  'library.trash': { planId: 'hz-2024', baseRevision: 1, confirm: true },
  'library.restore': { planId: 'hz-2024', baseRevision: 2 },
  // A placeholder: a plan must be in the trash to be purged (validArgs puts it there first).
  'library.purge': { planId: 'hz-2024', baseRevision: 4 },
  'storage.status': {},
  'storage.check': {},
  'storage.backups': {},
  'storage.backupNow': {},
  // A placeholder: callers restore the backup storage.backupNow has just made (its name has the time).
  'storage.restore': { name: 'briefbook-2024-06-01T00-00-00-000Z-manual.sqlite3' },
  'storage.quarantineAndStartNew': { confirm: true },
  'storage.cancelOpening': {},
  'storage.openLibrary': {},
  'import.preview': { previewId: 'valid-preview-1', fileName: 'plan.txt', dataBase64: Buffer.from(VALID_IMPORT_TEXT).toString('base64') },
  // Another preview's id: cancelling one that is gone is no error, and preview 1 stays to commit.
  'import.cancel': { previewId: 'valid-preview-2' },
  'import.commit': { previewId: 'valid-preview-1', choices: { levels: { theme: null, item: 'cn-comma' }, edits: [] } },
  'version.list': { planId: 'hz-2024' },
  'version.unmatched': { planId: 'hz-2024' },
  // A placeholder: validArgs imports a revision of the plan import.commit stored and names the
  // item it left unmatched.
  'version.assign': { fromItemId: 'hz-2024/T1/I1', toItemId: null, baseRevision: 0 },
  // The embedded plan against itself: every item paired with itself, unchanged.
  'compare.plans': { leftPlanId: 'hz-2024', rightPlanId: 'hz-2024' },
  'compare.export': { leftPlanId: 'hz-2024', rightPlanId: 'hz-2024', format: 'csv', language: 'zh' },
  'search.query': { text: '营商环境 -"无废城市" talent', filters: {}, offset: 0, limit: 20 },
  'search.recent': {},
  'search.remember': { text: '营商环境' },
  'search.saved.list': {},
  'search.saved.save': { baseRevision: 0, name: '营商', query: { text: '营商环境', filters: { sources: ['plan'] } } },
  'search.saved.delete': { id: 1, baseRevision: 1 }, // the search saved just before
  'translation.template': { planId: 'hz-2024', language: 'en' },
  // The embedded plan's shipped English, attached as a reader would attach a file.
  'translation.attach': {
    planId: 'hz-2024',
    fileName: 'hangzhou-2024-05-11.en.json',
    text: readFileSync(join(RESOURCES_DIR, 'plans', 'hangzhou-2024-05-11.en.json'), 'utf8'),
  },
  'annotation.list': { itemId: 'hz-2024/T3/I3', sort: 'text' },
  'annotation.get': { id: VALID_NOTE.id },
  // The same content again: a retried create, answered with the note as stored.
  'annotation.create': VALID_NOTE,
  'annotation.update': { id: VALID_NOTE.id, baseRevision: 1, patch: { body: '改过的笔记' } },
  'annotation.delete': { id: VALID_NOTE.id, baseRevision: 2 },
  'annotation.restore': { id: VALID_NOTE.id, baseRevision: 3 },
  'annotation.emptyTrash': {},
  'annotation.history': { id: VALID_NOTE.id },
  'annotation.restoreRevision': { id: VALID_NOTE.id, baseRevision: 4, revision: 1 },
  'annotation.colorNames': {},
  'annotation.setColorNames': { names: { yellow: '重点', blue: 'Question' } },
  'tags.rename': { from: '重点', to: '要点' },
  'annotation.export': { format: 'jsonld', planId: 'hz-2024' },
  'annotation.import': { fileName: 'annotations.json', text: VALID_ANNOTATION_FILE },
  'packet.list': {},
  'packet.get': { id: 1 }, // validArgs saves it first
  'packet.save': { id: 1, baseRevision: 1, definition: { ...VALID_PACKET, order: [] } },
  'packet.delete': { id: 1, baseRevision: 2 },
  // A placeholder: validArgs saves a packet to duplicate (the one above is deleted).
  'packet.duplicate': { id: 2 },
  'packet.resolve': { definition: VALID_PACKET },
  'packet.html': { definition: VALID_PACKET, language: 'zh', pages: { 'hz-2024/T3/I3': 3 } },
  'packet.pdf': { jobId: '6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b', definition: VALID_PACKET, language: 'en' },
  'packet.progress': { jobId: '6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b' },
  'packet.cancel': { jobId: '6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b' },
};

/** The arguments to dispatch `method` with, after the methods before it in API_METHODS: most
 *  are VALID_ARGS; a few depend on what the calls before them did. */
export async function validArgs(method: ApiMethod, core: Core): Promise<unknown> {
  if (method === 'storage.restore') return { name: core.storage.backups()[0]!.name };
  if (method === 'annotation.get') {
    const created = await core.router.dispatch('annotation.create', VALID_NOTE);
    if (!created.ok) throw new Error(`annotation.create before annotation.get: ${created.error.message}`);
  }
  if (method === 'library.purge') {
    const trashed = await core.router.dispatch('library.trash', { planId: 'hz-2024', baseRevision: 3, confirm: true });
    if (!trashed.ok) throw new Error(`library.trash before library.purge: ${trashed.error.message}`);
  }
  if (method === 'version.assign') return assignArgs(core);
  if (method === 'packet.get' || method === 'packet.duplicate') {
    const saved = await core.router.dispatch('packet.save', { baseRevision: 0, definition: VALID_PACKET });
    if (!saved.ok) throw new Error(`packet.save before ${method}: ${saved.error.message}`);
    return { id: (saved.value as { id: number }).id };
  }
  return VALID_ARGS[method];
}

/** Imports VALID_REVISED_TEXT as a new version of the plan import.commit stored from
 *  VALID_IMPORT_TEXT, and leaves its one unmatched item unmatched. */
async function assignArgs(core: Core): Promise<ApiArgs<'version.assign'>> {
  const committed = await core.router.dispatch('library.list', {});
  if (!committed.ok) throw new Error(committed.error.message);
  const plan = (committed.value as { id: string; fileName: string | null }[]).find((p) => p.fileName === 'plan.txt');
  if (!plan) throw new Error('version.assign: the plan import.commit stored is not in the library');
  const dataBase64 = Buffer.from(VALID_REVISED_TEXT).toString('base64');
  const previewed = await core.router.dispatch('import.preview', { previewId: 'valid-version-1', fileName: 'plan-v2.txt', dataBase64, versionOf: plan.id });
  if (!previewed.ok) throw new Error(`import.preview before version.assign: ${previewed.error.message}`);
  const stored = await core.router.dispatch('import.commit', {
    previewId: 'valid-version-1',
    choices: { levels: { theme: null, item: 'cn-comma' }, edits: [] },
    versionOf: plan.id,
  });
  if (!stored.ok) throw new Error(`import.commit before version.assign: ${stored.error.message}`);
  const unmatched = await core.router.dispatch('version.unmatched', { planId: (stored.value as { planId: string }).planId });
  if (!unmatched.ok) throw new Error(unmatched.error.message);
  const [item] = (unmatched.value as { items: { id: string }[] }).items;
  if (!item) throw new Error('version.assign: the revision left no item unmatched');
  return { fromItemId: item.id, toItemId: null, baseRevision: 0 };
}
