// The renderer's command hook: in browser mode it answers the shared shortcuts itself; on the
// desktop it runs what the native menu sends through window.briefbookShell. Either way text
// fields keep their keys, except for Find, Print and Preferences.
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHELL_GLOBAL, type AppCommand, type CommandOrigin, type ShellBridge } from '../../../shared/api/commands';
import { FIND_TARGET_ATTRIBUTE } from '../../../renderer/src/shell/default-commands';
import { useAppCommands, type CommandHandlers } from '../../../renderer/src/shell/use-app-commands';

// Print waits for the bundled faces (shell/print.ts, tested in print.test.ts); here they are there.
vi.mock('../../../renderer/src/fonts', () => ({ loadBundledFaces: () => Promise.resolve() }));

function Harness({ handlers }: { handlers: CommandHandlers }) {
  useAppCommands(handlers);
  return (
    <div>
      <input aria-label="search" type="search" />
      <input aria-label="name" type="text" />
      <textarea aria-label="note" />
      <input aria-label="check" type="checkbox" />
      <button type="button">plain</button>
    </div>
  );
}

/** Presses a key on an element (default: the body) and says whether the hook took it. */
function press(init: KeyboardEventInit, target: Element = document.body): boolean {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event.defaultPrevented;
}

const field = (label: string) => document.querySelector(`[aria-label="${label}"]`)!;

function setPlatform(value: string) {
  Object.defineProperty(window.navigator, 'platform', { value, configurable: true });
}

let printSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  setPlatform('Linux x86_64');
  printSpy = vi.spyOn(window, 'print').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  printSpy.mockRestore();
  delete (window as unknown as Record<string, unknown>)[SHELL_GLOBAL];
});

describe('useAppCommands in browser mode', () => {
  it('Ctrl+1/2/3 and Ctrl+, call the handlers and keep the keys from the browser', () => {
    const handlers = { 'view.read': vi.fn(), 'view.table': vi.fn(), 'view.dashboard': vi.fn(), preferences: vi.fn() };
    render(<Harness handlers={handlers} />);
    expect(press({ key: '2', code: 'Digit2', ctrlKey: true })).toBe(true);
    expect(handlers['view.table']).toHaveBeenCalledOnce();
    press({ key: '1', ctrlKey: true });
    press({ key: '3', ctrlKey: true });
    press({ key: ',', ctrlKey: true });
    expect(handlers['view.read']).toHaveBeenCalledOnce();
    expect(handlers['view.dashboard']).toHaveBeenCalledOnce();
    expect(handlers.preferences).toHaveBeenCalledOnce();
  });

  it('uses Command on macOS and Control elsewhere', () => {
    const handlers = { 'view.table': vi.fn() };
    setPlatform('MacIntel');
    render(<Harness handlers={handlers} />);
    expect(press({ key: '2', ctrlKey: true })).toBe(false);
    expect(handlers['view.table']).not.toHaveBeenCalled();
    expect(press({ key: '2', metaKey: true })).toBe(true);
    expect(handlers['view.table']).toHaveBeenCalledOnce();
  });

  it('leaves text fields their keys, except Find, Print and Preferences', () => {
    const handlers = { 'view.table': vi.fn(), 'initiative.next': vi.fn(), find: vi.fn(), preferences: vi.fn(), print: vi.fn() };
    render(<Harness handlers={handlers} />);
    for (const label of ['name', 'note', 'search']) {
      expect(press({ key: '2', ctrlKey: true }, field(label))).toBe(false);
      expect(press({ key: 'ArrowDown', altKey: true }, field(label))).toBe(false);
    }
    expect(handlers['view.table']).not.toHaveBeenCalled();
    expect(handlers['initiative.next']).not.toHaveBeenCalled();
    expect(press({ key: 'f', ctrlKey: true }, field('note'))).toBe(true);
    expect(press({ key: ',', ctrlKey: true }, field('name'))).toBe(true);
    expect(press({ key: 'p', ctrlKey: true }, field('search'))).toBe(true);
    expect([handlers.find, handlers.preferences, handlers.print].map((h) => h.mock.calls.length)).toEqual([1, 1, 1]);
    // A checkbox or a button is not a text field.
    expect(press({ key: 'ArrowDown', altKey: true }, field('check'))).toBe(true);
    expect(handlers['initiative.next']).toHaveBeenCalledOnce();
  });

  it('ignores keys while an input method composes, and keys another handler already took', () => {
    const handlers = { 'view.table': vi.fn() };
    render(<Harness handlers={handlers} />);
    expect(press({ key: '2', ctrlKey: true, isComposing: true })).toBe(false);
    const taken = new KeyboardEvent('keydown', { key: '2', ctrlKey: true, bubbles: true, cancelable: true });
    document.body.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    document.body.dispatchEvent(taken);
    expect(handlers['view.table']).not.toHaveBeenCalled();
  });

  it('a command without a handler leaves the key to the browser', () => {
    render(<Harness handlers={{}} />);
    expect(press({ key: '2', ctrlKey: true })).toBe(false);
  });

  it('Ctrl+N starts a note through the handler; without a plan (handler false) the key stays the browser’s', () => {
    const handlers = { newNote: vi.fn(() => true) };
    const { unmount } = render(<Harness handlers={handlers} />);
    expect(press({ key: 'n', ctrlKey: true })).toBe(true);
    expect(handlers.newNote).toHaveBeenCalledOnce();
    unmount();
    render(<Harness handlers={{ newNote: () => false }} />);
    expect(press({ key: 'n', ctrlKey: true })).toBe(false);
  });

  it('Ctrl+P prints the current view with the browser’s print when App has no print handler', async () => {
    render(<Harness handlers={{}} />);
    expect(press({ key: 'p', ctrlKey: true })).toBe(true);
    await vi.waitFor(() => expect(printSpy).toHaveBeenCalledOnce());
  });

  it('Ctrl+F focuses the marked find target, else the first search field; with neither, the browser finds', () => {
    const { unmount } = render(<Harness handlers={{}} />);
    expect(press({ key: 'f', ctrlKey: true })).toBe(true);
    expect(document.activeElement).toBe(field('search'));

    field('name').setAttribute(FIND_TARGET_ATTRIBUTE, '');
    (document.activeElement as HTMLElement).blur();
    press({ key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(field('name'));
    unmount();

    render(<div><Harness handlers={{}} /></div>);
    for (const el of document.querySelectorAll('input[type="search"], [data-find-target]')) el.remove();
    expect(press({ key: 'f', ctrlKey: true })).toBe(false);
  });

  it('a handler returning false leaves the key to the browser', () => {
    const find = vi.fn(() => false);
    render(<Harness handlers={{ find }} />);
    expect(press({ key: 'f', ctrlKey: true })).toBe(false);
    expect(find).toHaveBeenCalledOnce();
  });

  it('uses the latest handlers, and stops listening on unmount', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = render(<Harness handlers={{ 'view.table': first }} />);
    rerender(<Harness handlers={{ 'view.table': second }} />);
    press({ key: '2', ctrlKey: true });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    unmount();
    expect(press({ key: '2', ctrlKey: true })).toBe(false);
    expect(second).toHaveBeenCalledOnce();
  });
});

describe('useAppCommands on the desktop', () => {
  function installShell(platform = 'linux') {
    let listener: ((command: AppCommand, origin: CommandOrigin) => void) | null = null;
    const unsubscribe = vi.fn(() => {
      listener = null;
    });
    const shell: ShellBridge = {
      platform,
      onCommand: vi.fn((l) => {
        listener = l;
        return unsubscribe;
      }),
    };
    (window as unknown as Record<string, unknown>)[SHELL_GLOBAL] = shell;
    const send = (command: AppCommand, viaShortcut = false) =>
      act(() => {
        listener?.(command, { viaShortcut });
      });
    return { shell, unsubscribe, send };
  }

  it('runs the commands the menu sends, subscribing once', () => {
    const { shell, send } = installShell();
    const handlers = { 'view.dashboard': vi.fn(), 'language.en': vi.fn(), 'readingMode.both': vi.fn() };
    const { rerender } = render(<Harness handlers={handlers} />);
    rerender(<Harness handlers={{ ...handlers }} />);
    send('view.dashboard');
    send('language.en');
    send('readingMode.both');
    expect(handlers['view.dashboard']).toHaveBeenCalledOnce();
    expect(handlers['language.en']).toHaveBeenCalledOnce();
    expect(handlers['readingMode.both']).toHaveBeenCalledOnce();
    expect(shell.onCommand).toHaveBeenCalledOnce();
  });

  it('leaves the keys to the menu: no keyboard handling of its own', () => {
    installShell();
    const handlers = { 'view.table': vi.fn() };
    render(<Harness handlers={handlers} />);
    expect(press({ key: '2', ctrlKey: true })).toBe(false);
    expect(handlers['view.table']).not.toHaveBeenCalled();
  });

  it('a shortcut from the menu spares a focused text field, except Find, Print and Preferences; a click always acts', () => {
    const { send } = installShell();
    const handlers = { 'view.table': vi.fn(), find: vi.fn() };
    render(<Harness handlers={handlers} />);
    act(() => (field('name') as HTMLInputElement).focus());
    send('view.table', true);
    expect(handlers['view.table']).not.toHaveBeenCalled();
    send('find', true);
    expect(handlers.find).toHaveBeenCalledOnce();
    send('view.table', false);
    expect(handlers['view.table']).toHaveBeenCalledOnce();
  });

  it('print from the menu prints the current view; New note reaches its handler', async () => {
    const { send } = installShell();
    const newNote = vi.fn();
    render(<Harness handlers={{ newNote }} />);
    send('print');
    await vi.waitFor(() => expect(printSpy).toHaveBeenCalledOnce());
    send('newNote');
    expect(newNote).toHaveBeenCalledOnce();
  });

  it('unsubscribes on unmount', () => {
    const { unsubscribe } = installShell();
    const { unmount } = render(<Harness handlers={{}} />);
    unmount();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});

describe('fireEvent interop', () => {
  it('works with testing-library’s keyDown too', () => {
    const handlers = { 'view.table': vi.fn() };
    render(<Harness handlers={handlers} />);
    fireEvent.keyDown(document.body, { key: '2', ctrlKey: true });
    expect(handlers['view.table']).toHaveBeenCalledOnce();
  });
});

describe('useAppCommands and the screen', () => {
  it('answers a key with the handlers of what is on screen as soon as it is drawn, before React’s passive effects run', async () => {
    // A key can come the moment a render is on screen (the reader pressed it as the outline
    // appeared): the handlers then must be that render's, not the one before it, whose data
    // had not come (Alt+↓ found no outline and did nothing).
    const seen: string[] = [];
    function Loads() {
      const [data, setData] = useState('none');
      useEffect(() => {
        void Promise.resolve().then(() => setData('loaded'));
      }, []);
      useAppCommands({ 'view.table': () => void seen.push(data) });
      return <p data-testid="data">{data}</p>;
    }
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
    // Outside act, as the app runs: React draws the update, then runs passive effects in a later task.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    try {
      const drawn = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="data"]')?.textContent !== 'loaded') return;
          observer.disconnect();
          // Pressed as soon as the page shows the data, in the same turn.
          document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', ctrlKey: true, bubbles: true, cancelable: true }));
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      render(<Loads />);
      await drawn;
      expect(seen).toEqual(['loaded']);
    } finally {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
  });

  it('hears a key pressed as the first screen with the commands appears, before React’s passive effects run', async () => {
    // The shell mounts with its outline once the start data come; a key pressed the moment
    // that screen is drawn must reach it (it went unheard while the listener waited for a
    // passive effect, which React runs a task later).
    const handlers = { 'view.table': vi.fn() };
    function Commands() {
      useAppCommands(handlers);
      return <p data-testid="shell">shell</p>;
    }
    function Later() {
      const [mounted, setMounted] = useState(false);
      useEffect(() => {
        void Promise.resolve().then(() => setMounted(true));
      }, []);
      return mounted ? <Commands /> : null;
    }
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    try {
      let taken = false;
      const drawn = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="shell"]')) return;
          observer.disconnect();
          const event = new KeyboardEvent('keydown', { key: '2', code: 'Digit2', ctrlKey: true, bubbles: true, cancelable: true });
          document.body.dispatchEvent(event);
          taken = event.defaultPrevented;
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true });
      });
      render(<Later />);
      await drawn;
      expect(handlers['view.table']).toHaveBeenCalledOnce();
      expect(taken).toBe(true);
    } finally {
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
  });
});
