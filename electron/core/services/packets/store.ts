// Packet definitions in the reader's database: each a record with a revision. A change or
// deletion names the revision it was made on; a stale one is refused with the packet as stored
// now (null if it was deleted), like the saved views.
import { AppError, StaleWriteError } from '../../../../shared/api/result';
import type { Packet, PacketDefinition } from '../../../../shared/api/packets/methods';
import type { Db } from '../../db/open';
import { prepared, stampAfterLatest } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';

interface PacketRow {
  id: number;
  definition_json: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

const toPacket = (r: PacketRow): Packet => ({
  id: r.id,
  // A definition saved before items could be left out has no `excluded`: none left out.
  definition: { excluded: [], ...(JSON.parse(r.definition_json) as PacketDefinition) },
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every packet, the one changed last first. */
export function listPackets(db: Db): Packet[] {
  const rows = prepared(db, 'SELECT * FROM user_packets ORDER BY updated_at DESC, id DESC').all() as PacketRow[];
  return rows.map(toPacket);
}

function readPacket(db: Db, id: number): Packet | null {
  const row = prepared(db, 'SELECT * FROM user_packets WHERE id = ?').get(id) as PacketRow | undefined;
  return row ? toPacket(row) : null;
}

export function getPacket(db: Db, id: number): Packet {
  const packet = readPacket(db, id);
  if (!packet) throw new AppError('NOT_FOUND', `No packet with id ${id}.`);
  return packet;
}

function checkRevision(db: Db, method: string, id: number, baseRevision: number): void {
  const current = readPacket(db, id);
  if (current?.revision === baseRevision) return;
  throw new StaleWriteError(
    current
      ? `${method}: the packet “${current.definition.cover.title}” was changed elsewhere (it is at revision ` +
          `${current.revision}, this change was made on revision ${baseRevision}); nothing was saved.`
      : `${method}: the packet with id ${id} was deleted elsewhere; nothing was saved.`,
    current,
  );
}

/** Creates a packet (no id, baseRevision 0) or replaces the definition of packet `id`. */
export function savePacket(
  db: Db,
  args: { id?: number; baseRevision: number; definition: PacketDefinition },
  now = new Date(),
): Packet {
  const json = JSON.stringify(args.definition);
  return writeTransaction(db, () => {
    const at = stampAfterLatest(db, 'user_packets', 'updated_at', now);
    let id = args.id;
    if (id === undefined) {
      if (args.baseRevision !== 0) {
        throw new AppError('BAD_REQUEST', `packet.save: a new packet is saved on revision 0 (got ${args.baseRevision}).`);
      }
      id = Number(
        prepared(db, 'INSERT INTO user_packets (definition_json, revision, created_at, updated_at) VALUES (?, 1, ?, ?)')
          .run(json, at, at).lastInsertRowid,
      );
    } else {
      checkRevision(db, 'packet.save', id, args.baseRevision);
      prepared(db, 'UPDATE user_packets SET definition_json = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(json, at, id);
    }
    return readPacket(db, id)!;
  });
}

export function deletePacket(db: Db, id: number, baseRevision: number): void {
  writeTransaction(db, () => {
    checkRevision(db, 'packet.delete', id, baseRevision);
    prepared(db, 'DELETE FROM user_packets WHERE id = ?').run(id);
  });
}

/** The title a copy gets: marked as a copy in the packet's own language (Chinese when its
 *  title has Han characters). */
function copyTitle(title: string): string {
  const marked = /\p{Script=Han}/u.test(title) ? `${title}（副本）` : `${title} (copy)`;
  return Array.from(marked).length <= 200 ? marked : title;
}

export function duplicatePacket(db: Db, id: number, now = new Date()): Packet {
  return writeTransaction(db, () => {
    const source = getPacket(db, id);
    const definition: PacketDefinition = {
      ...source.definition,
      cover: { ...source.definition.cover, title: copyTitle(source.definition.cover.title) },
    };
    return savePacket(db, { baseRevision: 0, definition }, now);
  });
}
