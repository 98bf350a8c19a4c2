import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, net, protocol, safeStorage, screen, session, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { IPC_INVOKE } from '../shared/contract';
import { IPC_MENU_COMMAND } from '../shared/menu-commands';
import { AppError } from '../shared/result';
import { resolveDataDir } from './data-dir';
import { handlers } from './handlers';
import { createDispatcher } from './ipc/dispatcher';
import type { HostServices } from './ipc/dispatcher';
import { log } from './logger';
import { menuTemplate } from './shell/menu-template';
import type { MenuItem } from './shell/menu-template';
import { writeFileAtomic } from './shell/save-file';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  UNLOAD_QUESTION,
  isAppUrl,
  leaveDespiteUnsaved,
  navigationDecision,
  resolveAppAsset,
} from './shell/security';
import { restoreBounds, windowOptions } from './shell/window-options';
import { createAppStore, withAfterCall } from './store/open-store';
import { createKeychain } from './store/remember';

// Thin wiring only: every decision made here is a tested pure function in main/shell/.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const isDev = !app.isPackaged;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('failed to start', error);
      dialog.showErrorBox('Concordat could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  async function start(): Promise<void> {
    const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
    // better-sqlite3 built for Electron (scripts/prepare-electron.mjs); node_modules holds the Node build.
    const nativeBinding = app.isPackaged
      ? path.join(process.resourcesPath, 'better_sqlite3.node')
      : path.resolve(here, '../../.electron-native/better_sqlite3.node');
    // The store starts locked; the window shows the set-up or unlock screen first.
    const folderDialog = async (options: Electron.OpenDialogOptions) => {
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
    };
    const { store, backups } = createAppStore({
      dataDir,
      ...(fs.existsSync(nativeBinding) ? { nativeBinding } : {}),
      backups: {
        chooseFolder: () =>
          folderDialog({ title: 'Choose a second folder for backups', properties: ['openDirectory', 'createDirectory'] }),
        chooseBackupFile: () =>
          folderDialog({
            title: 'Choose a Concordat backup to restore',
            properties: ['openFile'],
            filters: [{ name: 'Concordat backup', extensions: ['sqlite3'] }],
          }),
      },
    });
    app.on('will-quit', () => store.close());
    const keychain = createKeychain(safeStorage, dataDir, process.platform);
    const remembered = store.state === 'locked' ? keychain.load() : null;
    if (remembered) {
      try {
        store.unlockWithKey(remembered);
      } catch (error) {
        // A stale key is forgotten; any other failure leaves it, and the unlock screen explains.
        if (error instanceof AppError && error.code === 'wrong_passphrase') keychain.forget();
        log.warn('the key remembered on this computer did not open the store', error);
      } finally {
        remembered.fill(0);
      }
    }

    const host: HostServices = {
      kind: 'electron',
      appVersion: app.getVersion(),
      dataDir,
      keychain,
      backups,
      saveFile: async ({ suggestedName, extension, bytes }) => {
        const options = {
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { status: 'canceled' };
        writeFileAtomic(choice.filePath, bytes);
        return { status: 'saved', fileName: path.basename(choice.filePath) };
      },
    };
    const dispatch = withAfterCall(createDispatcher(handlers, { store, host }), () => backups.afterCall());
    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, payload: unknown) => {
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url))
        return { ok: false, error: { code: 'unauthorised', message: 'Refused.' } };
      return dispatch(channel, payload);
    });

    protocol.handle(APP_SCHEME, (request) => {
      const file = resolveAppAsset(request.url, rendererDir, path.sep);
      if (!file) return new Response('Not found', { status: 404 });
      return net.fetch(pathToFileURL(file).toString()).then((res) => {
        const headers = new Headers(res.headers);
        headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        return new Response(res.body, { status: res.status, headers });
      });
    });

    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    app.on('web-contents-created', (_event, contents) => {
      contents.setWindowOpenHandler(({ url }) => {
        if (navigationDecision(url) === 'open-external') void shell.openExternal(url);
        return { action: 'deny' };
      });
      const guardNavigation = (event: { preventDefault: () => void }, url: string) => {
        const decision = navigationDecision(url);
        if (decision === 'allow') return;
        event.preventDefault();
        if (decision === 'open-external') void shell.openExternal(url);
      };
      contents.on('will-navigate', guardNavigation);
      // A server redirect during navigation is a navigation too.
      contents.on('will-redirect', guardNavigation);
      contents.on('will-prevent-unload', (event) => {
        const owner = BrowserWindow.fromWebContents(contents);
        const choice = owner ? dialog.showMessageBoxSync(owner, UNLOAD_QUESTION) : dialog.showMessageBoxSync(UNLOAD_QUESTION);
        if (leaveDespiteUnsaved(choice)) event.preventDefault();
      });
      contents.on('will-attach-webview', (event) => event.preventDefault());
    });

    const stateFile = path.join(dataDir, 'window-state.json');
    let saved: unknown;
    try {
      saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    } catch {
      saved = undefined;
    }
    const bounds = restoreBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs'), bounds));
    if (bounds.maximized) win.maximize();
    win.once('ready-to-show', () => win?.show());
    win.on('close', () => {
      if (!win) return;
      try {
        writeFileAtomic(stateFile, Buffer.from(JSON.stringify({ ...win.getNormalBounds(), maximized: win.isMaximized() })));
      } catch (error) {
        log.warn('could not save window position', error);
      }
    });
    win.on('closed', () => {
      win = null;
    });
    const toElectron = (items: MenuItem[]): MenuItemConstructorOptions[] =>
      items.map((item) => {
        if ('submenu' in item)
          return { label: item.label, role: item.role as MenuItemConstructorOptions['role'], submenu: toElectron(item.submenu) };
        if ('command' in item)
          return {
            label: item.label,
            accelerator: item.accelerator,
            click: () => win?.webContents.send(IPC_MENU_COMMAND, item.command),
          };
        if ('type' in item) return { type: 'separator' };
        return { role: item.role as MenuItemConstructorOptions['role'], label: item.label };
      });
    Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(menuTemplate(process.platform, isDev))));

    await win.loadURL(`${APP_ORIGIN}/index.html`);
    log.info(`Concordat started; data in ${dataDir}; host ${APP_HOST}`);
  }

  app.on('window-all-closed', () => app.quit());
}
