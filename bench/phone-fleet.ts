import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

export type FleetRequest =
  | { type: 'open'; id: number; origin: string; tokens: Record<string, string>; n: number }
  | { type: 'submit'; id: number; slotId: string; tag: string; ballots: { phone: number; score: string }[] }
  | { type: 'arm'; id: number }
  | { type: 'collect'; id: number }
  | { type: 'close'; id: number };

/** The child's answer: `at`, for a collect, is when the last phone had its state (epoch ms). */
export interface FleetReply {
  id: number;
  error?: string;
  at?: number;
}

type Body<T> = T extends { id: number } ? Omit<T, 'id'> : never;

/**
 * Reviewers' phones connected to the host from another process (phone-fleet.child.ts). In the
 * bench's own process, 500 phones' messages (a slot locked: one each) would be read one after
 * another before the clerk's client could read its ack: the bench would measure itself.
 */
export class PhoneFleet {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (reply: FleetReply) => void; reject: (err: Error) => void }>();

  private constructor(private readonly proc: ChildProcess) {
    proc.on('message', (msg: FleetReply) => {
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error) w?.reject(new Error(msg.error));
      else w?.resolve(msg);
    });
    proc.once('exit', (code) => {
      this.waiting.forEach((w) => w.reject(new Error(`the phones' process exited (${code})`)));
      this.waiting.clear();
    });
  }

  /**
   * The phones' process, with no phone yet. `background`: at the lowest priority, for a bench
   * whose figure is not the phones' (the last ballot on the big screen): in the hall their work is
   * done on 500 devices of their own, and here it must not take the laptop's two cores from the
   * host and the big screen's browser when they have work. Where the phones' receiving is the
   * figure (the fan-out), they run as any process does.
   */
  static start(o: { background?: boolean } = {}): PhoneFleet {
    const proc = fork(fileURLToPath(new URL('./phone-fleet.child.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    if (o.background && proc.pid !== undefined) setPriority(proc.pid, 19);
    return new PhoneFleet(proc);
  }

  /** The phones' process, with `n` phones connected. */
  static async open(origin: string, tokens: Record<string, string>, n: number, o: { background?: boolean } = {}): Promise<PhoneFleet> {
    const fleet = PhoneFleet.start(o);
    await fleet.openPhones(origin, tokens, n);
    return fleet;
  }

  /** Connects `n` phones (the first n reviewers' keys). */
  async openPhones(origin: string, tokens: Record<string, string>, n: number): Promise<void> {
    await this.ask({ type: 'open', origin, tokens, n });
  }

  /** Each phone named submits its ballot for the slot; resolves once every one is acknowledged. */
  async submit(slotId: string, tag: string, ballots: { phone: number; score: string }[]): Promise<void> {
    await this.ask({ type: 'submit', slotId, tag, ballots });
  }

  /** Every phone starts waiting for its next state; resolves once they all are. */
  async arm(): Promise<void> {
    await this.ask({ type: 'arm' });
  }

  /** When the last phone had the state armed for (epoch ms, stamped on arrival in the phones' process). */
  async collect(): Promise<number> {
    const { at } = await this.ask({ type: 'collect' });
    if (at === undefined) throw new Error('the phones did not say when their state arrived');
    return at;
  }

  /** Closes every phone (the fleet stays, to open others). */
  async closePhones(): Promise<void> {
    await this.ask({ type: 'close' });
  }

  async close(): Promise<void> {
    await this.closePhones();
    this.proc.disconnect();
  }

  private ask(body: Body<FleetRequest>): Promise<FleetReply> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.proc.send({ ...body, id });
    });
  }
}
