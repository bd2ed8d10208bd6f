// Runs sandboxed in every window: exposes the typed shell API, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, SHELL_EVENTS } from '../src/core/shell-api';
import type { DisplayInfo, ShellApi, ShellNotice } from '../src/core/shell-api';

const api = {
  listDisplays: () => ipcRenderer.invoke(IPC.listDisplays) as Promise<DisplayInfo[]>,
  moveDisplayWindow: (displayId: number) => ipcRenderer.invoke(IPC.moveDisplayWindow, displayId) as Promise<void>,
  savePdf: () => ipcRenderer.invoke(IPC.savePdf) as Promise<string | null>,
  // The page gets the notice, never the IPC event (which would hand it the sender).
  onNotice: (listener: (notice: ShellNotice) => void) => {
    const heard = (_event: unknown, notice: ShellNotice) => listener(notice);
    ipcRenderer.on(SHELL_EVENTS.notice, heard);
    return () => void ipcRenderer.removeListener(SHELL_EVENTS.notice, heard);
  },
} satisfies ShellApi;

contextBridge.exposeInMainWorld('rostrumShell', api);
