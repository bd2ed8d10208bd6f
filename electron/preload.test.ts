import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC, SHELL_EVENTS } from '../src/core/shell-api';
import type { ShellApi } from '../src/core/shell-api';

const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve(null)),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('the preload', () => {
  beforeAll(async () => {
    await import('./preload');
  });

  it('exposes the typed shell API and nothing else: no ipcRenderer, no Node', () => {
    expect([...exposed.keys()]).toEqual(['rostrumShell']);
    const api = exposed.get('rostrumShell') as ShellApi;
    expect(Object.keys(api).sort()).toEqual(['listDisplays', 'moveDisplayWindow', 'onNotice', 'savePdf']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends each request on its own channel, and hands the shell’s notices to the page without the IPC event', async () => {
    const api = exposed.get('rostrumShell') as ShellApi;
    await api.listDisplays();
    await api.moveDisplayWindow(2);
    await api.savePdf();
    expect(invoked).toEqual([[IPC.listDisplays], [IPC.moveDisplayWindow, 2], [IPC.savePdf]]);
    const heard: unknown[] = [];
    const stop = api.onNotice((n) => heard.push(n));
    listeners.get(SHELL_EVENTS.notice)?.({ sender: 'ipc internals' }, { type: 'projector-moved', reason: 'unplugged', screen: 'Built-in' });
    expect(heard).toEqual([{ type: 'projector-moved', reason: 'unplugged', screen: 'Built-in' }]);
    stop();
    expect(listeners.has(SHELL_EVENTS.notice)).toBe(false);
  });
});
