// The packets' server state: the queries that read packets and the calls that change them.
// A save or delete names the revision it was made on; a stale one comes back as a
// StaleWriteError with the packet as stored now (the builder shows the conflict dialog).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Packet, PacketDefinition, PacketMethods } from '../../../../shared/api/packets/methods';
import { StaleWriteError } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';

type Method = keyof PacketMethods;

/** One packet method through the app's client. */
export function callPacket<M extends Method>(client: ApiClient, method: M, args: PacketMethods[M]['args']): Promise<PacketMethods[M]['result']> {
  return client.call(method as never, args as never) as Promise<PacketMethods[M]['result']>;
}

export const packetKeys = {
  all: ['packets'] as const,
  list: ['packets', 'list'] as const,
  resolve: (definition: Pick<PacketDefinition, 'sources' | 'order' | 'excluded'>) => ['packets', 'resolve', definition] as const,
  html: (definition: PacketDefinition, language: 'zh' | 'en') => ['packets', 'html', definition, language] as const,
};

export function usePacketList(client: ApiClient) {
  return useQuery({ queryKey: packetKeys.list, queryFn: () => callPacket(client, 'packet.list', {}) });
}

/** The items the sources include now, in packet order, the left-out ones, and the sources
 *  naming something gone. */
export function useResolvedItems(client: ApiClient, definition: PacketDefinition) {
  const key = { sources: definition.sources, order: definition.order, excluded: definition.excluded ?? [] };
  return useQuery({
    queryKey: packetKeys.resolve(key),
    queryFn: () => callPacket(client, 'packet.resolve', { definition }),
    placeholderData: (previous) => previous,
    // Notes and highlights change elsewhere; a packet shows them as they are when looked at.
    staleTime: 0,
  });
}

/** The packet document for the preview (null definition: nothing to show yet). */
export function usePacketHtml(client: ApiClient, definition: PacketDefinition | null, language: 'zh' | 'en') {
  return useQuery({
    queryKey: definition ? packetKeys.html(definition, language) : ['packets', 'html', 'none'],
    queryFn: () => callPacket(client, 'packet.html', { definition: definition!, language }),
    enabled: definition !== null,
    placeholderData: (previous) => previous,
    staleTime: 0,
  });
}

/** The writes; each resolves with what the core committed and refreshes the list. */
export function usePacketWrites(client: ApiClient) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: packetKeys.list });
  const save = useMutation({
    mutationFn: (args: PacketMethods['packet.save']['args']) => callPacket(client, 'packet.save', args),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (args: PacketMethods['packet.delete']['args']) => callPacket(client, 'packet.delete', args),
    onSuccess,
  });
  const duplicate = useMutation({
    mutationFn: (args: PacketMethods['packet.duplicate']['args']) => callPacket(client, 'packet.duplicate', args),
    onSuccess,
  });
  return { save, remove, duplicate };
}

/** A save or delete refused because it named an old revision; `current`: the packet as stored now (null: deleted). */
export function staleWriteOf(err: unknown, method: 'packet.save' | 'packet.delete'): { current: Packet | null } | null {
  return err instanceof StaleWriteError && (err.method as string) === method ? { current: err.current as Packet | null } : null;
}
