// The default data folder matches what Electron's app.getPath('userData') gives an app named
// Briefbook, so the desktop app and browser mode find the same database.
import { describe, expect, it } from 'vitest';
import { APP_NAME, defaultDataDir } from '../../electron/core/paths';

describe('defaultDataDir', () => {
  it('is named for the app', () => {
    expect(APP_NAME).toBe('Briefbook');
  });

  describe('linux', () => {
    it('uses ~/.config without XDG_CONFIG_HOME', () => {
      expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Briefbook');
    });

    it('honours XDG_CONFIG_HOME', () => {
      expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/ada/cfg' }, '/home/ada')).toBe('/data/ada/cfg/Briefbook');
    });

    it('ignores an empty XDG_CONFIG_HOME', () => {
      expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ada')).toBe('/home/ada/.config/Briefbook');
    });

    it('treats other Unix systems like linux', () => {
      expect(defaultDataDir('freebsd', {}, '/home/ada')).toBe('/home/ada/.config/Briefbook');
    });
  });

  describe('darwin', () => {
    it('uses ~/Library/Application Support, whatever XDG_CONFIG_HOME says', () => {
      expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/elsewhere' }, '/Users/ada')).toBe(
        '/Users/ada/Library/Application Support/Briefbook',
      );
    });
  });

  describe('win32', () => {
    it('uses APPDATA, with Windows separators', () => {
      expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(
        'C:\\Users\\ada\\AppData\\Roaming\\Briefbook',
      );
    });

    it('falls back to the home folder when APPDATA is missing or empty', () => {
      for (const env of [{}, { APPDATA: '' }]) {
        expect(defaultDataDir('win32', env, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\Briefbook');
      }
    });
  });

  it('defaults to this process: platform, environment and home folder', () => {
    expect(defaultDataDir()).toBe(defaultDataDir(process.platform, process.env));
    expect(defaultDataDir().endsWith('Briefbook')).toBe(true);
  });
});
