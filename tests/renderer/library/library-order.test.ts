// The library's order and filter, and how it writes a plan's date.
import { describe, expect, it } from 'vitest';
import { filterEntries, formatDate, sortEntries } from '../../../renderer/src/features/library/library-order';
import { entry } from './fake-library';

const a = entry({ id: 'p-a', title: '杭州市人民政府工作报告', date: '2024-01-20', importedAt: '2026-12-01T00:00:00Z', tags: ['报告'] });
const b = entry({ id: 'p-b', title: 'Annual plan', date: null, importedAt: '2026-12-03T00:00:00Z', issuer: 'State Council' });
const c = entry({ id: 'p-c', title: '北京市实施方案', date: '2024-06-01', importedAt: '2026-12-02T00:00:00Z', docNumber: '京政发〔2024〕3号' });

describe('library order', () => {
  it('puts the last imported first by default', () => {
    expect(sortEntries([a, b, c], 'imported').map((e) => e.id)).toEqual(['p-b', 'p-c', 'p-a']);
  });

  it('sorts by the plan’s own date, newest first, undated last', () => {
    expect(sortEntries([a, b, c], 'date').map((e) => e.id)).toEqual(['p-c', 'p-a', 'p-b']);
  });

  it('sorts Chinese titles by pinyin (北 běi before 杭 háng), Latin titles after them (the zh collation)', () => {
    expect(sortEntries([a, b, c], 'title').map((e) => e.title)).toEqual(['北京市实施方案', '杭州市人民政府工作报告', 'Annual plan']);
  });

  it('filters on title, issuer, document number and tags, ignoring case', () => {
    expect(filterEntries([a, b, c], 'state').map((e) => e.id)).toEqual(['p-b']);
    expect(filterEntries([a, b, c], '京政发').map((e) => e.id)).toEqual(['p-c']);
    expect(filterEntries([a, b, c], '报告').map((e) => e.id)).toEqual(['p-a']);
    expect(filterEntries([a, b, c], '  ').map((e) => e.id)).toEqual(['p-a', 'p-b', 'p-c']);
  });

  it('writes a date as the calendar day it names, in the UI language', () => {
    expect(formatDate('2024-05-11', 'zh')).toBe('2024年5月11日');
    expect(formatDate('2024-05-11', 'en')).toBe('May 11, 2024');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
