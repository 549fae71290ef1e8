// The comparison's address: #/compare/<left>/<right>, two plan ids; it belongs to the library's
// tab. Anything else after #/compare/ is no comparison (the overview, as for any unknown hash).
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, viewOf } from '../../renderer/src/routing/hash-route';

describe('the comparison route', () => {
  it('reads two plan ids and writes them back', () => {
    const route = parseRoute('#/compare/p-1a2b3c4d5e/hz-2024');
    expect(route).toEqual({ kind: 'compare', left: 'p-1a2b3c4d5e', right: 'hz-2024' });
    expect(routeHref(route)).toBe('#/compare/p-1a2b3c4d5e/hz-2024');
    expect(viewOf(route)).toBe('library');
  });

  it('is no comparison without two well-formed ids', () => {
    for (const hash of ['#/compare/', '#/compare/p-1', '#/compare/p-1/p-2/p-3', '#/compare/P-1/p-2', '#/compare/p-1/..%2F']) {
      expect(parseRoute(hash), hash).toEqual({ kind: 'overview' });
    }
  });
});
