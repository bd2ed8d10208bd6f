import { join } from 'node:path';
import type { NetworkSetting } from '../src/core/network';
import { runHost } from '../src/host/host-supervisor';
import type { Supervisor } from '../src/host/host-supervisor';
import { MeetingLibrary } from '../src/host/meeting-library';
import { ToHostSchema } from './host-process';
import type { FromHost, HostAddress, HostStart } from './host-process';

/** What the host process needs of its link to the shell: Electron's parentPort has it. */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromHost): void;
}

/**
 * The host the app runs: on the meeting opened last, else the demo (created the first time), on
 * the remembered port or, when another program has it, the next free one (the control view says so).
 */
export async function runShellHost(start: HostStart, remember: (setting: NetworkSetting) => void): Promise<Supervisor> {
  const meetingPath = (await MeetingLibrary.lastOpened(start.meetingsDir)) ?? join(start.meetingsDir, 'demo.rostrum.jsonl');
  return runHost({ meetingPath, port: start.port, uiDir: start.uiDir, network: start.network, whenPortTaken: 'next', runs: start.runs, rememberNetwork: remember });
}

export function addressOf(host: Supervisor): HostAddress {
  const { origin, controlUrl, displayUrl } = host.current();
  return { origin, controlUrl, displayUrl };
}

/**
 * The host process's side (host-process.ts has the shell's): opens the last meeting (the demo the
 * first time), tells the shell where it listens, and closes the meeting when the shell asks.
 * Resolves once closed.
 */
export async function serveShell(port: PortLike, start: HostStart): Promise<void> {
  // Heard from the start: the app may be quit while the host is still opening its meeting.
  const closeAsked = new Promise<void>((resolve) => port.on('message', (event) => ToHostSchema.safeParse(event.data).success && resolve()));
  let host: Supervisor | null = null;
  const remember = (setting: NetworkSetting) => host && port.postMessage({ type: 'network', setting, address: addressOf(host) });
  try {
    host = await runShellHost(start, remember);
  } catch (err) {
    port.postMessage({ type: 'failed', message: (err as Error).message });
    throw err;
  }
  port.postMessage({ type: 'ready', address: addressOf(host) });
  await closeAsked;
  await host.close();
  port.postMessage({ type: 'closed' });
}
