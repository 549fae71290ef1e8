// compare.plans and compare.export through the real core: renewal-v2 imported as a new version
// of renewal-v1 (text inserted before the items, an item deleted, a new （四） pushing the rest
// down, an item split in two, two merged, a headline reworded, a body edited by a few
// characters, punctuation turned half-width), then compared; and two plans that are not
// versions of one another, paired by matching their texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { importDocument } from '../../../electron/core/import/pipeline';
import { storeImportedPlan } from '../../../electron/core/plan/store-imported';
import { importVersion } from '../../../electron/core/services/versions/version-import';
import { assignItem } from '../../../electron/core/services/versions/assign';
import type { CompareRow, Comparison } from '../../../shared/api/compare/methods';
import type { Result } from '../../../shared/api/result';
import { createTestCore } from '../../helpers/core';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';
import { value } from '../../helpers/result';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'versions');
const temp = useTempDirs('briefbook-compare-');
let core: Core;

beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const doc = (name: string) => importDocument(readFileSync(join(FIXTURES, name)), name);
async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await core.router.dispatch(method, args)) as Result<T>;
}

/** Each row as "kind flags: left numeral+headline | right numeral+headline". */
function describeRows(rows: CompareRow[]): string[] {
  return rows.map((r) => {
    const flags = [r.kind, r.moved ? 'moved' : '', r.renumbered ? 'renumbered' : '', r.punctuationOnly ? 'punctuation' : '']
      .filter(Boolean)
      .join(' ');
    const name = (i: CompareRow['left']) => (i ? `${i.numeral}${i.headline}` : '—');
    return `${flags}: ${name(r.left)} | ${name(r.right)}`;
  });
}

async function twoVersions(): Promise<{ v1: string; v2: string }> {
  const v1 = storeImportedPlan(core.db, await doc('renewal-v1.txt')).planId;
  const v2 = importVersion(core.db, await doc('renewal-v2.txt'), v1).planId;
  return { v1, v2 };
}

describe('compare.plans', () => {
  it('pairs two versions by their stored successions, marks added and removed items where they were', async () => {
    const { v1, v2 } = await twoVersions();
    const c = value(await call<Comparison>('compare.plans', { leftPlanId: v1, rightPlanId: v2 }));
    expect(c.basis).toBe('lineage');
    expect([c.left.version, c.right.version]).toEqual([1, 2]);
    expect(describeRows(c.rows)).toEqual([
      'edited: （一）推进老旧小区改造 | （一）推进老旧小区改造',
      'added: — | （二）实施加装电梯和管网更新',
      'unchanged renumbered: （二）完善社区服务设施 | （三）完善社区服务设施',
      'added: — | （四）发展社区商业',
      'unchanged renumbered: （三）建设口袋公园 | （五）建设口袋公园',
      'unchanged renumbered: （四）提升交通微循环 | （六）提升交通微循环',
      'removed: （五）加强历史文化保护 | —',
      'edited: （一）加强组织领导 | （一）健全组织领导机制',
      'edited: （二）强化资金保障 | （二）强化资金保障',
      'edited: （三）完善政策体系 | （三）完善政策体系和督查考核',
      'removed: （四）严格督查考核 | —',
      'edited renumbered punctuation: （五）营造良好氛围 | （四）营造良好氛围',
      'unchanged renumbered: （六）做好风险防控 | （五）做好风险防控',
    ]);
    expect(c.counts).toEqual({ unchanged: 0, edited: 5, added: 2, removed: 2, moved: 0, renumbered: 5, changes: 13 });
  });

  it('shows the edits inside an item as a character diff', async () => {
    const { v1, v2 } = await twoVersions();
    const c = value(await call<Comparison>('compare.plans', { leftPlanId: v1, rightPlanId: v2 }));
    const row = (headline: string) => c.rows.find((r) => r.right?.headline === headline)!;
    expect(row('强化资金保障').headlineDiff).toBeNull();
    expect(row('强化资金保障').bodyDiff!.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: '不少于2亿元' }]);
    expect(row('健全组织领导机制').headlineDiff).toEqual([
      { op: 'delete', text: '加强' },
      { op: 'insert', text: '健全' },
      { op: 'equal', text: '组织领导' },
      { op: 'insert', text: '机制' },
    ]);
    const widths = row('营造良好氛围').bodyDiff!.filter((p) => p.punctuationWidth);
    expect(widths.map((p) => `${p.op}:${p.text}`)).toEqual(['delete:，', 'insert:,', 'delete:，', 'insert:,', 'delete:。', 'insert:.']);
  });

  it('reads the same chains the other way with the newer version on the left', async () => {
    const { v1, v2 } = await twoVersions();
    const c = value(await call<Comparison>('compare.plans', { leftPlanId: v2, rightPlanId: v1 }));
    expect(c.counts).toMatchObject({ added: 2, removed: 2, edited: 5, renumbered: 5 });
    expect(c.rows.filter((r) => r.kind === 'removed').map((r) => r.left!.headline)).toEqual(['实施加装电梯和管网更新', '发展社区商业']);
    const funds = c.rows.find((r) => r.left?.headline === '强化资金保障')!;
    expect(funds.bodyDiff!.filter((p) => p.op !== 'equal')).toEqual([{ op: 'delete', text: '不少于2亿元' }]);
  });

  it("follows the reader's own assignment", async () => {
    const { v1, v2 } = await twoVersions();
    const removed = c0(value(await call<Comparison>('compare.plans', { leftPlanId: v1, rightPlanId: v2 })));
    const target = core.db.prepare("SELECT id FROM initiatives WHERE plan_id = ? AND headline = '发展社区商业'").pluck().get(v2) as string;
    assignItem(core.db, removed, target, 0);
    const after = value(await call<Comparison>('compare.plans', { leftPlanId: v1, rightPlanId: v2 }));
    const row = after.rows.find((r) => r.left?.id === removed)!;
    expect(row).toMatchObject({ kind: 'edited', basis: 'manual', right: { id: target } });
    expect(after.rows.filter((r) => r.right?.id === target)).toHaveLength(1);
    expect(after.counts).toMatchObject({ added: 1, removed: 1 });
  });

  it('pairs two plans that are not versions of each other by matching their texts', async () => {
    const a = storeImportedPlan(core.db, await doc('renewal-v1.txt')).planId;
    const b = storeImportedPlan(core.db, await doc('renewal-v3.txt')).planId;
    const c = value(await call<Comparison>('compare.plans', { leftPlanId: a, rightPlanId: b }));
    expect(c.basis).toBe('matching');
    // Every item is in exactly one row, on its side, in its plan's order.
    const left = core.db.prepare('SELECT count(*) FROM initiatives WHERE plan_id = ?').pluck().get(a);
    const right = core.db.prepare('SELECT count(*) FROM initiatives WHERE plan_id = ?').pluck().get(b);
    expect(c.rows.filter((r) => r.left).length).toBe(left);
    expect(c.rows.filter((r) => r.right).length).toBe(right);
    expect(c.rows.find((r) => r.left?.headline === '做好风险防控')?.right).not.toBeNull();
  });

  it('names a plan that does not exist, and a malformed id', async () => {
    const missing = await call('compare.plans', { leftPlanId: 'hz-2024', rightPlanId: 'p-nope' });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('p-nope') });
    const bad = await call('compare.plans', { leftPlanId: 'hz-2024', rightPlanId: '../x' });
    expect(bad.ok ? null : bad.error.code).toBe('BAD_REQUEST');
  });
});

/** The one removed item that was merged into another (严格督查考核). */
function c0(c: Comparison): string {
  return c.rows.find((r) => r.kind === 'removed' && r.left!.headline === '严格督查考核')!.left!.id;
}

describe('compare.export', () => {
  it('writes the changed items as CSV, wording changes inline', async () => {
    const { v1, v2 } = await twoVersions();
    const { fileName, content } = value(
      await call<{ fileName: string; content: string }>('compare.export', { leftPlanId: v1, rightPlanId: v2, format: 'csv', language: 'zh' }),
    );
    expect(fileName).toBe(`briefbook-compare-${v1}-${v2}.csv`);
    expect(content.startsWith('\uFEFF变化,原编号,原标题,新编号,新标题,标题改动,正文改动\r\n')).toBe(true);
    const lines = content.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 13);
    expect(lines).toContain('新增,,,（四）,发展社区商业,,');
    expect(lines).toContain('删除,（五）,加强历史文化保护,,,,');
    expect(lines.find((l) => l.includes('强化资金保障'))).toContain('市财政每年安排专项资金{+不少于2亿元+}');
    expect(lines.find((l) => l.startsWith('修改'))).toBeDefined();
  });

  it('writes a self-contained printable HTML page in English', async () => {
    const { v1, v2 } = await twoVersions();
    const { content } = value(
      await call<{ fileName: string; content: string }>('compare.export', { leftPlanId: v1, rightPlanId: v2, format: 'html', language: 'en' }),
    );
    expect(content).toMatch(/^<!doctype html>/);
    expect(content).toContain('@media print');
    expect(content).toContain('<ins>不少于2亿元</ins>');
    expect(content).toContain('<del class="w">，</del>');
    expect(content).not.toMatch(/<script|src=|href=/i);
  });
});
