// Runs sandboxed in every window: exposes the typed shell API, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from './shell-api';
import type { DisplayInfo, ShellApi } from './shell-api';

const api = {
  listDisplays: () => ipcRenderer.invoke(IPC.listDisplays) as Promise<DisplayInfo[]>,
  moveDisplayWindow: (displayId: number) => ipcRenderer.invoke(IPC.moveDisplayWindow, displayId) as Promise<void>,
} satisfies ShellApi;

contextBridge.exposeInMainWorld('rostrumShell', api);
