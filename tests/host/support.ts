import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { shortMeeting } from '../fixtures/meetings';
import type { HostMessage } from '../../src/core/protocol';
import { startHost } from '../../src/host/index';
import type { HostOptions, RunningHost } from '../../src/host/index';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rostrum-test-'));
}

/** A host on a free port with a stub page instead of the built views: these tests speak the protocol. */
export async function startTestHost(opts: Partial<HostOptions> = {}): Promise<RunningHost & { dir: string }> {
  const dir = await tempDir();
  const uiDir = join(dir, 'ui');
  await mkdir(uiDir);
  await writeFile(join(uiDir, 'index.html'), '<!doctype html><title>stub</title>');
  const host = await startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, uiDir, newMeeting: shortMeeting(), ...opts });
  return Object.assign(host, { dir });
}

/** The device key of the phone a test gives a reviewer key to: the same for the same key. */
export const phoneFor = (token: string): string => `phone-${token.replace(/[^A-Za-z0-9_-]/g, '')}-0000000000`.slice(0, 64);

/** A protocol client that queues what the host sends, so a test can await the next message of a kind. */
export class TestClient {
  private inbox: HostMessage[] = [];
  private waiters: { match: (m: HostMessage) => boolean; resolve: (m: HostMessage) => void }[] = [];
  /** Every message as it arrived, taken or not: what a test of what a role receives reads. */
  readonly log: string[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.log.push(data.toString());
      const msg = JSON.parse(data.toString()) as HostMessage;
      const waiter = this.waiters.find((w) => w.match(msg));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(msg);
      } else this.inbox.push(msg);
    });
  }

  /** A reviewer's phone sends its device key: by default one per reviewer key, as if each card stayed on one phone. */
  static open(origin: string, token: string, view = 'control', headers: Record<string, string> = {}, phone: string | null = view === 'review' ? phoneFor(token) : null): Promise<TestClient> {
    const phoneParam = phone === null ? '' : `&phone=${phone}`;
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}&view=${view}${phoneParam}`, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  next<T extends HostMessage['type']>(type: T): Promise<Extract<HostMessage, { type: T }>> {
    return this.waitFor((m) => m.type === type) as Promise<Extract<HostMessage, { type: T }>>;
  }

  private waitFor(match: (m: HostMessage) => boolean): Promise<HostMessage> {
    const i = this.inbox.findIndex(match);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as HostMessage);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The next reply of any kind (ack, error or pong): for a test that keeps one request in flight. */
  nextReply(): Promise<HostMessage> {
    return this.waitFor((m) => m.type === 'ack' || m.type === 'error' || m.type === 'pong');
  }

  /** Whether a message of this kind arrived and was not yet taken. */
  received(type: HostMessage['type']): boolean {
    return this.inbox.some((m) => m.type === type);
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Sends a command and waits for its reply (ack or error). */
  async command(command: unknown, id = `c${Math.random().toString(36).slice(2)}`): Promise<HostMessage> {
    this.send({ type: 'command', id, command });
    return this.waitFor((m) => (m.type === 'ack' || m.type === 'error') && m.id === id);
  }

  close(): void {
    this.ws.close();
  }
}
