// The status list being edited in the preferences dialog: pure operations on a draft copy, the
// checks the core would refuse anyway (said here in the reader's words first), and the
// explanation of a CONFLICT (a removed status still in use).
import type { StatusOption } from '../../../../shared/domain/table';
import { FIELD_LIMITS } from '../../../../shared/text';

/** The core's limits (shared/api/schemas.ts statusOptions). */
export const MAX_STATUSES = 12;
export const MAX_LABEL_LENGTH = FIELD_LIMITS.statusLabel;

export type LabelLanguage = 'zh' | 'en';

export function renameStatus(draft: readonly StatusOption[], index: number, language: LabelLanguage, text: string): StatusOption[] {
  return draft.map((option, i) => (i === index ? { key: option.key, label: { ...option.label, [language]: text } } : option));
}

/** A key no status has used in this draft or the saved list (keys are stable ids: never reused for another status). */
export function newStatusKey(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const key = `custom_${n}`;
    if (!used.has(key)) return key;
  }
}

export function addStatus(draft: readonly StatusOption[], saved: readonly StatusOption[]): StatusOption[] {
  if (draft.length >= MAX_STATUSES) return [...draft];
  const key = newStatusKey([...draft, ...saved].map((o) => o.key));
  return [...draft, { key, label: { zh: '', en: '' } }];
}

export function removeStatus(draft: readonly StatusOption[], index: number): StatusOption[] {
  // The core keeps at least one status.
  if (draft.length <= 1) return [...draft];
  return draft.filter((_, i) => i !== index);
}

export function moveStatus(draft: readonly StatusOption[], index: number, delta: -1 | 1): StatusOption[] {
  const to = index + delta;
  if (index < 0 || index >= draft.length || to < 0 || to >= draft.length) return [...draft];
  const next = [...draft];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The draft as the core takes it (labels trimmed), or null when a label is empty. */
export function cleanDraft(draft: readonly StatusOption[]): StatusOption[] | null {
  const cleaned = draft.map((o) => ({ key: o.key, label: { zh: o.label.zh.trim(), en: o.label.en.trim() } }));
  return cleaned.every((o) => o.label.zh && o.label.en) ? cleaned : null;
}

export function sameOptions(a: readonly StatusOption[], b: readonly StatusOption[]): boolean {
  return (
    a.length === b.length &&
    a.every((o, i) => o.key === b[i]!.key && o.label.zh === b[i]!.label.zh && o.label.en === b[i]!.label.en)
  );
}

/**
 * The saved statuses a refused save would have removed and the core says are in use. The
 * core's message quotes each key in use (“in_progress”); if it names none we recognise, every
 * removed status is named rather than none.
 */
export function statusesInUse(saved: readonly StatusOption[], draft: readonly StatusOption[], coreMessage: string): StatusOption[] {
  const kept = new Set(draft.map((o) => o.key));
  const removed = saved.filter((o) => !kept.has(o.key));
  const named = removed.filter((o) => coreMessage.includes(`“${o.key}”`));
  return named.length ? named : removed;
}
