// Valid arguments for every contract method, in an order the real core accepts when they are
// dispatched one after another on a fresh data folder (each write names the revision the one
// before it left). Shared by the router test and the write-transaction check.
import type { ApiArgs, ApiMethod } from '../../shared/api/contract';

/** Valid arguments for every method. Typed by the contract, so a new method must be added. */
export const VALID_ARGS: { [M in ApiMethod]: ApiArgs<M> } = {
  'app.info': {},
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
  'storage.status': {},
  'storage.check': {},
  'storage.backups': {},
  'storage.backupNow': {},
  // A placeholder: callers restore the backup storage.backupNow has just made (its name has the time).
  'storage.restore': { name: 'briefbook-2024-06-01T00-00-00-000Z-manual.sqlite3' },
  'storage.quarantineAndStartNew': { confirm: true },
};
