import { z } from 'zod';
import { NetworkSettingSchema } from '../src/core/network';
import type { NetworkSetting } from '../src/core/network';

/**
 * The desktop app runs the host in a process of its own (Electron's utilityProcess), not in the
 * shell's main process: the host's memory and pauses are its own, it gets the V8 flags a host
 * wants (process-flags.ts), and when it dies the shell starts it again on the same port, so the
 * windows reconnect by themselves and the meeting reopens from its log. This file is the shell's
 * side of that, over a child it is given (the real one in main.ts, fakes in the tests).
 */

export const HostStartSchema = z.object({
  meetingsDir: z.string().min(1),
  uiDir: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  /** Where the host runs, so it can say so (GET /api/v1/health) and the control view can warn of the fallback. */
  runs: z.enum(['utility', 'in-app']),
  /** Whether phones and stage screens may connect, and on which interface (the remembered setting; this machine only when not said). */
  network: NetworkSettingSchema.pick({ lan: true, interface: true }).default({ lan: false, interface: 'all' }),
});
export type HostStart = z.infer<typeof HostStartSchema>;

const HostAddressSchema = z.object({ origin: z.url(), controlUrl: z.url(), displayUrl: z.url() });
export type HostAddress = z.infer<typeof HostAddressSchema>;

/** What the host process tells the shell. */
export const FromHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), address: HostAddressSchema }),
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('closed') }),
  /** The host was told a new network setting (control view): where it listens now, and what to remember. */
  z.object({ type: z.literal('network'), setting: NetworkSettingSchema, address: HostAddressSchema }),
]);
export type FromHost = z.infer<typeof FromHostSchema>;

/** What the shell tells the host process. */
export const ToHostSchema = z.object({ type: z.literal('close') });
export type ToHost = z.infer<typeof ToHostSchema>;

/** What the shell needs of a child process: Electron's UtilityProcess has it. */
export interface ChildLike {
  postMessage(message: ToHost): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/** The host as the shell uses it, wherever it runs. */
export interface ShellHost {
  /** Where the host listens: the same across restarts; another port only when the host was told to move. */
  readonly address: HostAddress;
  readonly runs: HostStart['runs'];
  close(): Promise<void>;
}

/**
 * The host in its own process; when that process cannot be started at all, the host inside the
 * shell's own process, as before, so the meeting still opens (only its memory is no longer its
 * own). A meeting that cannot be opened fails the same way in both, and that failure is reported.
 */
export async function startShellHost(ownProcess: () => Promise<ShellHost>, inShell: () => Promise<ShellHost>, log: (line: string) => void = console.error): Promise<ShellHost> {
  try {
    return await ownProcess();
  } catch (err) {
    log(`rostrum: the host's own process did not start (${(err as Error).message}); running the host inside the app instead`);
    return inShell();
  }
}

export class HostProcess implements ShellHost {
  readonly runs = 'utility';
  private exited = false;
  private closing = false;
  /** Hears a network setting the host applied, to remember it (the shell saves it in its settings file). */
  onNetwork: (setting: NetworkSetting) => void = () => {};

  private constructor(
    private child: ChildLike,
    /** A restarted host listens on the same port with the same keys. */
    private where: HostAddress,
    private readonly fork: (start: HostStart) => ChildLike,
    private start: HostStart,
    private readonly log: (line: string) => void,
  ) {
    this.watch();
  }

  get address(): HostAddress {
    return this.where;
  }

  /**
   * Starts the host process; resolves with its address once it listens, rejects with its reason
   * if it cannot, or if it has not said it is ready within `readyWithinMs` (then it is ended: a
   * process that hangs at start must not keep the app from opening).
   */
  static async start(fork: (start: HostStart) => ChildLike, start: HostStart, log: (line: string) => void = console.error, readyWithinMs = 30_000): Promise<HostProcess> {
    const child = fork(start);
    const address = await readyOf(child, readyWithinMs);
    return new HostProcess(child, address, fork, { ...start, port: Number(new URL(address.origin).port) }, log);
  }

  /**
   * Asks the host to close its meeting (log and snapshot settled); resolves once its process is
   * gone. One that does not answer is ended after `killAfterMs`: what it acknowledged is on disk
   * already (each acknowledgement waits for its fsync), and quitting must not hang.
   */
  close(killAfterMs = 10_000): Promise<void> {
    this.closing = true;
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill(), killAfterMs);
      this.child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.postMessage({ type: 'close' });
    });
  }

  private watch(): void {
    this.exited = false;
    // A setting changed in the control view: a restart after it listens where the host listens now.
    this.child.on('message', (raw) => {
      const said = FromHostSchema.safeParse(raw);
      if (!said.success || said.data.type !== 'network') return;
      const { setting, address } = said.data;
      this.where = address;
      this.start = { ...this.start, port: Number(new URL(address.origin).port), network: { lan: setting.lan, interface: setting.interface } };
      this.onNetwork(setting);
    });
    this.child.on('exit', (code) => {
      this.exited = true;
      if (!this.closing) void this.restart(code);
    });
  }

  /**
   * Once per death: a host that dies again before it is ready (a meeting it cannot open) is not
   * started in a loop; the windows show they are disconnected and the reason is logged.
   */
  private async restart(code: number): Promise<void> {
    this.log(`rostrum: the host process stopped (exit code ${code}); starting it again on port ${this.start.port}`);
    const child = this.fork(this.start);
    this.child = child;
    try {
      await readyOf(child, 30_000);
      this.watch();
    } catch (err) {
      this.exited = true;
      this.log(`rostrum: the host could not be started again: ${(err as Error).message}`);
    }
  }
}

function readyOf(child: ChildLike, withinMs: number): Promise<HostAddress> {
  return new Promise<HostAddress>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the host process did not say it was ready within ${withinMs / 1000} s`));
    }, withinMs);
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
    };
    child.on('message', (raw) => {
      const parsed = FromHostSchema.safeParse(raw);
      if (!parsed.success) return settle(() => reject(new Error(`the host process sent something unexpected: ${JSON.stringify(raw)?.slice(0, 200)}`)));
      const said = parsed.data;
      if (said.type === 'ready') settle(() => resolve(said.address));
      if (said.type === 'failed') settle(() => reject(new Error(said.message)));
    });
    child.on('exit', (code) => settle(() => reject(new Error(`the host process exited (code ${code}) before it was ready`))));
  });
}
