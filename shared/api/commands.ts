// The app's commands: what a menu item or a shortcut asks the app to do. Defined once so the
// native menu (electron/main/menu.ts), the preload's allowlist and the browser-mode keyboard
// handler (renderer/src/shell) all use the same names and the same accelerators.
// Pure data: the sandboxed preload imports this file, so it must stay free of zod and schemas.

export const APP_COMMANDS = [
  'import',
  'annotations.export',
  'annotations.import',
  'find',
  'search',
  'print',
  'newNote',
  'preferences',
  'view.read',
  'view.table',
  'view.dashboard',
  'view.library',
  'view.annotations',
  'view.packets',
  'initiative.next',
  'initiative.previous',
  'outline.toggle',
  'language.zh',
  'language.en',
  'readingMode.zh',
  'readingMode.en',
  'readingMode.both',
  'about',
  'revealDataFolder',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(name: unknown): name is AppCommand {
  return typeof name === 'string' && (APP_COMMANDS as readonly string[]).includes(name);
}

/**
 * Shortcuts in Electron's accelerator syntax. CmdOrCtrl is Command on macOS and Control
 * elsewhere, in the menu and in the browser-mode handler alike. Commands without an entry are
 * reached through the menu (or the preferences dialog) only.
 */
export const COMMAND_ACCELERATORS: Readonly<Partial<Record<AppCommand, string>>> = {
  // File → Import plan…: the renderer opens its import dialog (the desktop's Open shortcut).
  import: 'CmdOrCtrl+O',
  find: 'CmdOrCtrl+F',
  // Search everywhere, the shortcut editors use for it.
  search: 'CmdOrCtrl+Shift+F',
  print: 'CmdOrCtrl+P',
  newNote: 'CmdOrCtrl+N',
  preferences: 'CmdOrCtrl+,',
  'view.read': 'CmdOrCtrl+1',
  'view.table': 'CmdOrCtrl+2',
  'view.dashboard': 'CmdOrCtrl+3',
  'view.library': 'CmdOrCtrl+4',
  'view.annotations': 'CmdOrCtrl+5',
  'view.packets': 'CmdOrCtrl+6',
  // Alt+arrows rather than [ ]: Chinese input methods turn [ into 【 (the reading view uses the same keys).
  'initiative.next': 'Alt+Down',
  'initiative.previous': 'Alt+Up',
  // Ctrl+B would clash with bold in the note editor to come; Ctrl+\ is free on every platform.
  'outline.toggle': 'CmdOrCtrl+\\',
};

/**
 * Commands the desktop's main process carries out itself (a native panel, the file manager).
 * They still reach the renderer's handlers in browser mode if the app offers them there.
 */
export const MAIN_PROCESS_COMMANDS = ['about', 'revealDataFolder'] as const satisfies readonly AppCommand[];

/**
 * Commands that keep working while the reader types in a text field: they act on the app, not
 * on the text (every other shortcut is left to the field, e.g. Ctrl+1 never switches views
 * from inside an input).
 */
export const COMMANDS_WHILE_TYPING = ['import', 'find', 'search', 'print', 'preferences'] as const satisfies readonly AppCommand[];

/**
 * Commands that exist but are not available yet: the menu shows them disabled and the
 * keyboard handler ignores them.
 */
export const UNAVAILABLE_COMMANDS = [] as const satisfies readonly AppCommand[];

export function isCommandAvailable(command: AppCommand): boolean {
  return !(UNAVAILABLE_COMMANDS as readonly AppCommand[]).includes(command);
}

/** The IPC channel on which main sends a command to the renderer: (name, viaShortcut). */
export const COMMAND_CHANNEL = 'briefbook:command';

/** Name of the second, small object the preload puts on `window`. */
export const SHELL_GLOBAL = 'briefbookShell';

/** How a command was given: by its shortcut (the renderer then spares text fields, see COMMANDS_WHILE_TYPING) or by a click. */
export interface CommandOrigin {
  viaShortcut: boolean;
}

/** What the preload exposes as window.briefbookShell (desktop only; absent in browser mode). */
export interface ShellBridge {
  /** Calls listener with each command main sends; returns a function that stops listening. */
  onCommand(listener: (command: AppCommand, origin: CommandOrigin) => void): () => void;
  /** process.platform of the desktop host, e.g. 'darwin', 'win32', 'linux'. */
  readonly platform: string;
}
