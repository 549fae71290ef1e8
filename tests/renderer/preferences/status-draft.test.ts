// The status list's draft operations and the reading of a CONFLICT.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_OPTIONS, type StatusOption } from '../../../shared/domain/table';
import {
  addStatus,
  cleanDraft,
  MAX_STATUSES,
  moveStatus,
  newStatusKey,
  removeStatus,
  renameStatus,
  sameOptions,
  statusesInUse,
} from '../../../renderer/src/features/preferences/status-draft';

const defaults = (): StatusOption[] => DEFAULT_STATUS_OPTIONS.map((o) => ({ key: o.key, label: { ...o.label } }));
const keys = (options: readonly StatusOption[]) => options.map((o) => o.key);

describe('status draft', () => {
  it('renames one label of one status, leaving the rest and the input untouched', () => {
    const draft = defaults();
    const next = renameStatus(draft, 1, 'en', 'Under way');
    expect(next[1]).toEqual({ key: 'in_progress', label: { zh: '进行中', en: 'Under way' } });
    expect(draft[1]!.label.en).toBe('In progress');
    expect(next[0]).toBe(draft[0]);
  });

  it('adds an unnamed status with a fresh key the core accepts, never reusing a saved key', () => {
    const saved = [...defaults(), { key: 'custom_1', label: { zh: '暂缓', en: 'On hold' } }];
    const draft = saved.filter((o) => o.key !== 'custom_1'); // removed in this draft, still saved
    const next = addStatus(draft, saved);
    expect(next.at(-1)).toEqual({ key: 'custom_2', label: { zh: '', en: '' } });
    expect(next.at(-1)!.key).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
    expect(newStatusKey([])).toBe('custom_1');
  });

  it('stops adding at the core’s maximum, and never removes the last status', () => {
    let draft = defaults();
    while (draft.length < MAX_STATUSES) draft = addStatus(draft, []);
    expect(addStatus(draft, [])).toHaveLength(MAX_STATUSES);
    const one = [defaults()[0]!];
    expect(removeStatus(one, 0)).toEqual(one);
    expect(keys(removeStatus(defaults(), 2))).toEqual(['not_started', 'in_progress', 'watching']);
  });

  it('moves a status up or down, and not past either end', () => {
    expect(keys(moveStatus(defaults(), 3, -1))).toEqual(['not_started', 'in_progress', 'watching', 'done']);
    expect(keys(moveStatus(defaults(), 0, 1))).toEqual(['in_progress', 'not_started', 'done', 'watching']);
    expect(keys(moveStatus(defaults(), 0, -1))).toEqual(keys(defaults()));
    expect(keys(moveStatus(defaults(), 3, 1))).toEqual(keys(defaults()));
  });

  it('trims labels for saving and refuses an empty one', () => {
    const draft = renameStatus(defaults(), 0, 'zh', '  未启动 ');
    expect(cleanDraft(draft)![0]!.label.zh).toBe('未启动');
    expect(cleanDraft(renameStatus(defaults(), 2, 'en', '   '))).toBeNull();
  });

  it('compares drafts by keys, order and labels', () => {
    expect(sameOptions(defaults(), defaults())).toBe(true);
    expect(sameOptions(defaults(), moveStatus(defaults(), 0, 1))).toBe(false);
    expect(sameOptions(defaults(), renameStatus(defaults(), 0, 'zh', 'x'))).toBe(false);
  });

  it('names the removed statuses the core says are in use, else every removed one', () => {
    const saved = defaults();
    const draft = saved.filter((o) => o.key !== 'done' && o.key !== 'watching');
    const message = 'Cannot remove a status still in use: “done” is used by 2 initiatives. Give them another status first.';
    expect(keys(statusesInUse(saved, draft, message))).toEqual(['done']);
    expect(keys(statusesInUse(saved, draft, 'conflict'))).toEqual(['done', 'watching']);
  });
});
