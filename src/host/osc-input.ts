import { createSocket } from 'node:dgram';
import type { RemoteInfo, Socket } from 'node:dgram';
import { timingSafeEqual } from 'node:crypto';
import type { IntegrationStatus, OscRefusal } from '../core/integration';
import type { Clock } from '../core/time';
import type { MeetingEngine } from './meeting-engine';
import { runAction } from './integration-action';
import { readOscPacket } from './osc-packet';
import { SendRate } from './send-rate';

export interface OscInputDeps {
  engine: MeetingEngine;
  clock: Clock;
  /** The integration key now (null: none, OSC is off) and the port set for OSC. */
  key(): string | null;
  oscPort(): number;
  /** The address to bind: this machine only while the LAN is off, every interface when it is on. */
  address(): string;
  /** Tests bind any free port (0) whatever the setting says. */
  portOverride?: number;
  /** Hears that the status changed (a packet, a bind), to show it in the Network panel. */
  changed(): void;
}

const sameKey = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * OSC over UDP from a control surface: on while an integration key exists, off once it is revoked.
 * Each packet is rate-limited per sender, then read (osc-packet.ts): one that is malformed, has no
 * key or the wrong one, or asks what the meeting does not allow now changes nothing; it is
 * counted, and the last refusal is shown in the Network panel.
 */
export class OscInput {
  private socket: Socket | null = null;
  private bound: { address: string; port: number } | null = null;
  private problem: string | null = null;
  private counts = { received: 0, accepted: 0, refused: 0 };
  private lastError: IntegrationStatus['lastError'] = null;
  private readonly rate: SendRate;
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OscInputDeps) {
    this.rate = new SendRate(() => deps.clock.now());
  }

  /** Opens, moves or closes the UDP port to match the key, the port and the LAN setting; one change at a time. */
  sync(): Promise<void> {
    const run = this.syncing.then(() => this.syncNow());
    this.syncing = run.catch(() => undefined);
    return run;
  }

  status(): Omit<IntegrationStatus, 'key' | 'oscPort'> {
    return { listening: this.bound?.port ?? null, problem: this.problem, ...this.counts, lastError: this.lastError };
  }

  async close(): Promise<void> {
    await this.syncing;
    await this.unbind();
  }

  private async syncNow(): Promise<void> {
    const wanted = this.deps.key() === null ? null : { address: this.deps.address(), port: this.deps.portOverride ?? this.deps.oscPort() };
    const same = wanted !== null && this.bound !== null && wanted.address === this.bound.address && (wanted.port === 0 || wanted.port === this.bound.port);
    if (same || (wanted === null && this.socket === null && this.problem === null)) return;
    await this.unbind();
    this.problem = null;
    if (wanted !== null) await this.bind(wanted.address, wanted.port);
    this.deps.changed();
  }

  private bind(address: string, port: number): Promise<void> {
    const socket = createSocket('udp4');
    return new Promise((resolve) => {
      socket.once('error', (err) => {
        this.problem = `OSC port ${port}: ${err.message}`;
        socket.close();
        resolve();
      });
      socket.bind(port, address, () => {
        socket.removeAllListeners('error');
        // A socket error after the bind (none is expected for UDP input) is shown, never thrown.
        socket.on('error', (err) => this.refuse('malformed', err.message, '?'));
        socket.on('message', (packet, from) => void this.receive(packet, from));
        this.socket = socket;
        this.bound = { address, port: socket.address().port };
        resolve();
      });
    });
  }

  private unbind(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    this.bound = null;
    return socket ? new Promise((resolve) => socket.close(() => resolve())) : Promise.resolve();
  }

  private async receive(packet: Buffer, from: RemoteInfo): Promise<void> {
    this.counts.received++;
    const sender = `${from.address}:${from.port}`;
    if (!this.rate.take(from.address)) return this.refuse('rate-limited', 'too many packets from this sender: dropped unread', sender);
    const key = this.deps.key();
    const request = readOscPacket(packet, (presented) => key !== null && sameKey(key, presented));
    if (!request.ok) return this.refuse(request.reason, request.message, sender);
    const outcome = await runAction(this.deps.engine, request.action, request.slotId, { role: 'integration', device: `osc@${from.address}` });
    if (!outcome.ok) return this.refuse('not-allowed', `${request.action.osc ?? request.action.name}: ${outcome.error.message}`, sender);
    this.counts.accepted++;
    this.deps.changed();
  }

  private refuse(reason: OscRefusal, message: string, from: string): void {
    this.counts.refused++;
    this.lastError = { wall: this.deps.clock.wall(), reason, message, from };
    this.deps.changed();
  }
}
