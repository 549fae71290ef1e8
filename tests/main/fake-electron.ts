// A stand-in for the 'electron' module (the Electron binary cannot run here). It records what
// the main and preload code ask of Electron and lets a test play Electron's part: emit app
// and web-contents events, call IPC handlers as a given frame, call protocol handlers.
// Use it in a test file as:
//   vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
// and reach the same instance with `await fakeElectron()`.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

let nextFrameId = 1;
let nextContentsId = 1;

export class FakeFrame {
  readonly routingId = nextFrameId++;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
  });
  /** What main sent to the renderer (webContents.send). */
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url, null, this.id);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** An Electron-style event: records whether a listener called preventDefault(). */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented(): boolean } {
  const preventDefault = vi.fn();
  return Object.assign(fields, { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 });
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  /** The fake app that hears 'web-contents-created'. */
  static app: EventEmitter | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  /** The bounds the window has when neither maximized nor minimized. */
  normalBounds: { x: number; y: number; width: number; height: number };
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
    this.emit('maximize');
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback);
    this.normalBounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
    FakeBrowserWindow.instances.push(this);
    // Electron announces every new web contents; the app's hardening hooks in here.
    FakeBrowserWindow.app?.emit('web-contents-created', fakeEvent({}), this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.normalBounds };
  }
  /** Plays the user moving or resizing the window (Electron emits 'move' / 'resize'). */
  moveTo(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    const resized = bounds.width !== undefined || bounds.height !== undefined;
    this.normalBounds = { ...this.normalBounds, ...bounds };
    this.emit(resized ? 'resize' : 'move');
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  /** Plays the user closing the window: 'close' while it still exists, then 'closed'. */
  close(): void {
    this.emit('close', fakeEvent({}));
    this.destroyed = true;
    this.emit('closed');
  }
}

export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: { userData: '/nonexistent/userData' } as Record<string, string>,
    appPath: '/nonexistent/app',
    setName: vi.fn(),
    getName: vi.fn(() => 'Briefbook'),
    getVersion: vi.fn(() => '9.8.7'),
    locale: 'en-US',
    getLocale: vi.fn((): string => app.locale),
    getAppPath: vi.fn((): string => app.appPath),
    getPath: vi.fn((name: string): string => {
      const path = app.paths[name];
      if (!path) throw new Error(`fake app.getPath: no path for ${name}`);
      return path;
    }),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
  });

  FakeBrowserWindow.app = app;
  FakeBrowserWindow.instances.length = 0;
  const BrowserWindow = FakeBrowserWindow;

  type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
  const ipcHandlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      // Electron throws on a second handler for a channel; so does the fake.
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcHandlers.delete(channel);
    }),
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      protocolHandlers.set(scheme, handler);
    }),
  };

  type Callback<T> = (response: T) => void;
  const defaultSession = {
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, callback: Callback<boolean>, details: unknown) => void),
    permissionCheckHandler: null as null | ((wc: unknown, permission: string, origin: string, details: unknown) => boolean),
    beforeRequest: null as null | ((details: { url: string }, callback: Callback<{ cancel?: boolean }>) => void),
    headersReceived: null as
      | null
      | ((
          details: { url: string; responseHeaders?: Record<string, string[]> },
          callback: Callback<{ responseHeaders?: Record<string, string | string[]> }>,
        ) => void),
    setPermissionRequestHandler: vi.fn((h: NonNullable<typeof defaultSession.permissionRequestHandler>) => {
      defaultSession.permissionRequestHandler = h;
    }),
    setPermissionCheckHandler: vi.fn((h: NonNullable<typeof defaultSession.permissionCheckHandler>) => {
      defaultSession.permissionCheckHandler = h;
    }),
    webRequest: {
      onBeforeRequest: vi.fn((h: NonNullable<typeof defaultSession.beforeRequest>) => {
        defaultSession.beforeRequest = h;
      }),
      onHeadersReceived: vi.fn((h: NonNullable<typeof defaultSession.headersReceived>) => {
        defaultSession.headersReceived = h;
      }),
    },
  };

  type FakeDisplay = { id: number; workArea: { x: number; y: number; width: number; height: number } };
  const screen = {
    displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] as FakeDisplay[],
    getAllDisplays: vi.fn((): FakeDisplay[] => screen.displays),
    getPrimaryDisplay: vi.fn((): FakeDisplay => screen.displays[0]!),
  };

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };

  return {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    // Answers "Cancel" (button 1) unless a test says otherwise.
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async (): Promise<{ response: number }> => ({ response: 1 })) },
    Menu,
    screen,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), {
      invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
    }),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The module object for vi.mock('electron', ...): named exports plus a default, like Electron's. */
export function fakeElectronModule(): FakeElectron & { default: FakeElectron } {
  const fake = createFakeElectron();
  return { ...fake, default: fake };
}

/** The fake the code under test received (the mocked 'electron' module of this test file). */
export async function fakeElectron(): Promise<FakeElectron> {
  return (await import('electron')) as unknown as FakeElectron;
}

/** Forgets handlers, windows and recorded calls, so each test starts from a fresh Electron. */
export async function resetFakeElectron(): Promise<void> {
  const electron = await fakeElectron();
  electron.ipcMain.handlers.clear();
  electron.protocol.handlers.clear();
  electron.BrowserWindow.instances.length = 0;
  electron.app.removeAllListeners();
  electron.app.isPackaged = false;
  electron.app.paths = { userData: '/nonexistent/userData' };
  electron.app.appPath = '/nonexistent/app';
  electron.app.locale = 'en-US';
  electron.screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  electron.ipcRenderer.removeAllListeners();
  vi.clearAllMocks();
}
