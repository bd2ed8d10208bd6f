import type { MeetingSetup } from '../core/meeting';
import { startHost } from './index';
import type { HostOptions, RunningHost } from './index';
import { MeetingLibrary } from './meeting-library';

export interface Supervisor {
  /** The host of the meeting open now; a new one after each switch, on the same port and keys. */
  current(): RunningHost;
  /** Hears each switch to another meeting, with a reason when the switch failed and the old one came back. */
  onSwitch(listener: (host: RunningHost, failure: string | null) => void): void;
  close(): Promise<void>;
}

/**
 * Runs the host for one meeting at a time and switches meetings on request. A switch closes the
 * open meeting completely (its log and snapshot settled) and starts the other on the same port
 * with the same keys, so every open screen simply reconnects and is welcomed with the new state.
 */
export async function runHost(opts: HostOptions): Promise<Supervisor> {
  const library = MeetingLibrary.of(opts.meetingPath);
  const listeners = new Set<(host: RunningHost, failure: string | null) => void>();
  // What the next start listens on: the port and network of the host before it, changed at run time or not.
  let port = opts.port;
  let network = opts.network;
  let switching: Promise<void> = Promise.resolve();

  /** Puts a meeting at the top of the recent list, under the title it has now (it may have been renamed). */
  const remember = (running: RunningHost) => library.remember(running.engine.file, running.engine.current().title, (opts.clock?.wall() ?? Date.now()) as number);

  const start = async (meetingPath: string, newMeeting?: MeetingSetup): Promise<RunningHost> => {
    const started = await startHost({ ...opts, meetingPath, port, ...(network ? { network } : {}), ...(newMeeting ? { newMeeting } : {}), files: { library, switchTo } });
    port = started.network.port;
    await remember(started);
    return started;
  };

  const stop = async (running: RunningHost) => {
    const { lan, interface: choice } = running.network.setting;
    network = { lan, interface: choice };
    await running.close();
    await remember(running);
  };

  function switchTo(path: string, setup?: MeetingSetup): void {
    switching = switching.then(async () => {
      const previous = host.engine.file;
      await stop(host);
      let failure: string | null = null;
      try {
        host = await start(path, setup);
      } catch (err) {
        failure = `could not open ${path}: ${(err as Error).message}`;
        host = await start(previous);
      }
      listeners.forEach((l) => l(host, failure));
    });
  }

  let host = await start(opts.meetingPath, opts.newMeeting);
  return {
    current: () => host,
    onSwitch: (listener) => void listeners.add(listener),
    async close() {
      await switching;
      await stop(host);
    },
  };
}
