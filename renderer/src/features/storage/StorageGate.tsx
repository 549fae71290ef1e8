// Asks the backend about the database before the app starts: while a new version updates the
// library it shows the opening screen (how far, and a cancel), in recovery mode the recovery
// screen, instead of the app; otherwise it starts the app and watches the background
// check, showing the damage banner the moment damage is found. After a restore or a new start
// the app is mounted afresh, so every view reads the reopened database.
import { Fragment, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StorageStatus } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';
import { DamageBanner } from './DamageBanner';
import { arrivedStorageStatus, askStorageStatus, takeEarlyStorageStatus } from './early-status';
import { OpeningScreen } from './OpeningScreen';
import { RecoveryScreen } from './RecoveryScreen';

/** How often the status is asked for while the background check runs. */
export const CHECK_POLL_MS = 1000;

type GateState = { phase: 'asking' } | { phase: 'known'; status: StorageStatus | null };

export function StorageGate({ client, children }: { client: ApiClient; children: ReactNode }) {
  // The page's early answer, when it is already in, is where the gate starts: the app (or the
  // screen the status calls for) renders in the gate's first render, not after an empty commit
  // and the effect below. The effect still takes that answer (the same object: no render).
  const [state, setState] = useState<GateState>(() => {
    const arrived = arrivedStorageStatus();
    return arrived ? { phase: 'known', status: arrived.status } : { phase: 'asking' };
  });
  const [generation, setGeneration] = useState(0);

  // The first ask takes the one made as the page started (early-status), if any.
  const ask = useCallback(() => takeEarlyStorageStatus() ?? askStorageStatus(client), [client]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const status = await ask();
      if (cancelled) return;
      setState((was) => (was.phase === 'known' && was.status === status ? was : { phase: 'known', status }));
      if (status?.mode === 'ready' && status.check?.state === 'pending') timer = setTimeout(() => void poll(), CHECK_POLL_MS);
    };
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [ask, generation]);

  const restart = useCallback(() => {
    setState({ phase: 'asking' });
    setGeneration((n) => n + 1);
  }, []);
  const setStatus = useCallback((status: StorageStatus) => setState({ phase: 'known', status }), []);

  if (state.phase === 'asking') return null;
  const { status } = state;
  if (status?.mode === 'opening' || status?.mode === 'cancelled') {
    return <OpeningScreen client={client} status={status} onStatus={setStatus} onOpened={restart} />;
  }
  if (status?.mode === 'recovery' && status.problem) {
    return <RecoveryScreen client={client} problem={status.problem} onRecovered={restart} />;
  }
  return (
    <>
      {status && <DamageBanner client={client} status={status} onStatus={setStatus} onRestored={restart} />}
      <Fragment key={generation}>{children}</Fragment>
    </>
  );
}
