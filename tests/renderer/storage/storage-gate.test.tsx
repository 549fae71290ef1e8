// The storage gate in jsdom with a scripted client: the recovery screen in place of the app
// when the database was refused (restore and move-aside both lead to the app), and the damage
// banner appearing once the background check, pending at first, reports damage.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../renderer/src/api/client';
import { StorageGate } from '../../../renderer/src/features/storage/StorageGate';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import type { BackupInfo, StorageStatus } from '../../../shared/api/storage/methods';

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
      throw new Error(`unexpected ${method}`);
    }) as ApiClient['call'],
  };
  return { client, calls };
}

function renderGate(client: ApiClient) {
  return render(
    <I18nextProvider i18n={createI18n('zh')}>
      <StorageGate client={client}>
        <p>the app</p>
      </StorageGate>
    </I18nextProvider>,
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
});
