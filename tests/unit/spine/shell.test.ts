import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgs, defaultUserDataDir, resolveDataDir } from '../../../main/data-dir';
import { menuTemplate } from '../../../main/shell/menu-template';
import type { MenuItem } from '../../../main/shell/menu-template';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAppUrl,
  navigationDecision,
  resolveAppAsset,
} from '../../../main/shell/security';
import { DEFAULT_BOUNDS, restoreBounds, windowOptions } from '../../../main/shell/window-options';

describe('window options', () => {
  it('isolate the page: sandbox, context isolation, no Node anywhere', () => {
    const w = windowOptions('/app/preload.cjs').webPreferences;
    expect(w).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('restore a saved position only where a display can show it', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 100, y: 80, width: 1000, height: 700 }, displays)).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(restoreBounds({ x: 5000, y: 80, width: 1000, height: 700 }, displays)).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(restoreBounds({ width: 'big' }, displays)).toEqual(DEFAULT_BOUNDS);
    expect(restoreBounds(null, displays)).toEqual(DEFAULT_BOUNDS);
    expect(windowOptions('p', { width: 300, height: 300 }).width).toBe(900);
  });
});

describe('URL policy', () => {
  it.each([
    ['app://concordat/index.html', 'allow'],
    ['app://concordat/#/settings', 'allow'],
    ['app://evil/index.html', 'deny'],
    ['https://www.gov.uk/', 'open-external'],
    ['mailto:coordinator@example.org', 'open-external'],
    ['http://example.org/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['https://user:pass@example.org/', 'deny'],
    ['data:text/html,hi', 'deny'],
    ['not a url', 'deny'],
  ])('%s → %s', (url, decision) => {
    expect(navigationDecision(url)).toBe(decision);
  });

  it('app URLs and external URLs are distinct', () => {
    expect(isAppUrl('https://concordat/')).toBe(false);
    expect(isAllowedExternalUrl('app://concordat/')).toBe(false);
    expect(isAllowedExternalUrl('mailto:')).toBe(false);
  });

  it('maps app:// requests into the renderer folder only', () => {
    expect(resolveAppAsset('app://concordat/', '/r')).toBe('/r/index.html');
    expect(resolveAppAsset('app://concordat/assets/app.js', '/r')).toBe('/r/assets/app.js');
    expect(resolveAppAsset('app://concordat/..%2f..%2fetc/passwd', '/r')).toBeNull();
    expect(resolveAppAsset('app://concordat/a%5c..%5c..%5cx', '/r')).toBeNull();
    expect(resolveAppAsset('app://other/index.html', '/r')).toBeNull();
  });

  it('the CSP allows no remote code, no inline script and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('menu template', () => {
  const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => ('submenu' in i ? [i, ...flatten(i.submenu)] : [i]));
  it('has the usual roles and the app commands with shortcuts', () => {
    const all = flatten(menuTemplate('linux', false));
    const roles = all.filter((i) => 'role' in i).map((i) => (i as { role: string }).role);
    expect(roles).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
    expect(roles).not.toContain('toggleDevTools');
    const commands = all.filter((i) => 'command' in i) as { command: string; accelerator?: string }[];
    expect(commands.find((c) => c.command === 'save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(commands.find((c) => c.command === 'find')?.accelerator).toBe('CmdOrCtrl+F');
  });
  it('adds the app menu on macOS and developer tools only in development', () => {
    expect(menuTemplate('darwin', false)[0]).toMatchObject({ label: 'Concordat' });
    expect(JSON.stringify(menuTemplate('linux', true))).toContain('toggleDevTools');
  });
});

describe('data folder', () => {
  it('takes --data-dir first, then the environment, then the user data folder', () => {
    expect(dataDirFromArgs(['--data-dir', '/x'])).toBe('/x');
    expect(dataDirFromArgs(['--data-dir=/y'])).toBe('/y');
    expect(resolveDataDir(['--data-dir', '/x'], { CONCORDAT_DATA_DIR: '/e' }, '/f')).toBe(path.resolve('/x'));
    expect(resolveDataDir([], { CONCORDAT_DATA_DIR: '/e' }, '/f')).toBe(path.resolve('/e'));
    expect(resolveDataDir([], {}, '/f')).toBe(path.resolve('/f'));
  });
  it('matches Electron userData on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe(path.join('/home/u', '.config', 'Concordat'));
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe(
      path.join('/Users/u', 'Library', 'Application Support', 'Concordat'),
    );
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\u')).toContain('Concordat');
  });
});
