// The navigation guard, popup and webview refusal, permission denial, network block and CSP.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isAppUrl } from '../../electron/main/app-url';
import { secureWebPreferences } from '../../electron/main/window';
import {
  applySessionPolicy,
  askToOpenExternal,
  guardWebContents,
  setDialogLanguage,
  hardenApp,
  isNetworkUrl,
  withContentSecurityPolicy,
} from '../../electron/main/security';
import { resetFakeElectron, fakeElectron, fakeEvent, FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

function guarded(): FakeWebContents {
  const contents = new FakeWebContents('app://briefbook/index.html');
  guardWebContents(contents as unknown as WebContents);
  return contents;
}

function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = fakeEvent({ url });
  contents.emit(event, e, url, false, true);
  return e.defaultPrevented();
}

describe('isAppUrl', () => {
  it('accepts only our own origin', () => {
    expect(isAppUrl('app://briefbook/index.html')).toBe(true);
    expect(isAppUrl('app://briefbook/assets/x.js?y#z')).toBe(true);
    for (const url of [
      'app://briefbook.evil/index.html',
      'app://evil/briefbook/',
      'app://user:pw@briefbook/',
      'https://briefbook/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('navigation guard', () => {
  for (const event of ['will-navigate', 'will-redirect'] as const) {
    it(`${event}: prevents foreign destinations and allows our own`, () => {
      const contents = guarded();
      expect(navigate(contents, event, 'https://evil.example/')).toBe(true);
      expect(navigate(contents, event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(contents, event, 'app://briefbook.evil/index.html')).toBe(true);
      expect(navigate(contents, event, 'app://briefbook/index.html#/initiative/hz-2024/T1/I1')).toBe(false);
    });
  }

  it('a file dropped on the window never navigates it: drag-and-drop navigation is off, and a file: navigation is refused', () => {
    // The renderer takes the drop (the import dialog reads the file); the window stays on the app.
    expect(secureWebPreferences('/x/preload.cjs').navigateOnDragDrop).toBe(false);
    const contents = guarded();
    expect(navigate(contents, 'will-navigate', 'file:///home/reader/Downloads/%E6%96%B9%E6%A1%88.docx')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///C:/Users/reader/plan.pdf')).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    const contents = guarded();
    const e = fakeEvent({});
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented()).toBe(true);
  });

  it('denies every new window; only an http(s) or mailto link goes out (browser, mail program), after the user agrees', async () => {
    const { shell, dialog } = await fakeElectron();
    const contents = guarded();
    const open = contents.windowOpenHandler!;
    for (const url of ['https://www.hangzhou.gov.cn/x', 'http://example.com/', 'mailto:analyst@example.com']) {
      dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
      expect(open({ url }), url).toEqual({ action: 'deny' });
      await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith(url));
      shell.openExternal.mockClear();
    }
    dialog.showMessageBox.mockClear();
    for (const url of ['file:///etc/passwd', 'app://briefbook/index.html', 'javascript:alert(1)', 'https://u:p@example.com/']) {
      expect(open({ url }), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    // Refused links are not even asked about.
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks before opening a link, showing the full address, and opens nothing on Cancel', async () => {
    const { shell, dialog, app } = await fakeElectron();
    const url = 'https://www.hangzhou.gov.cn/art/2024/5/11/art_1229063381_59081614.html?from=briefbook#top';
    app.locale = 'en-US';
    expect(await askToOpenExternal(url)).toBe(false); // the fake answers Cancel
    expect(shell.openExternal).not.toHaveBeenCalled();
    const [options] = dialog.showMessageBox.mock.calls[0] as unknown as [Electron.MessageBoxOptions];
    expect(options.message).toBe('Open this address in your browser?');
    expect(options.detail).toContain(url);
    expect(options.buttons).toEqual(['Open', 'Cancel']);
    expect(options).toMatchObject({ defaultId: 1, cancelId: 1 });

    setDialogLanguage(() => 'zh');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await askToOpenExternal(url)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(url);
    const [zh] = dialog.showMessageBox.mock.calls[1] as unknown as [Electron.MessageBoxOptions];
    expect(zh.buttons).toEqual(['打开', '取消']);
    expect(zh.detail).toContain(url);
    // A link that is not http(s) or mailto is never offered.
    expect(await askToOpenExternal('ftp://example.com/')).toBe(false);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('hardens every web contents the app creates', async () => {
    const { app } = await fakeElectron();
    hardenApp(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent({}), contents);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });
});

describe('session policy', () => {
  async function session() {
    const { session } = await fakeElectron();
    applySessionPolicy(session.defaultSession as unknown as Session);
    return session.defaultSession;
  }

  it('denies every permission request and check', async () => {
    const ses = await session();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler!({}, permission, 'app://briefbook', {}), permission).toBe(false);
    }
  });

  it('cancels requests that would leave the machine', async () => {
    const ses = await session();
    const decide = (url: string) => {
      const callback = vi.fn();
      ses.beforeRequest!({ url }, callback);
      return callback.mock.calls[0]![0] as { cancel?: boolean };
    };
    expect(decide('https://example.com/track.gif').cancel).toBe(true);
    expect(decide('http://127.0.0.1:9/').cancel).toBe(true);
    expect(decide('wss://example.com/').cancel).toBe(true);
    expect(decide('app://briefbook/index.html').cancel).toBe(false);
    expect(decide('devtools://devtools/bundled/inspector.html').cancel).toBe(false);
    expect(isNetworkUrl('ftp://example.com/')).toBe(true);
  });

  it('puts our CSP on every response, replacing any other', async () => {
    const ses = await session();
    const callback = vi.fn();
    ses.headersReceived!(
      { url: 'app://briefbook/index.html', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
