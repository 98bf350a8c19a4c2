import { EventEmitter } from 'node:events';

/**
 * A recording stand-in for the parts of the `electron` module that main/index.ts and the preload use.
 * Electron's binary cannot be downloaded here; this runs the real wiring under Node and keeps
 * everything it was asked to do, so tests can drive the handlers it registered.
 */
export type FakeElectron = ReturnType<typeof createFakeElectron>;

type Handler = (...args: unknown[]) => unknown;

export function createFakeElectron(options: { userData: string; gotLock?: boolean; messageBoxResponse?: number }) {
  const calls: { what: string; args: unknown[] }[] = [];
  const record = (what: string, ...args: unknown[]) => calls.push({ what, args });
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const windows: FakeBrowserWindow[] = [];
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
      this.windowOpenHandler = handler;
    }
    send(...args: unknown[]) {
      record('webContents.send', ...args);
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getVersion: () => '0.0.0-fake',
    getPath: (name: string) => (name === 'userData' ? options.userData : `${options.userData}/${name}`),
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock');
      return options.gotLock ?? true;
    },
    quit: () => record('app.quit'),
    exit: (code?: number) => record('app.exit', code),
    whenReady: () => ready,
  });

  class FakeBrowserWindow extends EventEmitter {
    static fromWebContents = (contents: unknown) => windows.find((w) => w.webContents === contents) ?? null;
    webContents = new FakeWebContents();
    minimized = false;
    focused = false;
    loaded: string[] = [];
    constructor(public options: unknown) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
    maximize() {}
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
      record('window.restore');
    }
    focus() {
      this.focused = true;
      record('window.focus');
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
  }

  const permission = { request: null as Handler | null, check: null as Handler | null };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => record('Menu.setApplicationMenu', m) },
    dialog: {
      showErrorBox: (...args: unknown[]) => record('dialog.showErrorBox', ...args),
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBoxSync: (...args: unknown[]) => {
        record('dialog.showMessageBoxSync', ...args);
        return options.messageBoxResponse ?? 1;
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        record('ipcMain.handle', channel);
        ipcHandlers.set(channel, handler);
      },
    },
    net: {
      fetch: async (url: string) => {
        record('net.fetch', url);
        return new Response('asset', { status: 200, headers: { 'content-type': 'text/plain' } });
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        protocolHandlers.set(scheme, handler);
      },
    },
    // Like Linux with no keychain: "Remember on this computer" is refused there.
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => {
        throw new Error('Encryption is not available');
      },
      decryptString: () => {
        throw new Error('Encryption is not available');
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => {
          permission.request = h;
        },
        setPermissionCheckHandler: (h: Handler) => {
          permission.check = h;
        },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        record('shell.openExternal', url);
      },
    },
    // For the preload.
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => record('contextBridge.exposeInMainWorld', name, api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => record('ipcRenderer.invoke', ...args),
      on: (...args: unknown[]) => record('ipcRenderer.on', ...args),
      removeListener: (...args: unknown[]) => record('ipcRenderer.removeListener', ...args),
    },
  };

  return {
    module,
    calls,
    ipcHandlers,
    protocolHandlers,
    windows,
    permission,
    newContents: () => {
      const contents = new FakeWebContents();
      app.emit('web-contents-created', {}, contents);
      return contents;
    },
    ready: () => resolveReady(),
    called: (what: string) => calls.filter((c) => c.what === what),
  };
}
