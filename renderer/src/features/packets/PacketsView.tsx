// The briefing packets view (#/packets): the saved packets (open, run again, duplicate, delete)
// or, when one is open, the builder. The packet being built lives in the draft store, so the
// reader can go to the table to pick rows and come back to it.
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { Packet } from '../../../../shared/api/packets/methods';
import type { ApiClient } from '../../api/client';
import { draftStore, newDefinition } from './draft';
import { PacketBuilder } from './PacketBuilder';
import { staleWriteOf, usePacketList, usePacketWrites } from './packet-api';
import './packets.css';

interface Props {
  client: ApiClient;
  /** The plan being read: a new packet starts with it as its first source. */
  currentPlanId: string | null;
}

export function PacketsView({ client, currentPlanId }: Props) {
  const draft = useSyncExternalStore(draftStore.subscribe, draftStore.get);
  // "Run again": the builder opens and starts the PDF at once.
  const [runOnOpen, setRunOnOpen] = useState(false);
  const { t } = useTranslation('packets');
  const open = (packet: Packet, run = false) => {
    setRunOnOpen(run);
    draftStore.set({ saved: packet, definition: packet.definition });
  };
  const create = () => {
    setRunOnOpen(false);
    const definition = newDefinition(t('untitled'));
    if (currentPlanId) definition.sources = [{ kind: 'plan', planId: currentPlanId }];
    draftStore.set({ saved: null, definition });
  };
  if (draft)
    return (
      <PacketBuilder
        key={draft.saved?.id ?? 'new'}
        client={client}
        draft={draft}
        runOnOpen={runOnOpen}
        onChange={(definition) => draftStore.set({ ...draft, definition })}
        onSaved={(saved) => draftStore.set({ saved, definition: saved.definition })}
        onClose={() => draftStore.set(null)}
      />
    );
  return <PacketList client={client} onOpen={open} onCreate={create} />;
}

function PacketList({ client, onOpen, onCreate }: { client: ApiClient; onOpen(packet: Packet, run?: boolean): void; onCreate(): void }) {
  const { t, i18n } = useTranslation('packets');
  const list = usePacketList(client);
  const writes = usePacketWrites(client);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
  const remove = (packet: Packet) => {
    setNotice(null);
    writes.remove.mutate(
      { id: packet.id, baseRevision: packet.revision },
      {
        onSuccess: () => setConfirming(null),
        onError: (err) => {
          setConfirming(null);
          setNotice(staleWriteOf(err, 'packet.delete') ? t('list.deletedElsewhere') : t('list.deleteFailed', { message: (err as Error).message }));
        },
      },
    );
  };
  return (
    <div className="pk-list-view">
      <header className="pk-list-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="pk-lead">{t('lead')}</p>
        </div>
        <button type="button" className="pk-button pk-button-primary" onClick={onCreate}>
          {t('newPacket')}
        </button>
      </header>
      {notice && (
        <p className="pk-notice" role="alert">
          {notice}
        </p>
      )}
      {list.isPending ? (
        <p role="status">{t('list.loading')}</p>
      ) : list.isError ? (
        <p role="alert">{t('list.failed', { message: list.error.message })}</p>
      ) : list.data.length === 0 ? (
        <p className="pk-empty">{t('list.empty')}</p>
      ) : (
        <ul className="pk-list" aria-label={t('list.label')}>
          {list.data.map((packet) => {
            const title = packet.definition.cover.title || t('untitled');
            return (
              <li key={packet.id} className="pk-list-entry">
                <div className="pk-list-text">
                  <h2>
                    <button type="button" className="pk-title-button" onClick={() => onOpen(packet)}>
                      {title}
                    </button>
                  </h2>
                  {packet.definition.cover.subtitle && <p className="pk-list-subtitle">{packet.definition.cover.subtitle}</p>}
                  <p className="pk-list-meta">
                    {t('list.sources', { count: packet.definition.sources.length })} · {t('list.updated', { date: date(packet.updatedAt) })}
                    {packet.definition.cover.marking && <span className="pk-marking">{packet.definition.cover.marking}</span>}
                  </p>
                </div>
                {confirming === packet.id ? (
                  <div className="pk-confirm" role="group" aria-label={t('list.confirmDelete', { title })}>
                    <span>{t('list.confirmDelete', { title })}</span>
                    <button type="button" className="pk-button pk-button-danger" disabled={writes.remove.isPending} onClick={() => remove(packet)}>
                      {t('list.confirm')}
                    </button>
                    <button type="button" className="pk-button" onClick={() => setConfirming(null)} autoFocus>
                      {t('list.cancel')}
                    </button>
                  </div>
                ) : (
                  <div className="pk-list-actions">
                    <button type="button" className="pk-button" onClick={() => onOpen(packet)}>
                      {t('list.open')}
                    </button>
                    <button type="button" className="pk-button" onClick={() => onOpen(packet, true)}>
                      {t('list.runAgain')}
                    </button>
                    <button
                      type="button"
                      className="pk-button"
                      disabled={writes.duplicate.isPending}
                      onClick={() => writes.duplicate.mutate({ id: packet.id }, { onError: (err) => setNotice((err as Error).message) })}
                    >
                      {t('list.duplicate')}
                    </button>
                    <button type="button" className="pk-button pk-button-quiet" onClick={() => setConfirming(packet.id)} aria-label={`${t('list.delete')} ${title}`}>
                      {t('list.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
