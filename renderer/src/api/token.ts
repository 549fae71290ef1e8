// Browser mode's access key. The server prints a URL carrying `?token=…` once; we move it into
// sessionStorage (so reloads and this tab keep working) and out of the address bar (so it is
// not bookmarked, shared in a screenshot or kept in history).
import { TOKEN_QUERY_PARAM } from '../../../shared/api/http';

export const TOKEN_STORAGE_KEY = 'briefbook.token';

export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Takes a token from the URL if there is one (newest wins), strips it, and returns the token to use. */
export function takeAccessToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAM);
  if (url.searchParams.has(TOKEN_QUERY_PARAM)) {
    url.searchParams.delete(TOKEN_QUERY_PARAM);
    env.history.replaceState(env.history.state, '', url.pathname + url.search + url.hash);
  }
  if (fromUrl) {
    try {
      env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    return fromUrl;
  }
  try {
    return env.storage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
