// Save as PDF: the core renders the packet in two passes (the first finds the pages of the
// contents), which takes a while for a long packet. The run is named by a fresh random job id,
// so its progress can be polled and the reader can cancel it; the page stays responsive
// meanwhile. The finished PDF is handed over as a download, as the table's CSV export is.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PacketDefinition, PacketMethods } from '../../../../shared/api/packets/methods';
import { ApiCallError } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';
import { downloadBlob } from '../table/download';
import { callPacket } from './packet-api';

type Progress = PacketMethods['packet.progress']['result'];

export type PdfState =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: string; progress: Progress; cancelling: boolean }
  | { kind: 'done'; fileName: string; pages: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

const POLL_MS = 300;

export function usePdfExport(client: ApiClient) {
  const [state, setState] = useState<PdfState>({ kind: 'idle' });
  const job = useRef<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // A run the reader walked away from is not wanted any more.
      if (job.current) void callPacket(client, 'packet.cancel', { jobId: job.current }).catch(() => undefined);
    };
  }, [client]);

  const start = useCallback(
    (definition: PacketDefinition, language: 'zh' | 'en') => {
      if (job.current) return;
      const jobId = crypto.randomUUID();
      job.current = jobId;
      setState({ kind: 'running', jobId, progress: null, cancelling: false });
      const timer = setInterval(() => {
        callPacket(client, 'packet.progress', { jobId }).then(
          (progress) => {
            if (mounted.current && job.current === jobId)
              setState((s) => (s.kind === 'running' && s.jobId === jobId ? { ...s, progress: progress ?? s.progress } : s));
          },
          () => undefined,
        );
      }, POLL_MS);
      callPacket(client, 'packet.pdf', { jobId, definition, language })
        .then(
          ({ fileName, pdfBase64, pages }) => {
            downloadBlob(fileName, new Blob([base64Bytes(pdfBase64)], { type: 'application/pdf' }));
            if (mounted.current) setState({ kind: 'done', fileName, pages });
          },
          (err: unknown) => {
            if (!mounted.current) return;
            if (err instanceof ApiCallError && err.code === 'CANCELLED') setState({ kind: 'cancelled' });
            else setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
          },
        )
        .finally(() => {
          clearInterval(timer);
          if (job.current === jobId) job.current = null;
        });
    },
    [client],
  );

  const cancel = useCallback(() => {
    const jobId = job.current;
    if (!jobId) return;
    setState((s) => (s.kind === 'running' ? { ...s, cancelling: true } : s));
    callPacket(client, 'packet.cancel', { jobId }).catch((err: unknown) => {
      if (mounted.current) setState({ kind: 'failed', message: (err as Error).message });
    });
  }, [client]);

  return useMemo(() => ({ state, start, cancel, running: state.kind === 'running' }), [state, start, cancel]);
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
