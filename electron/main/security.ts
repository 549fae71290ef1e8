// Hardening for every web contents and for the default session. The renderer only ever shows
// our own pages from app://briefbook/; anything else (a link, a redirect, a popup, a
// <webview>, a permission prompt, a request to the network) is refused here, in the main
// process, where a compromised renderer cannot switch it off.
import { app, dialog, shell, type App, type Session, type WebContents } from 'electron';
import type { UiLanguage } from '../../shared/api/contract';
import { pickUiLanguage } from '../../shared/i18n/language';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAppUrl } from './app-url';

/** Links a user may open in their own browser or mail program: http(s) and mailto (a reader's
 *  notes link to both), never with embedded credentials; always after the user agreed. */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return EXTERNAL_PROTOCOLS.has(parsed.protocol) && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

const OPEN_LINK_TEXT: Record<UiLanguage, { message: string; detail: string; open: string; cancel: string }> = {
  zh: {
    message: '要在浏览器中打开此网址吗？',
    detail: '该链接将离开 Briefbook，在您的默认浏览器中打开：',
    open: '打开',
    cancel: '取消',
  },
  en: {
    message: 'Open this address in your browser?',
    detail: 'This link leaves Briefbook and opens in your default browser:',
    open: 'Open',
    cancel: 'Cancel',
  },
};

let dialogLanguage = (): UiLanguage => pickUiLanguage(null, [app.getLocale()]);

/** Which language the link question speaks (lifecycle passes the reader's UI language). */
export function setDialogLanguage(get: () => UiLanguage): void {
  dialogLanguage = get;
}

/**
 * Asks before a link leaves the app, showing the whole address (a link's text can say one
 * thing and point elsewhere); opens it only on an explicit "Open". Cancel is the default and
 * what Escape chooses. Resolves to whether it opened.
 */
export async function askToOpenExternal(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  const text = OPEN_LINK_TEXT[dialogLanguage()];
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: text.message,
    detail: `${text.detail}\n\n${url}`,
    buttons: [text.open, text.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return false;
  await shell.openExternal(url);
  return true;
}

/** Schemes that would leave the machine. Briefbook works offline, so it never needs them. */
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export function isNetworkUrl(url: string): boolean {
  try {
    return NETWORK_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Response headers with our CSP in place of any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

function denyForeign(event: NavigationEvent): void {
  if (!isAppUrl(event.url)) event.preventDefault();
}

/** Keeps one web contents on our origin: no foreign navigation, no popups, no webviews. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => denyForeign(event));
  contents.on('will-redirect', (event) => denyForeign(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A plan's source link (target=_blank) opens in the user's browser once they say so; the
    // app never opens a second window of its own.
    if (isSafeExternalUrl(url)) void askToOpenExternal(url).catch(() => false);
    return { action: 'deny' };
  });
}

/** Guards every web contents the app ever creates, including ones we did not create on purpose. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** Denies every permission, blocks network requests, and sets our CSP on every response. */
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isNetworkUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }),
  );
}
