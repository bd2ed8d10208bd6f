import type { PortLike } from './host-port';

type HostSideProcess = Pick<NodeJS.Process, 'on' | 'send' | 'connected'> & { parentPort?: PortLike };

/**
 * The host process's link to the shell: Electron's parentPort in a utility process, or Node's IPC
 * channel when Node forked it (the shell's integration test, the packaging test). Node's channel
 * closing means the shell is gone: heard as its "close", so the meeting is settled, not abandoned.
 */
export function parentPortOf(proc: HostSideProcess = process as HostSideProcess): PortLike {
  if (proc.parentPort) return proc.parentPort;
  const send = proc.send?.bind(proc);
  if (!send) throw new Error('the host process was started without a link to the shell (no parentPort, no IPC channel)');
  return {
    on: (_event, listener) => {
      proc.on('message', (data: unknown) => listener({ data }));
      proc.on('disconnect', () => listener({ data: { type: 'close' } }));
    },
    // Nobody is left to hear a message sent after the shell is gone.
    postMessage: (message) => void (proc.connected && send(message)),
  };
}
