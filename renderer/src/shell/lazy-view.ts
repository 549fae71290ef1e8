// A view's chunk and the lazy component that shows it, rendering at once once the chunk has come.
//
// React.lazy over a plain import() suspends on its first render even when the module is already
// loaded (a promise answers a microtask later), and React then holds the boundary's content back
// until 300 ms after its fallback was shown, so that boundaries revealed close together come in
// one frame. A page opened on the table fetches the table's chunk at its start, and had it long
// before the shell's first frame: its frame still came 300 ms after that one. Here the chunk's
// loader remembers the module once it has come, and the component's factory then answers a
// thenable that calls back at once: React reads a lazy component resolved synchronously in the
// same render, without suspending.
import { lazy, type ComponentType } from 'react';

export interface Chunk<M> {
  /** Fetches (or joins the fetch of) the chunk; remembers the module once it has come. */
  load(): Promise<M>;
  /** The module if it has come, else undefined. */
  loaded(): M | undefined;
}

export function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let module: M | undefined;
  return {
    load: () =>
      importer().then((m) => {
        module = m;
        return m;
      }),
    loaded: () => module,
  };
}

type Loaded<P> = { default: ComponentType<P> };

export function lazyView<M, P>(source: Chunk<M>, pick: (module: M) => ComponentType<P>) {
  return lazy<ComponentType<P>>(() => {
    const module = source.loaded();
    if (module === undefined) return source.load().then((m) => ({ default: pick(m) }));
    const value: Loaded<P> = { default: pick(module) };
    // Called back in the same call: React.lazy marks the component resolved before it returns.
    const now = { then: (resolve: (v: Loaded<P>) => void) => resolve(value) };
    return now as unknown as Promise<Loaded<P>>;
  });
}
