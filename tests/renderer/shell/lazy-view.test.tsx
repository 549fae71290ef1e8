// A view's chunk that has come renders at once (renderer/src/shell/lazy-view.ts): React.lazy over
// a plain import suspends on its first render even when the module is loaded, shows the
// boundary's fallback, and holds the content back for up to 300 ms after it (a page opened on
// the table waited so for its frame).
import { act, cleanup, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { chunk, lazyView } from '../../../renderer/src/shell/lazy-view';

const module = { View: ({ text }: { text: string }) => <p>{text}</p> };

/** Renders the component in a boundary whose fallback counts how often it is drawn. */
function renderCounting(View: (props: { text: string }) => React.ReactNode) {
  let fallbacks = 0;
  function Fallback() {
    fallbacks += 1;
    return <p>loading</p>;
  }
  act(() => {
    render(
      <Suspense fallback={<Fallback />}>
        <View text="the view" />
      </Suspense>,
    );
  });
  return () => fallbacks;
}

afterEach(cleanup);

describe('lazy views', () => {
  it('render in the first render once their chunk has come: no fallback', async () => {
    const source = chunk(() => Promise.resolve(module));
    const View = lazyView(source, (m) => m.View);
    await source.load();
    const fallbacks = renderCounting(View);
    expect(screen.getByText('the view')).toBeTruthy();
    expect(fallbacks()).toBe(0);
  });

  it('show the fallback while the chunk is on its way, then the view', async () => {
    let arrive: (m: typeof module) => void = () => undefined;
    const source = chunk(() => new Promise<typeof module>((resolve) => (arrive = resolve)));
    const View = lazyView(source, (m) => m.View);
    const fallbacks = renderCounting(View);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => arrive(module));
    expect(await screen.findByText('the view')).toBeTruthy();
    expect(fallbacks()).toBeGreaterThan(0);
    expect(source.loaded()).toBe(module);
  });

  it('(the reason) React.lazy over a loaded module still shows the fallback first', async () => {
    const loaded = Promise.resolve(module);
    await loaded;
    const View = lazy(() => loaded.then((m) => ({ default: m.View })));
    const fallbacks = renderCounting(View);
    expect(fallbacks()).toBe(1);
    expect(await screen.findByText('the view')).toBeTruthy();
  });
});
