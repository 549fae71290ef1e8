// The renderer's origin. The app is served from a custom privileged scheme rather than
// file:// so it gets a real origin (for CSP 'self', fetch and storage) and so that no page
// can read arbitrary files by navigating to a file:// URL.
export const APP_SCHEME = 'app';
export const APP_HOST = 'briefbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own origin, parsed (a prefix test would accept app://briefbook.evil). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}
