// Rows of one table query, fetched in fixed windows of PAGE_SIZE rows as the viewport needs
// them. The core answers every page with the query's total and groups too (every group's
// count, and the groups of the page's rows by name), so the newest answer also refreshes those.
// Every group's count is sent once per layout: a page asks naming the layout it holds (its
// stamp), and the core leaves the counts out while that layout stands (at 100,000 theme groups
// they are about 400 kB of JSON a page).
// Facet counts cost far more than a page at scale, so they come only when a facet's menu opens
// (facet(), kept by the query cache until a write). revalidate() (after an edit) refetches what
// is in view while the old rows stay on screen, so the table never blinks to placeholders.
import type { FacetList, FacetName, InitiativeRow, TableGroup, TablePage } from '../../../../shared/domain/table';

export const PAGE_SIZE = 200;
/** Pages kept per query; the farthest from the last requested range go first. */
const MAX_PAGES = 40;

/** A page of rows with the query's total and groups (no facet counts). */
export type PageAnswer = Pick<TablePage, 'rows' | 'total' | 'totalExact' | 'groups' | 'groupCounts' | 'groupLayout' | 'groupsAcrossPlans'>;
/** `exactTotal`: the total counted exactly even for a search with many hits (table.query's
 *  exactTotal); `groupLayout`: the stamp of the group layout whose counts the cache holds
 *  (table.query's groupLayout: the answer's groupCounts is null while it stands). */
export type PageFetcher = (offset: number, limit: number, exactTotal?: boolean, groupLayout?: string) => Promise<PageAnswer>;
/** How much of a facet a menu lists (table.facets' limit and match). */
export interface FacetListing {
  limit?: number;
  match?: string;
}
/** One facet's counts under the query (table.facets). */
export type FacetFetcher = (facet: FacetName, listing?: FacetListing) => Promise<FacetList>;
/** The query's total and its groups: every group's row count (the layout of the header lines),
 *  and the groups named so far by the answers (each page names those its rows are in), by index. */
export interface PageMeta extends Pick<TablePage, 'total' | 'totalExact' | 'groupLayout' | 'groupsAcrossPlans'> {
  /** Every group's count (held from the answer that brought them when later ones leave them out). */
  groupCounts: number[];
  groups: ReadonlyMap<number, TableGroup>;
}

/** An answer with its counts: those of the layout the page was asked naming (`held`) when the
 *  core left them out. */
export type CountedAnswer = Omit<PageAnswer, 'groupCounts'> & { groupCounts: number[] };

/** A group layout's stamp and counts, as a page names it (PageFetcher's groupLayout). */
interface HeldLayout {
  stamp: string;
  counts: number[];
}

export function withCounts(page: PageAnswer, held: HeldLayout | null): CountedAnswer {
  if (page.groupCounts) return page as CountedAnswer;
  // The core leaves them out only for the stamp it was sent.
  if (!held || page.groupLayout !== held.stamp) throw new Error(`table.query left out the counts of a group layout not held (${page.groupLayout})`);
  return { ...page, groupCounts: held.counts };
}

const sameCounts = (a: readonly number[], b: readonly number[]) => a === b || (a.length === b.length && a.every((n, i) => n === b[i]));

/** The meta of an answer, with the groups `known` named before under the same layout. */
export function metaOf(page: CountedAnswer, known?: PageMeta | null): PageMeta {
  const groups = new Map(known && sameCounts(known.groupCounts, page.groupCounts) ? known.groups : []);
  for (const group of page.groups) groups.set(group.index, group);
  return {
    total: page.total,
    totalExact: page.totalExact,
    groupCounts: page.groupCounts,
    ...(page.groupLayout !== undefined ? { groupLayout: page.groupLayout } : {}),
    groupsAcrossPlans: page.groupsAcrossPlans,
    groups,
  };
}

interface Page {
  rows: InitiativeRow[];
  generation: number;
}

export class PageCache {
  private readonly pages = new Map<number, Page>();
  /** Page index → generation being fetched. */
  private readonly inflight = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private lastRange: [number, number] = [0, PAGE_SIZE - 1];
  private disposed = false;
  /** The reader asked for the exact total (countExactly): every later page asks for it too. */
  private exact = false;
  /** Bumped on every change: the snapshot React subscribes to. */
  version = 0;
  meta: PageMeta | null = null;
  /** The generation the meta's groups were named in (an edit since may have moved them). */
  private metaGeneration = -1;
  error: unknown = null;

  constructor(
    private readonly fetchPage: PageFetcher,
    private readonly fetchFacet: FacetFetcher = () => Promise.resolve({ entries: [], more: 0 }),
  ) {}

  /** One facet's counts under this query, fetched now. The query cache keeps them (FacetFilter's
   *  ['table', 'facets', …]), so a write that invalidates ['table'] refetches them too. */
  facet(name: FacetName, listing?: FacetListing): Promise<FacetList> {
    return this.fetchFacet(name, listing);
  }

  /** A theme's headline from the rows loaded so far (a filter chip's label before any facet
   *  menu was opened), or undefined. */
  themeHeadline(themeId: string): string | undefined {
    for (const page of this.pages.values()) {
      const row = page.rows.find((r) => r.themeId === themeId);
      if (row) return row.themeHeadline;
    }
    return undefined;
  }

  /** A plan's title from the rows loaded so far (a filter chip's label before the plan facet's
   *  menu was opened), or undefined. */
  planTitle(planId: string): string | undefined {
    for (const page of this.pages.values()) {
      const row = page.rows.find((r) => r.planId === planId);
      if (row) return row.planTitle;
    }
    return undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  rowAt(index: number): InitiativeRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE];
  }

  /** True once the first answer for this query arrived. */
  get loaded(): boolean {
    return this.meta !== null;
  }

  /** Makes sure rows first..last (inclusive) are loaded or on their way; fetches nothing else. */
  request(first: number, last: number): void {
    if (this.disposed) return;
    const total = this.meta?.total;
    const end = total === undefined ? last : Math.min(last, total - 1);
    this.lastRange = [first, Math.max(first, end)];
    if (end < first) return;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) this.fetch(p);
  }

  /** Rows first..last, fetching what is missing (a shift-click range over unloaded rows). */
  async rows(first: number, last: number): Promise<InitiativeRow[]> {
    const pages: Promise<void>[] = [];
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
      if (!this.pages.has(p)) pages.push(this.load(p, this.generation));
    }
    await Promise.all(pages);
    const out: InitiativeRow[] = [];
    for (let i = first; i <= last; i++) {
      const row = this.rowAt(i);
      if (row) out.push(row);
    }
    return out;
  }

  /** After an edit: the data may have moved; refetch what is in view, keep showing the old rows meanwhile. */
  revalidate(): void {
    this.generation++;
    for (const p of [...this.pages.keys()]) {
      if (!this.nearRange(p)) this.pages.delete(p);
    }
    this.request(...this.lastRange);
  }

  /** Shows a saved row at once, wherever it is cached. */
  replaceRow(row: InitiativeRow): void {
    let changed = false;
    for (const page of this.pages.values()) {
      const at = page.rows.findIndex((r) => r.id === row.id);
      if (at >= 0) {
        page.rows = page.rows.with(at, row);
        changed = true;
      }
    }
    if (changed) this.notify();
  }

  /** The exact total of a search whose total was estimated ("about N"): its first page asked
   *  again with exactTotal, the total it brings replacing the estimate. */
  async countExactly(): Promise<void> {
    this.exact = true;
    const generation = this.generation;
    const page = await this.ask(0, true);
    if (this.disposed || generation !== this.generation) return;
    this.pages.set(0, { rows: page.rows, generation });
    this.setMeta(page, generation);
    this.notify();
  }

  retry(): void {
    this.error = null;
    this.notify();
    this.request(...this.lastRange);
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  /**
   * Takes page p from a request made before this cache existed (the first page asked for at the
   * start, first-page.ts): its answer if it is already in (`value`, stored now, so a render right
   * after has the rows), else the request, as if this cache had made it.
   */
  adopt(p: number, answer: Promise<PageAnswer>, value?: PageAnswer): void {
    // Asked without a stamp: its counts are in.
    if (value) {
      this.store(p, withCounts(value, null), this.generation);
      return;
    }
    void this.load(p, this.generation, answer.then((page) => withCounts(page, null))).catch(() => undefined);
  }

  private fetch(p: number): void {
    const have = this.pages.get(p);
    if (have && have.generation === this.generation) return;
    if (this.inflight.get(p) === this.generation) return;
    void this.load(p, this.generation).catch(() => undefined);
  }

  /** A page asked naming the group layout held now, its counts filled in from it if left out
   *  (the layout held when the answer comes may be another). */
  private async ask(offset: number, exactTotal?: boolean): Promise<CountedAnswer> {
    const stamp = this.meta?.groupLayout;
    const held = stamp !== undefined ? { stamp, counts: this.meta!.groupCounts } : null;
    return withCounts(await this.fetchPage(offset, PAGE_SIZE, exactTotal, held?.stamp), held);
  }

  private async load(p: number, generation: number, asked?: Promise<CountedAnswer>): Promise<void> {
    this.inflight.set(p, generation);
    try {
      const page = await (asked ?? this.ask(p * PAGE_SIZE, this.exact || undefined));
      if (this.disposed) return;
      const current = this.pages.get(p);
      // A late answer from before a revalidate must not replace a newer one.
      if (current && current.generation > generation) return;
      this.store(p, page, generation);
    } catch (error) {
      if (this.disposed) return;
      this.error = error;
      this.notify();
      throw error;
    } finally {
      if (this.inflight.get(p) === generation) this.inflight.delete(p);
    }
  }

  private store(p: number, page: CountedAnswer, generation: number): void {
    this.pages.set(p, { rows: page.rows, generation });
    // An estimated total never replaces an exact one of the same generation (a page near the
    // end counted exactly; an earlier page's answer arriving after it).
    const keepExact = this.meta?.totalExact && !page.totalExact && generation === this.generation;
    if ((generation === this.generation || !this.meta) && !keepExact) this.setMeta(page, generation);
    this.error = null;
    this.evict();
    this.notify();
  }

  /** The answer's total and groups; the groups named by earlier answers of the same generation
   *  are kept (each page names only its own). */
  private setMeta(page: CountedAnswer, generation: number): void {
    this.meta = metaOf(page, this.metaGeneration === generation ? this.meta : null);
    this.metaGeneration = generation;
  }

  private nearRange(p: number): boolean {
    const [first, last] = this.lastRange;
    return p >= Math.floor(first / PAGE_SIZE) - 1 && p <= Math.floor(last / PAGE_SIZE) + 1;
  }

  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const centre = Math.floor((this.lastRange[0] + this.lastRange[1]) / 2 / PAGE_SIZE);
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of byDistance.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
