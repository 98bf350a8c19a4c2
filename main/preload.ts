import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, RequestOf, ResponseOf } from '../shared/contract';
import { IPC_INVOKE } from '../shared/contract';
import type { MenuCommand } from '../shared/menu-commands';
import { IPC_MENU_COMMAND, isMenuCommand } from '../shared/menu-commands';
import type { Result } from '../shared/result';

/** The only things the page can reach: one typed call into the contract, and menu commands. */
const bridge = {
  invoke: <C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> =>
    ipcRenderer.invoke(IPC_INVOKE, channel, payload) as Promise<Result<ResponseOf<C>>>,
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) => {
    const wrapped = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC_MENU_COMMAND, wrapped);
    return () => ipcRenderer.removeListener(IPC_MENU_COMMAND, wrapped);
  },
};

contextBridge.exposeInMainWorld('concordat', bridge);
