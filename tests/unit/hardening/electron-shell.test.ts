import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { UNLOAD_QUESTION } from '../../../main/shell/security';
import { IPC_INVOKE, contract } from '../../../shared/contract';
import type { Channel } from '../../../shared/contract';
import { createFakeElectron } from '../../helpers/fake-electron';
import type { FakeElectron } from '../../helpers/fake-electron';
import { tempDir } from '../../helpers/db';
import { samplePayload } from '../../helpers/sample-payload';

/*
 * main/index.ts run under Node against a recording fake `electron` module: the real wiring, the real
 * dispatcher; only each handler is replaced by a recorder, so a call that reaches it is seen.
 */
const holder = vi.hoisted(() => ({ fake: null as FakeElectron | null, reached: [] as string[] }));

vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'Menu',
    'dialog',
    'ipcMain',
    'net',
    'protocol',
    'safeStorage',
    'screen',
    'session',
    'shell',
    'contextBridge',
    'ipcRenderer',
  ];
  const mod: Record<string, unknown> = {};
  for (const n of names)
    Object.defineProperty(mod, n, { enumerable: true, get: () => (holder.fake!.module as Record<string, unknown>)[n] });
  return mod;
});
vi.mock('../../../main/handlers', async (importOriginal) => {
  const original = await importOriginal<{ handlers: Record<string, unknown> }>();
  const wrapped = Object.fromEntries(
    Object.keys(original.handlers).map((channel) => [
      channel,
      // Setting up the store is real, so the rest of the test runs on an unlocked store.
      channel === 'store.setUp'
        ? original.handlers[channel]
        : () => {
            holder.reached.push(channel);
            return { reached: channel };
          },
    ]),
  );
  return { handlers: wrapped };
});

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer');

async function boot(options: { gotLock?: boolean; messageBoxResponse?: number } = {}) {
  vi.resetModules();
  holder.reached = [];
  const userData = tempDir('concordat-shell-');
  dirs.push(userData);
  const fake = createFakeElectron({ userData, ...options });
  holder.fake = fake;
  await import('../../../main/index');
  fake.ready();
  if (options.gotLock !== false) {
    for (let i = 0; i < 200 && !fake.windows[0]?.loaded.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.windows[0]?.loaded).toEqual(['app://concordat/index.html']);
  }
  return fake;
}

const dirs: string[] = [];
afterEach(() => {
  holder.fake?.module.app.emit('will-quit');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const appFrame = { senderFrame: { url: 'app://concordat/index.html' } };

/** Cross-field rules a schema walk cannot guess. A new channel with one fails below until listed here. */
const FIXUPS: Partial<Record<Channel, Record<string, unknown>>> = {
  'meetings.create': { endsAt: '2026-03-02T11:00:00+00:00' },
  'meetings.update': { endsAt: '2026-03-02T11:00:00+00:00' },
  'meetings.attendance.invite': { personIds: [1] },
  'meetings.share.create': { noConsentReason: 'Sample' },
  'meetings.share.update': { noConsentReason: 'Sample' },
  'backups.updateSettings': { capBytes: 100 * 1024 * 1024 },
  'plans.indicators.add': { priorityId: 1 },
  'plans.indicators.update': { priorityId: 1 },
};
const channels = Object.keys(contract) as Channel[];
const payloadFor = (c: Channel) => ({
  ...(samplePayload(contract[c].request as z.ZodType) as object),
  ...FIXUPS[c],
});

describe('the Electron shell, run under Node with a fake electron', () => {
  it('registers one IPC channel through which every contract channel reaches its handler', async () => {
    const fake = await boot();
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE]);
    const invoke = fake.ipcHandlers.get(IPC_INVOKE)!;
    // Until a passphrase is set, only the channels allowed while locked get through.
    expect(await invoke(appFrame, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(holder.reached).toEqual([]);
    expect(await invoke(appFrame, 'store.setUp', { passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true });
    const rest = channels.filter((c) => c !== 'store.setUp');
    for (const c of rest) {
      const reply = await invoke(appFrame, c, payloadFor(c));
      expect(reply, c).toEqual({ ok: true, value: { reached: c } });
    }
    expect(holder.reached).toEqual(rest);
    expect(channels.length).toBeGreaterThan(80);
  });

  it.each([
    ['another https site', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file: page', { senderFrame: { url: 'file:///tmp/index.html' } }],
    ['app://evil', { senderFrame: { url: 'app://evil/index.html' } }],
    ['a look-alike app host', { senderFrame: { url: 'app://concordat.evil/index.html' } }],
    ['app:// with credentials', { senderFrame: { url: 'app://user:pw@concordat/index.html' } }],
    ['the dev server', { senderFrame: { url: 'http://127.0.0.1:5173/' } }],
    ['no frame', { senderFrame: null }],
    ['a frame without a URL', { senderFrame: { url: '' } }],
  ])('refuses a call from %s before any handler runs', async (_label, event) => {
    const fake = await boot();
    const reply = await fake.ipcHandlers.get(IPC_INVOKE)!(event, 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(holder.reached).toEqual([]);
  });

  it('denies every permission request and check', async () => {
    const fake = await boot();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const callback = vi.fn();
      fake.permission.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.permission.check!({}, permission)).toBe(false);
    }
  });

  it.each(['will-navigate', 'will-redirect'])('%s: stays in the app; only allowed links go to the browser', async (eventName) => {
    const fake = await boot();
    const contents = fake.windows[0]!.webContents;
    const go = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit(eventName, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(go('app://concordat/index.html#/partners')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://evil/',
      'https://u:p@x.example/',
    ])
      expect(go(url), url).toBe(true);
    expect(fake.called('shell.openExternal').map((c) => c.args[0])).toEqual(['https://evil.example/']);
  });

  it('denies every new window, webview and the windows of any other web contents', async () => {
    const fake = await boot();
    for (const contents of [fake.windows[0]!.webContents, fake.newContents()]) {
      for (const url of ['app://concordat/index.html', 'https://meet.example/', 'file:///x', 'data:text/html,x'])
        expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      const event = { preventDefault: vi.fn() };
      contents.emit('will-attach-webview', event, {}, {});
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(fake.called('shell.openExternal').map((c) => c.args[0])).toEqual(['https://meet.example/', 'https://meet.example/']);
  });

  it('serves app:// from the renderer folder with the CSP, and refuses traversal, %00 and other hosts', async () => {
    const fake = await boot();
    const serve = fake.protocolHandlers.get('app')!;
    const ok = await serve({ url: 'app://concordat/assets/app.js' } as Request);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(fake.called('net.fetch').map((c) => c.args[0])).toEqual([`file://${path.join(rendererDir, 'assets', 'app.js')}`]);
    // The URL parser already folds "/../" and "/%2e%2e/" into the path, so these stay inside the folder.
    await serve({ url: 'app://concordat/../../etc/passwd' } as Request);
    await serve({ url: 'app://concordat/%2e%2e/%2e%2e/etc/passwd' } as Request);
    for (const call of fake.called('net.fetch').slice(1))
      expect(call.args[0]).toBe(`file://${path.join(rendererDir, 'etc', 'passwd')}`);
    for (const url of [
      'app://concordat/..%2f..%2fetc%2fpasswd',
      'app://concordat/assets%5c..%5c..%5csecret',
      'app://concordat/%00',
      'app://concordat/index.html%00.js',
      'app://concordat/%E0%A4%A',
      'app://evil/index.html',
      'app://user@concordat/index.html',
    ]) {
      const res = await serve({ url } as Request);
      expect(res.status, url).toBe(404);
    }
    expect(fake.called('net.fetch')).toHaveLength(3);
    expect(fake.called('protocol.registerSchemesAsPrivileged')[0]!.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('a second instance quits at once; the first restores and focuses its window', async () => {
    const first = await boot();
    const win = first.windows[0]!;
    win.minimized = true;
    first.module.app.emit('second-instance', {}, [], '');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);

    const second = await boot({ gotLock: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(second.called('app.quit')).toHaveLength(1);
    expect(second.ipcHandlers.size).toBe(0);
    expect(second.windows).toHaveLength(0);
  });

  it.each([
    [0, true],
    [1, false],
  ])('closing with unsaved changes asks; choosing button %i leaves: %s', async (response, leaves) => {
    const fake = await boot({ messageBoxResponse: response });
    const event = { preventDefault: vi.fn() };
    fake.windows[0]!.webContents.emit('will-prevent-unload', event);
    const asked = fake.called('dialog.showMessageBoxSync');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.args[0]).toBe(fake.windows[0]);
    expect(asked[0]!.args[1]).toEqual(UNLOAD_QUESTION);
    expect(event.preventDefault.mock.calls.length > 0).toBe(leaves);
  });

  it('opens the window sandboxed, with the preload and no Node', async () => {
    const fake = await boot();
    expect(fake.windows[0]!.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false },
    });
  });

  it('the preload exposes one typed invoke over the one IPC channel, and nothing else', async () => {
    await boot();
    await import('../../../main/preload');
    const [exposed] = holder.fake!.called('contextBridge.exposeInMainWorld');
    expect(exposed!.args[0]).toBe('concordat');
    const bridge = exposed!.args[1] as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenuCommand']);
    await bridge.invoke!('app.info', {});
    expect(holder.fake!.called('ipcRenderer.invoke')[0]!.args).toEqual([IPC_INVOKE, 'app.info', {}]);
  });
});
