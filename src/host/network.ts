import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import type { IntegrationStatus } from '../core/integration';
import type { HostRuns, NetworkProblem, NetworkSetting, NetworkStatus } from '../core/network';
import { acceptsLocalAddress, chosenInterfaces, lanInterfaces, loopbackAddresses } from './interfaces';
import type { InterfaceTable, LanInterface } from './interfaces';
import { listenFrom, listenOn } from './listen';

export interface NetworkDeps {
  runs: HostRuns;
  /** Whether a change is kept for the next start (the desktop app saves it; serve mode has flags). */
  remembered: boolean;
  /** The machine's interfaces (os.networkInterfaces; a fake list in tests). */
  interfaces?: () => InterfaceTable;
  platform?: NodeJS.Platform;
  /** Hears every setting applied at run time, to remember it. */
  onSetting?: (setting: NetworkSetting) => void;
  /** The integration key and its OSC input, shown in the same panel. */
  integration: () => IntegrationStatus;
}

/** The address the host listens on: every one when the LAN is on (the chosen interfaces are picked per connection). */
export const listenAddress = (setting: NetworkSetting): string => (setting.lan ? '0.0.0.0' : '127.0.0.1');

const INTERFACE_CHECK_MS = 5000;

/**
 * The host's network: which addresses it serves, on which port, and the change of either while
 * the meeting runs. A change of the LAN or the port moves the listener, not the meeting: the
 * meeting engine, its timers and the keys stay; open screens are told the new port and reopen
 * there. A change of interface moves nothing: connections arriving at an address not chosen are
 * closed as they come.
 */
export class HostNetwork {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly changed = new Set<() => void>();
  private readonly moved = new Set<(port: number) => void>();
  private readonly qr = new Map<string, Promise<string>>();
  private failure: string | null = null;
  private applying: Promise<unknown> = Promise.resolve();
  private lastServed = '';
  private readonly check: ReturnType<typeof setInterval>;

  /** The port listened on: the setting's, or the next free one (known once attached). */
  private actualPort: number;

  constructor(
    private current: NetworkSetting,
    private readonly deps: NetworkDeps,
  ) {
    this.actualPort = current.port;
    this.lastServed = this.servedKey();
    // Wi-Fi switched off, a cable pulled: the control view hears it without asking.
    this.check = setInterval(() => this.refresh(), INTERFACE_CHECK_MS);
    this.check.unref();
  }

  get setting(): NetworkSetting {
    return this.current;
  }

  get port(): number {
    return this.actualPort;
  }

  /** The LAN addresses served now (none when the LAN is off), best first. */
  served(): LanInterface[] {
    return this.current.lan ? chosenInterfaces(this.current.interface, this.all()) : [];
  }

  /** Origins other devices can use now: what goes into the QR codes. */
  lanOrigins(): string[] {
    return this.served().map((i) => `http://${i.address}:${this.actualPort}`);
  }

  /**
   * Every `host:port` this host answers to now: its loopback names and each LAN address it serves.
   * A request naming anything else was meant for another server (DNS rebinding), not for us.
   */
  allowedHosts(): string[] {
    const p = this.actualPort;
    return [`127.0.0.1:${p}`, `localhost:${p}`, `[::1]:${p}`, ...this.served().map((i) => `${i.address}:${p}`)];
  }

  accepts(localAddress: string | undefined): boolean {
    return acceptsLocalAddress(localAddress, loopbackAddresses(this.table()), this.served());
  }

  onChange(listener: () => void): void {
    this.changed.add(listener);
  }

  onMoved(listener: (port: number) => void): void {
    this.moved.add(listener);
  }

  /** Starts watching the server's connections; it listens already, on this network's address. */
  attach(server: Server): void {
    this.server = server;
    const at = server.address();
    if (typeof at === 'object' && at) this.actualPort = at.port;
    server.on('connection', (socket: Socket) => {
      if (!this.accepts(socket.localAddress)) return void socket.destroy();
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Tells the listeners (the control views) the status changed for a reason of its own (the integration's). */
  announce(): void {
    this.changed.forEach((l) => l());
  }

  /** Looks at the interfaces again; tells the listeners when what is served changed (Wi-Fi off, or back). */
  refresh(): void {
    const key = this.servedKey();
    if (key === this.lastServed) return;
    this.lastServed = key;
    this.dropUnaccepted();
    this.changed.forEach((l) => l());
  }

  /**
   * Applies a setting while the meeting runs. A taken port gives the next free one (said in the
   * status); a setting that cannot be applied at all leaves the host listening as before and says why.
   */
  apply(next: NetworkSetting): Promise<{ ok: true } | { ok: false; message: string }> {
    const run = this.applying.then(() => this.applyNow(next));
    this.applying = run.catch(() => undefined);
    return run;
  }

  private async applyNow(next: NetworkSetting): Promise<{ ok: true } | { ok: false; message: string }> {
    const before = this.current;
    const server = this.server;
    if (!server) throw new Error('the network is not attached to a server yet');
    const rebind = next.lan !== before.lan || next.port !== before.port;
    const oldPort = this.actualPort;
    if (rebind) {
      server.close();
      // The listening socket is let go on the next turn; only then is its port free to take again.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        this.actualPort = await listenFrom(server, listenAddress(next), next.port);
      } catch (err) {
        await listenOn(server, listenAddress(before), oldPort);
        this.failure = (err as Error).message;
        this.changed.forEach((l) => l());
        return { ok: false, message: this.failure };
      }
    }
    this.current = next;
    this.failure = null;
    this.lastServed = this.servedKey();
    // Remembered (and the desktop app's shell told the new address) before any screen moves there.
    this.deps.onSetting?.(next);
    if (this.actualPort !== oldPort) this.moved.forEach((l) => l(this.actualPort));
    if (rebind) server.closeIdleConnections();
    this.dropUnaccepted();
    this.changed.forEach((l) => l());
    return { ok: true };
  }

  /** The status the control view shows. */
  async status(displayToken: string): Promise<NetworkStatus> {
    const served = this.served();
    const problems: NetworkProblem[] = [];
    if (this.current.port !== 0 && this.actualPort !== this.current.port) problems.push({ code: 'port-taken', wanted: this.current.port, got: this.actualPort });
    if (this.current.lan && served.length === 0) problems.push({ code: 'interface-missing', interface: this.current.interface });
    if (this.failure) problems.push({ code: 'not-applied', message: this.failure });
    const lan = await Promise.all(
      this.lanOrigins().map(async (origin) => {
        const phoneUrl = `${origin}/review`;
        const stageUrl = `${origin}/stage#token=${displayToken}`;
        return { origin, phoneUrl, stageUrl, phoneQr: await this.qrOf(phoneUrl), stageQr: await this.qrOf(stageUrl) };
      }),
    );
    return {
      setting: this.current,
      port: this.actualPort,
      runs: this.deps.runs,
      remembered: this.deps.remembered,
      interfaces: this.all().map((i) => ({ ...i, served: served.some((s) => s.address === i.address) })),
      lan,
      problems,
      integration: this.deps.integration(),
    };
  }

  close(): void {
    clearInterval(this.check);
  }

  private qrOf(text: string): Promise<string> {
    let svg = this.qr.get(text);
    if (svg === undefined) this.qr.set(text, (svg = QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })));
    return svg;
  }

  private dropUnaccepted(): void {
    this.sockets.forEach((s) => !this.accepts(s.localAddress) && s.destroy());
  }

  private table(): InterfaceTable {
    return (this.deps.interfaces ?? networkInterfaces)();
  }

  private all(): LanInterface[] {
    return lanInterfaces(this.table(), this.deps.platform ?? process.platform);
  }

  private servedKey(): string {
    return this.served()
      .map((i) => i.address)
      .join(',');
  }
}
