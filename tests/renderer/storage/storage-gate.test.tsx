// The storage gate in jsdom with a scripted client: the recovery screen in place of the app
// when the database was refused (restore and move-aside both lead to the app), the opening
// screen while a new version updates the library (its cancel, and starting again), and the
// damage banner appearing once the background check, pending at first, reports damage.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../renderer/src/api/client';
import { StorageGate } from '../../../renderer/src/features/storage/StorageGate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { storage as storageLocales } from '../../../renderer/src/features/storage/locales';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import type { BackupInfo, OpeningProgress, StorageStatus } from '../../../shared/api/storage/methods';

afterEach(cleanup);

const FILE = '/data/Briefbook/briefbook.sqlite3';
const BACKUP: BackupInfo = {
  name: 'briefbook-2026-12-01T08-00-00-000Z-scheduled.sqlite3',
  createdAt: '2026-12-01T08:00:00.000Z',
  size: 311_296,
  reason: 'scheduled',
  schemaVersion: 3,
};
const READY: StorageStatus = { mode: 'ready', opening: null, file: FILE, problem: null, check: { state: 'ok', level: 'quick', finishedAt: 'x', details: [] }, lastBackup: BACKUP, backupError: null };
const RECOVERY: StorageStatus = {
  mode: 'recovery',
  opening: null,
  file: FILE,
  problem: { kind: 'truncated', file: FILE, message: `The database ${FILE} is cut short (8192 bytes).` },
  check: null,
  lastBackup: BACKUP,
  backupError: null,
};

/** A client answering from a script: `statuses` in turn (the last repeats), and recording calls. */
function scriptedClient(statuses: StorageStatus[]) {
  const calls: { method: string; args: unknown }[] = [];
  let next = 0;
  const client: ApiClient = {
    call: (async (method: string, args: unknown) => {
      calls.push({ method, args });
      if (method === 'storage.status') return statuses[Math.min(next++, statuses.length - 1)];
      if (method === 'storage.backups') return [BACKUP];
      if (method === 'storage.restore') return READY;
      if (method === 'storage.quarantineAndStartNew') return { ...READY, quarantinedTo: '/data/Briefbook/quarantine/x' };
      if (method === 'storage.cancelOpening') return { ...opening(CHUNKED), opening: { ...CHUNKED, cancelling: true } };
      if (method === 'storage.openLibrary') return opening(STARTED);
      throw new Error(`unexpected ${method}`);
    }) as ApiClient['call'],
  };
  return { client, calls };
}

const STARTED: OpeningProgress = {
  from: 13,
  to: 16,
  phase: 'backup',
  step: 0,
  steps: 3,
  stepNames: ['reader-sort-keys', 'plan-totals', 'lead-unit-sort-key'],
  version: null,
  name: null,
  done: null,
  total: null,
  cancelling: false,
  startedAt: '2026-12-07T07:00:00.000Z',
};
const CHUNKED: OpeningProgress = { ...STARTED, phase: 'migrate', step: 1, version: 14, name: 'reader-sort-keys', done: 40_000, total: 199_792 };
const opening = (progress: OpeningProgress): StorageStatus => ({ ...READY, mode: 'opening', opening: progress, check: null });
const CANCELLED: StorageStatus = { ...READY, mode: 'cancelled', opening: null, check: null };

function renderGate(client: ApiClient) {
  return render(
    <I18nProvider i18n={createI18n('zh')}>
      <StorageGate client={client}>
        <p>the app</p>
      </StorageGate>
    </I18nProvider>,
  );
}

describe('storage gate', () => {
  it('shows the recovery screen instead of the app, and restores the chosen backup', async () => {
    const { client, calls } = scriptedClient([RECOVERY, READY]);
    renderGate(client);
    await screen.findByRole('heading', { level: 1, name: 'Briefbook 无法打开您的数据库' });
    expect(screen.getByText('数据库文件不完整（被截断），可能是复制或同步中断所致。')).toBeTruthy();
    expect(screen.getByText(FILE)).toBeTruthy();
    expect(screen.queryByText('the app')).toBeNull();
    const radio = await screen.findByRole('radio');
    expect((radio as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('自动备份')).toBeTruthy();
    expect(screen.getByText('304 KB')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '恢复所选备份' }));
    await screen.findByText('the app');
    expect(calls.filter((c) => c.method === 'storage.restore')).toEqual([{ method: 'storage.restore', args: { name: BACKUP.name } }]);
  });

  it('moves the file aside only after the reader confirms', async () => {
    const { client, calls } = scriptedClient([RECOVERY, READY]);
    renderGate(client);
    fireEvent.click(await screen.findByRole('button', { name: '移走并新建…' }));
    expect(calls.some((c) => c.method === 'storage.quarantineAndStartNew')).toBe(false);
    expect(screen.getByText(`确定要把 ${FILE} 移入 quarantine 文件夹并新建数据库吗？`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认移走并新建' }));
    await screen.findByText('the app');
    expect(calls.filter((c) => c.method === 'storage.quarantineAndStartNew')).toEqual([
      { method: 'storage.quarantineAndStartNew', args: { confirm: true } },
    ]);
  });

  it('starts the app at once and shows the damage banner when the pending check reports damage', async () => {
    const pending: StorageStatus = { ...READY, check: { state: 'pending', level: 'quick', finishedAt: null, details: [] } };
    const damaged: StorageStatus = {
      ...READY,
      check: { state: 'damaged', level: 'quick', finishedAt: 'x', details: ['*** in database main ***', 'Page 56: btreeInitPage() returns error code 11'] },
    };
    const { client } = scriptedClient([pending, damaged]);
    renderGate(client);
    await screen.findByText('the app');
    expect(screen.queryByRole('heading', { name: '数据库文件检测到损坏' })).toBeNull();
    await screen.findByRole('heading', { name: '数据库文件检测到损坏' });
    expect(screen.getByText('the app')).toBeTruthy();
    expect(screen.getByText(/Page 56: btreeInitPage/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '暂时隐藏' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '数据库文件检测到损坏' })).toBeNull());
  });

  it('shows the update of the library as it runs (step, rows done of total), then the app', async () => {
    const filled = opening({ ...CHUNKED, done: 199_792 });
    const { client } = scriptedClient([opening(STARTED), opening({ ...STARTED, phase: 'verify' }), opening(CHUNKED), filled, READY]);
    renderGate(client);
    await screen.findByRole('heading', { level: 1, name: '正在更新资料库' });
    expect(screen.queryByText('the app')).toBeNull();
    expect(screen.getByText('正在备份更新前的文件（备份进行中无法停止）…')).toBeTruthy();
    await screen.findByText('正在检查备份是否完好（检查进行中无法停止）…');
    await screen.findByText('第 1 步，共 3 步：按状态、优先级、期限和修改时间排序的索引');
    expect(screen.getByText('已处理 40,000 / 199,792 行')).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['40000', '199792']);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '备份更新前的文件',
      '第 14 版：按状态、优先级、期限和修改时间排序的索引',
      '第 15 版：各计划的举措总数',
      '第 16 版：按牵头单位排序的索引',
      '保存更新',
    ]);
    expect(screen.getAllByRole('listitem')[1]!.getAttribute('aria-current')).toBe('step');
    await screen.findByText('199,792 行已全部处理，正在完成这一步（无法报告进度）');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    await screen.findByText('the app', undefined, { timeout: 3000 });
  });

  it('cancels the update when asked, says the file is unchanged, and starts it again', async () => {
    const { client, calls } = scriptedClient([opening(CHUNKED), opening(CHUNKED), CANCELLED]);
    renderGate(client);
    fireEvent.click(await screen.findByRole('button', { name: '取消更新' }));
    await screen.findByRole('button', { name: '正在撤销…' });
    await screen.findByRole('heading', { level: 1, name: '更新已取消' }, { timeout: 3000 });
    expect(screen.queryByText('the app')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重新更新并打开' }));
    await screen.findByRole('heading', { level: 1, name: '正在更新资料库' });
    expect(calls.filter((c) => c.method === 'storage.cancelOpening' || c.method === 'storage.openLibrary').map((c) => c.method)).toEqual([
      'storage.cancelOpening',
      'storage.openLibrary',
    ]);
  });

  it('names every update step for what it changes, in both languages (a step with no name yet says so plainly)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const names: Record<string, string> = storageLocales[lang].opening.names;
      expect(MIGRATIONS.map((m) => m.name).filter((name) => !names[name])).toEqual([]);
    }
    const unknown: OpeningProgress = { ...CHUNKED, name: 'some-later-step', stepNames: ['some-later-step', 'plan-totals', 'lead-unit-sort-key'] };
    const { client } = scriptedClient([opening(unknown), opening(unknown), opening(unknown)]);
    renderGate(client);
    await screen.findByText('第 1 步，共 3 步：结构更新');
    expect(screen.getAllByRole('listitem')[1]!.textContent).toBe('第 14 版：结构更新');
  });
});
