import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ViewState } from '../src/core/views';

const STATE_PREFIX = '{"type":"state",';
const STATE_BYTES = Buffer.from(STATE_PREFIX);

/**
 * A protocol client for measuring: it stamps every message on arrival, before any parsing, and
 * parses only what it is asked to wait for, so 200 of them in one process measure the host, not
 * themselves.
 */
export class BenchClient {
  private waiters: { match: (raw: string) => boolean; resolve: (at: number, raw: string) => void }[] = [];
  lastState: ViewState | null = null;

  private constructor(
    readonly ws: WebSocket,
    private readonly keepState: boolean,
  ) {
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      if (!this.keepState && this.waiters.length === 0) return;
      // A phone's state is only ever matched by its first bytes: decoding it, 500 times per change
      // on one core, would measure this process (and its garbage collections) instead of the host.
      const raw = !this.keepState && data.compare(STATE_BYTES, 0, STATE_BYTES.length, 0, STATE_BYTES.length) === 0 ? STATE_PREFIX : data.toString();
      if (this.keepState && raw.startsWith(STATE_PREFIX)) this.lastState = (JSON.parse(raw) as { state: ViewState }).state;
      const i = this.waiters.findIndex((w) => w.match(raw));
      if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(at, raw);
    });
  }

  /** Resolves once the host's welcome has arrived. `keepState`: parse every state (the control client). */
  static open(origin: string, token: string, view: string, keepState = false): Promise<BenchClient> {
    // Each reviewer is one phone, with its device key (the card is claimed by the first phone to open it).
    const phone = view === 'review' ? `&phone=bench-phone-${token.replace(/[^A-Za-z0-9_-]/g, '')}` : '';
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}&view=${view}${phone}`);
    const client = new BenchClient(ws, keepState);
    const welcomed = client.waitRaw((raw) => raw.startsWith('{"type":"welcome"'));
    return new Promise((resolve, reject) => {
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
      void welcomed.then(() => resolve(client));
    });
  }

  /** When the next state message arrives (bench clock, ms). */
  nextStateAt(): Promise<number> {
    return this.waitRaw((raw) => raw.startsWith(STATE_PREFIX)).then(({ at }) => at);
  }

  waitRaw(match: (raw: string) => boolean): Promise<{ at: number; raw: string }> {
    return new Promise((resolve) => this.waiters.push({ match, resolve: (at, raw) => resolve({ at, raw }) }));
  }

  /** Waits until a parsed state passes `test` (only for a client opened with keepState). */
  async until(test: (state: ViewState) => boolean): Promise<ViewState> {
    while (!this.lastState || !test(this.lastState)) await this.nextStateAt();
    return this.lastState;
  }

  private seq = 0;
  /** Sends a command; resolves with the reply's arrival time and whether it was acknowledged. */
  async command(command: object): Promise<{ ok: boolean; at: number; raw: string }> {
    const id = `b${++this.seq}`;
    const reply = this.waitRaw((raw) => (raw.startsWith('{"type":"ack"') || raw.startsWith('{"type":"error"')) && raw.includes(`"id":"${id}"`));
    this.ws.send(JSON.stringify({ type: 'command', id, command }));
    const { at, raw } = await reply;
    return { ok: raw.startsWith('{"type":"ack"'), at, raw };
  }

  /** Sends a prepared message now; `reply` must have been set up before. */
  sendRaw(text: string): void {
    this.ws.send(text);
  }

  close(): void {
    this.ws.close();
  }
}

/** Opens `n` reviewer clients, a few at a time (a hall's phones do not all connect in the same millisecond). */
export async function openReviewers(origin: string, tokens: Record<string, string>, n: number): Promise<BenchClient[]> {
  const ids = Object.keys(tokens).slice(0, n);
  const clients: BenchClient[] = [];
  for (let i = 0; i < ids.length; i += 20) clients.push(...(await Promise.all(ids.slice(i, i + 20).map((id) => BenchClient.open(origin, tokens[id] ?? '', 'review')))));
  return clients;
}
