// Hardening for every web contents and for the default session. The renderer only ever shows
// our own pages from app://briefbook/; anything else (a link, a redirect, a popup, a
// <webview>, a permission prompt, a request to the network) is refused here, in the main
// process, where a compromised renderer cannot switch it off.
import { shell, type App, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAppUrl } from './app-url';

/** Links a user may open in their own browser: https only, no embedded credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
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
    // A plan's source link (target=_blank) opens in the user's browser; the app never
    // opens a second window of its own.
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
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
