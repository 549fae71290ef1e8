// Annotations made through the real service, for tests that need some in the database: a note
// on an item (or on the plan: itemId null) or a highlight of the first characters of the item's
// Chinese body, optionally moved to the trash.
import { randomUUID } from 'node:crypto';
import type { Annotation, AnnotationKind } from '../../shared/api/annotations/methods';
import { codePointLength, describePassage } from '../../shared/domain/anchoring';
import type { Db } from '../../electron/core/db/open';
import { createAnnotation, trashAnnotation } from '../../electron/core/services/annotations/annotations';

export interface TestAnnotation {
  kind: AnnotationKind;
  itemId: string | null;
  planId?: string;
  body?: string;
  tags?: string[];
  trashed?: boolean;
  now?: Date;
}

export function addAnnotation(db: Db, a: TestAnnotation): Annotation {
  const planId = a.planId ?? (a.itemId ?? '').split('/')[0]!;
  let target: Annotation['target'] = null;
  if (a.kind === 'highlight') {
    const body = db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(a.itemId) as string;
    target = { itemId: a.itemId!, part: 'body', language: 'zh', selectors: describePassage(body, 0, Math.min(4, codePointLength(body))) };
  }
  const now = a.now ?? new Date('2024-06-01T08:00:00Z');
  const created = createAnnotation(
    db,
    {
      id: randomUUID(),
      kind: a.kind,
      planId,
      itemId: a.itemId,
      target,
      color: a.kind === 'highlight' ? 'yellow' : null,
      body: a.body ?? '',
      tags: a.tags ?? [],
    },
    now,
  );
  return a.trashed ? trashAnnotation(db, created.id, created.revision, true, now) : created;
}
