// The first screen's script builds no Chinese collator while it is evaluated: the first
// Intl.Collator('zh') of a renderer process loads ICU's collation data, about 150 ms of a cold
// start's first screen, which sorts nothing. A collator is made when something is sorted.
import { afterEach, describe, expect, it, vi } from 'vitest';

const RealCollator = Intl.Collator;

afterEach(() => {
  Intl.Collator = RealCollator;
  vi.resetModules();
});

/** Spies on every Intl.Collator made from here on (constructed with or without new). */
function collatorsMade(): unknown[][] {
  const made: unknown[][] = [];
  const Spy = function (...args: ConstructorParameters<typeof Intl.Collator>) {
    made.push(args);
    return new RealCollator(...args);
  } as unknown as typeof Intl.Collator;
  Spy.supportedLocalesOf = RealCollator.supportedLocalesOf.bind(RealCollator);
  Intl.Collator = Spy;
  return made;
}

describe('the first screen’s modules', () => {
  it('make no collator when evaluated (the app, its shell and the app bar’s plan picker)', async () => {
    const made = collatorsMade();
    await import('../../../renderer/src/App');
    await import('../../../renderer/src/features/library/PlanPicker');
    expect(made).toEqual([]);
  });

  it('make the pinyin collator when the library is first sorted, once', async () => {
    const made = collatorsMade();
    const { sortEntries } = await import('../../../renderer/src/features/library/library-order');
    const { entry } = await import('../library/fake-library');
    const a = entry({ id: 'p-a', title: '杭州', importedAt: '2026-12-01T00:00:00Z' });
    const b = entry({ id: 'p-b', title: '北京', importedAt: '2026-12-01T00:00:00Z' });
    expect(sortEntries([a, b], 'title').map((e) => e.title)).toEqual(['北京', '杭州']);
    sortEntries([b, a], 'imported');
    expect(made).toEqual([['zh', { numeric: true }]]);
  });
});
