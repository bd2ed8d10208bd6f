import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type FleetRequest =
  | { type: 'open'; id: number; origin: string; tokens: Record<string, string>; n: number }
  | { type: 'submit'; id: number; slotId: string; tag: string; ballots: { phone: number; score: string }[] }
  | { type: 'close'; id: number };

type Body<T> = T extends { id: number } ? Omit<T, 'id'> : never;

/**
 * Reviewers' phones connected to the host from another process (phone-fleet.child.ts). In the
 * bench's own process, 500 phones' messages (a slot locked: one each) would be read one after
 * another before the clerk's client could read its ack: the bench would measure itself.
 */
export class PhoneFleet {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  private constructor(private readonly proc: ChildProcess) {
    proc.on('message', (msg: { id: number; error?: string }) => {
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.error) w?.reject(new Error(msg.error));
      else w?.resolve();
    });
    proc.once('exit', (code) => {
      this.waiting.forEach((w) => w.reject(new Error(`the phones' process exited (${code})`)));
      this.waiting.clear();
    });
  }

  static async open(origin: string, tokens: Record<string, string>, n: number): Promise<PhoneFleet> {
    const proc = fork(fileURLToPath(new URL('./phone-fleet.child.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const fleet = new PhoneFleet(proc);
    await fleet.ask({ type: 'open', origin, tokens, n });
    return fleet;
  }

  /** Each phone named submits its ballot for the slot; resolves once every one is acknowledged. */
  submit(slotId: string, tag: string, ballots: { phone: number; score: string }[]): Promise<void> {
    return this.ask({ type: 'submit', slotId, tag, ballots });
  }

  async close(): Promise<void> {
    await this.ask({ type: 'close' });
    this.proc.disconnect();
  }

  private ask(body: Body<FleetRequest>): Promise<void> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.proc.send({ ...body, id });
    });
  }
}
