import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { encode, Message } from 'node-osc';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INTEGRATION_ACTIONS } from '../../src/core/actions';
import type { AuditRow } from '../../src/core/audit';
import type { CommandType } from '../../src/core/commands';
import type { IntegrationStatus } from '../../src/core/integration';
import { IntegrationViewSchema } from '../../src/core/view-schemas';
import { runHost } from '../../src/host/host-supervisor';
import { startHost } from '../../src/host/index';
import { needsLoopback } from '../../src/host/roles';
import { keysFile } from '../../src/host/tokens';
import { scoredMeeting } from '../fixtures/meetings';
import { FakeTime } from './fake-time';
import { startTestHost, tempDir, TestClient } from './support';

/*
 * The integration key over real sockets: HTTP to 127.0.0.1 and OSC over UDP to 127.0.0.1 (never
 * the LAN address). What it may do (timer and queue actions, the clock), what it may never do
 * (every other route and command), and that revoking it ends it at once everywhere.
 */

let time: FakeTime;
let host: Awaited<ReturnType<typeof startTestHost>>;
let key: string;
const sockets: Socket[] = [];

beforeEach(async () => {
  time = new FakeTime();
  host = await startTestHost({ newMeeting: scoredMeeting(), clock: time, timers: time, oscPort: 0 });
  key = await createKey();
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await host.close();
});

const call = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${host.origin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

async function createKey(): Promise<string> {
  const res = await call('/api/v1/integration/key', host.tokens.host, { method: 'POST' });
  expect(res.status).toBe(200);
  const status = (await res.json()) as IntegrationStatus;
  expect(status.key).toMatch(/^[\w-]{40,}$/);
  return status.key as string;
}

const status = (): IntegrationStatus => host.integration.status();

/** A UDP socket on loopback that sends OSC to the host's OSC port on 127.0.0.1. */
async function oscSender(): Promise<(packet: Buffer) => Promise<void>> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return (packet) =>
    new Promise((resolve, reject) => {
      const port = status().listening;
      if (port === null) return reject(new Error('OSC is not listening'));
      socket.send(packet, port, '127.0.0.1', (err) => (err ? reject(err) : resolve()));
    });
}
const osc = (address: string, ...args: string[]): Buffer => encode(new Message(address, ...args));
/** Waits (without a fixed sleep) until the host has read this many packets and acted on them. */
const received = (n: number) => vi.waitFor(() => expect(status().received).toBeGreaterThanOrEqual(n), { timeout: 5000, interval: 5 });
const settledAt = async (n: number) => {
  await received(n);
  await host.engine.settled();
};

describe('the integration key over HTTP', () => {
  it('reads the clock, the phase and who speaks now and next, never a score, a ballot, a reviewer or a key', async () => {
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    time.advance(1_000);
    const res = await call('/api/v1/state', key);
    expect(res.status).toBe(200);
    const view = IntegrationViewSchema.parse(await res.json());
    expect(view.live).toMatchObject({ slotId: 'a', unit: 'Unit A', mode: 'running', stage: 'normal', phaseIndex: 0 });
    expect(view.live?.remainingMs).toBe((view.live?.phase.durationMs ?? 0) - 1_000);
    expect(view.live?.clock).toMatch(/^\d+:\d\d$/);
    expect(view.next).toMatchObject({ slotId: 'b', unit: 'Unit B' });
    const text = JSON.stringify(view);
    for (const secret of ['Leader One', 'ballots', 'scores', 'results', host.tokens.host, host.tokens.display, host.tokens.clerk, key]) expect(text.includes(secret), secret).toBe(false);
  });

  it('runs a timer action, recorded as the integration in the audit log, and the host undoes it like any action', async () => {
    const res = await call('/api/v1/actions/start', key, { body: {} });
    expect(res.status).toBe(200);
    expect(host.engine.current().live?.mode).toBe('running');
    const audit = (await (await call('/api/v1/audit', host.tokens.host)).json()) as AuditRow[];
    expect(audit.at(-1)).toMatchObject({ role: 'integration', device: 'http@127.0.0.1', type: 'timer.started' });
    expect(await (await call('/api/v1/actions/undo', host.tokens.host, { body: {} })).json()).toMatchObject({ seq: expect.any(Number) });
    expect(host.engine.current().live).toBeNull();
  });

  it('runs the queue actions too, a slot given by its id, and says 409 when the meeting does not allow one now', async () => {
    expect((await call('/api/v1/actions/pause', key, { body: {} })).status).toBe(409);
    expect((await call('/api/v1/actions/call-up', key, { body: {} })).status).toBe(404);
    expect((await call('/api/v1/actions/callUp', key, { body: { slotId: 'c' } })).status).toBe(200);
    expect(host.engine.current().live?.slotId).toBe('c');
    expect((await call('/api/v1/actions/skip', key, { body: { slotId: 'b' } })).status).toBe(200);
    expect(host.engine.current().status['b']).toBe('skipped');
    const listed = (await (await call('/api/v1/actions', key)).json()) as { name: string; osc: string }[];
    expect(listed.map((a) => a.name)).toEqual(INTEGRATION_ACTIONS.map((a) => a.name));
    expect(listed.find((a) => a.name === 'nextSpeaker')?.osc).toBe('/rostrum/next');
  });

  it('is refused with a clear 403 on every scoring, ballot, clerk, export, meeting-file, network and config route', async () => {
    const seq = host.engine.current().seq;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/audit'],
      ...['agenda', 'results', 'ballots', 'audit'].flatMap((n): [string, string][] => [['GET', `/api/v1/export/${n}.csv`], ['GET', `/api/v1/export/${n}.xlsx`]]),
      ['GET', '/api/v1/cards'],
      ['POST', '/api/v1/import/roster?file=r.csv', {}],
      ['POST', '/api/v1/import/agenda?file=a.csv', {}],
      ['GET', '/api/v1/network'],
      ['PUT', '/api/v1/network', { lan: true, interface: 'all', port: 4317 }],
      ['GET', '/api/v1/integration'],
      ['POST', '/api/v1/integration/key'],
      ['DELETE', '/api/v1/integration/key'],
      ['PUT', '/api/v1/integration', { oscPort: 5000 }],
      // Not one command, even one an action would send: actions only, by name.
      ['POST', '/api/v1/commands', { type: 'timer.start' }],
      ['POST', '/api/v1/commands', { type: 'scoring.open', slotId: 'a' }],
      ['POST', '/api/v1/commands', { type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } }],
      ['POST', '/api/v1/commands', { type: 'meeting.rename', title: 'x' }],
      // Actions that are not the timer's or the queue's.
      ...['openScoring', 'lockScoring', 'revealSlot', 'revealNext', 'revealAll', 'hideResults', 'undo', 'mute', 'message1', 'hideMessage', 'blackout'].map(
        (name): [string, string, unknown] => ['POST', `/api/v1/actions/${name}`, {}],
      ),
    ];
    for (const [method, path, body] of routes) {
      const res = await call(path, key, { method, body });
      const reply = (await res.json()) as { error: string; message: string };
      expect([method, path, res.status, reply.error]).toEqual([method, path, 403, 'forbidden']);
      expect(reply.message, path).toMatch(/integration key/);
    }
    // Meeting files: the routes of the desktop app's supervisor refuse it the same way (host only).
    expect(host.engine.current().seq).toBe(seq);
    // And no socket: a control surface polls HTTP and sends OSC.
    await expect(TestClient.open(host.origin, key, 'control')).rejects.toThrow(/403/);
    await expect(TestClient.open(host.origin, key, 'display')).rejects.toThrow(/403/);
  });

  it('works from the LAN, where the host’s and the clerk’s keys do not', () => {
    expect(needsLoopback({ role: 'integration' })).toBe(false);
    expect(needsLoopback({ role: 'host' })).toBe(true);
    expect(needsLoopback({ role: 'clerk' })).toBe(true);
  });

  it('a guessed-key burst gets 401 for every guess and changes nothing; the real key still works after it', async () => {
    const seq = host.engine.current().seq;
    const guesses = Array.from({ length: 120 }, (_, i) => `${key.slice(0, -4)}${String(i).padStart(4, '0')}`);
    const replies: number[] = [];
    for (let i = 0; i < guesses.length; i += 10) {
      replies.push(...(await Promise.all(guesses.slice(i, i + 10).map((g) => call('/api/v1/actions/start', g, { body: {} }).then((r) => r.status)))));
    }
    expect(new Set(replies)).toEqual(new Set([401]));
    expect(host.engine.current().seq).toBe(seq);
    expect((await call('/api/v1/actions/start', key, { body: {} })).status).toBe(200);
  }, 30_000);

  it('revoked, the old key stops at once on every route; a new key is another', async () => {
    expect((await call('/api/v1/state', key)).status).toBe(200);
    const res = await call('/api/v1/integration/key', host.tokens.host, { method: 'DELETE' });
    expect(((await res.json()) as IntegrationStatus).key).toBeNull();
    for (const [path, body] of [['/api/v1/state'], ['/api/v1/actions'], ['/api/v1/actions/start', {}], ['/api/v1/commands', { type: 'timer.start' }]] as const) {
      expect([path, (await call(path, key, { body })).status]).toEqual([path, 401]);
    }
    await expect(TestClient.open(host.origin, key, 'control')).rejects.toThrow(/401/);
    expect(host.engine.current().live).toBeNull();
    const again = await createKey();
    expect(again).not.toBe(key);
    expect((await call('/api/v1/state', key)).status).toBe(401);
    expect((await call('/api/v1/state', again)).status).toBe(200);
  });

  it('is kept with the other keys (owner-only), survives a restart, and is in no meeting file', async () => {
    const file = keysFile(host.engine.file);
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ integration: { key, oscPort: 4318 } });
    for (const f of [host.engine.file, `${host.engine.file}.tokens.json`]) expect((await readFile(f, 'utf8')).includes(key), f).toBe(false);
    const path = host.engine.file;
    await host.close();
    host = Object.assign(await startHost({ meetingPath: path, port: 0, uiDir: join(host.dir, 'ui'), oscPort: 0 }), { dir: host.dir });
    expect(host.tokens.integration).toBe(key);
    expect(status().listening).toEqual(expect.any(Number));
    expect((await call('/api/v1/state', key)).status).toBe(200);
  });
});

describe('the integration key and meeting files', () => {
  it('is refused on every meeting-file route, outlives a switch of meeting (one key per folder), and is not copied into a template', async () => {
    const dir = await tempDir();
    const supervisor = await runHost({ meetingPath: join(dir, 'first.rostrum.jsonl'), port: 0, uiDir: join(host.dir, 'ui'), newMeeting: scoredMeeting(), oscPort: 0 });
    const origin = supervisor.current().origin;
    const post = (path: string, token: string, body: object) =>
      fetch(`${origin}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      await supervisor.current().integration.create();
      const own = supervisor.current().tokens.integration ?? '';
      const list = await fetch(`${origin}/api/v1/meetings`, { headers: { authorization: `Bearer ${own}` } });
      expect([list.status, ((await list.json()) as { message: string }).message]).toEqual([403, expect.stringMatching(/integration key/)]);
      for (const [path, body] of [
        ['/api/v1/meetings/open', { file: 'first.rostrum.jsonl' }],
        ['/api/v1/meetings/save-as', { name: 'copy' }],
        ['/api/v1/meetings/template', { name: 'tpl' }],
        ['/api/v1/meetings/new', { name: 'next', template: null }],
      ] as const) {
        expect([path, (await post(path, own, body)).status]).toEqual([path, 403]);
      }
      const switched = new Promise<void>((resolve) => supervisor.onSwitch(() => resolve()));
      expect((await post('/api/v1/meetings/template', supervisor.current().tokens.host, { name: 'tpl' })).status).toBe(200);
      expect((await readFile(join(dir, 'tpl.rostrum-template.json'), 'utf8')).includes(own)).toBe(false);
      expect((await post('/api/v1/meetings/save-as', supervisor.current().tokens.host, { name: 'second' })).status).toBe(200);
      await switched;
      expect(supervisor.current().engine.file).toBe(join(dir, 'second.rostrum.jsonl'));
      expect((await post('/api/v1/actions/start', own, {})).status).toBe(200);
    } finally {
      await supervisor.close();
    }
  });
});

describe('OSC input', () => {
  it('starts, pauses and moves to the next speaker from a real UDP packet to 127.0.0.1, recorded as the integration', async () => {
    const send = await oscSender();
    await send(osc('/rostrum/start', key));
    await settledAt(1);
    expect(host.engine.current().live).toMatchObject({ slotId: 'a', mode: 'running' });
    await send(osc('/rostrum/pause', key));
    await send(osc('/rostrum/next', key));
    await settledAt(3);
    expect(host.engine.current().live).toMatchObject({ slotId: 'b', mode: 'ready' });
    await send(osc('/rostrum/call-up', key, 'c'));
    await settledAt(4);
    expect(host.engine.current().live?.slotId).toBe('c');
    expect(status()).toMatchObject({ received: 4, accepted: 4, refused: 0, lastError: null });
    const audit = (await (await call('/api/v1/audit', host.tokens.host)).json()) as AuditRow[];
    expect(audit.slice(-4).map((r) => [r.role, r.device])).toEqual(Array.from({ length: 4 }, () => ['integration', 'osc@127.0.0.1']));
  });

  it('has one address per timer and queue action, and none for scoring, results, messages or undo', () => {
    const commands = new Set<CommandType>();
    for (const a of INTEGRATION_ACTIONS) expect(a.osc).toMatch(/^\/rostrum\/[a-z-]+$/);
    expect(new Set(INTEGRATION_ACTIONS.map((a) => a.osc)).size).toBe(INTEGRATION_ACTIONS.length);
    expect(INTEGRATION_ACTIONS.map((a) => a.name)).toEqual(
      expect.arrayContaining(['start', 'pause', 'resume', 'addTime', 'removeTime', 'nextPhase', 'nextSpeaker', 'prevSpeaker', 'skip', 'absent', 'callUp', 'moveUp', 'moveDown']),
    );
    const state = host.engine.current();
    const view = { ...state, results: [] };
    for (const a of INTEGRATION_ACTIONS) if (a.allowed(view, 'b')) commands.add(a.command(view, 'b').type);
    for (const type of commands) expect(type).toMatch(/^(timer|phase|slot)\./);
  });

  it('a wrong key, a missing key, an unknown address, a bundle and malformed bytes change nothing; each is counted and the last shown', async () => {
    const send = await oscSender();
    const seq = host.engine.current().seq;
    await send(osc('/rostrum/start', 'not-the-key'));
    await send(osc('/rostrum/start'));
    await send(osc('/rostrum/lock-scoring', key));
    await send(osc('/rostrum/start', key, 'a', 'extra'));
    await send(Buffer.from([0x2f, 0x72, 0x6f]));
    await send(Buffer.from('#bundle\0\0\0\0\0\0\0\0\0', 'latin1'));
    await send(Buffer.alloc(2000, 0x2f));
    await send(osc('/rostrum/pause', key));
    await settledAt(8);
    expect(host.engine.current().seq).toBe(seq);
    expect(status()).toMatchObject({ received: 8, accepted: 0, refused: 8 });
    expect(status().lastError).toMatchObject({ reason: 'not-allowed', from: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    // What the Network panel reads is the same status, over the host's own route.
    const panel = (await (await call('/api/v1/network', host.tokens.host)).json()) as { integration: IntegrationStatus };
    expect(panel.integration).toMatchObject({ key, received: 8, refused: 8 });
  });

  it('a guessed-key burst is rate-limited: dropped unread past its first packets, and the sender is heard again later', async () => {
    const send = await oscSender();
    const seq = host.engine.current().seq;
    for (let i = 0; i < 200; i++) await send(osc('/rostrum/start', `guess-${i}-${'x'.repeat(40)}`));
    await settledAt(200);
    expect(status().lastError?.reason).toBe('rate-limited');
    // Even the right key from that sender waits until its allowance refills.
    await send(osc('/rostrum/start', key));
    await settledAt(201);
    expect(host.engine.current().seq).toBe(seq);
    expect(status()).toMatchObject({ received: 201, accepted: 0, refused: 201 });
    time.advance(3_000);
    await send(osc('/rostrum/start', key));
    await settledAt(202);
    expect(host.engine.current().live?.mode).toBe('running');
  });

  it('is off until a key exists and closes when it is revoked: a packet with the old key reaches nothing', async () => {
    const port = status().listening;
    expect(port).toEqual(expect.any(Number));
    await host.integration.revoke();
    expect(status().listening).toBeNull();
    // The port is free again: nothing of the host listens there.
    const probe = createSocket('udp4');
    sockets.push(probe);
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.bind(port ?? 0, '127.0.0.1', resolve);
    });
    const fresh = await startTestHost({ oscPort: 0 });
    try {
      expect(fresh.integration.status()).toMatchObject({ key: null, listening: null });
    } finally {
      await fresh.close();
    }
  });

  it('a port already in use is said in the status, and the HTTP side goes on', async () => {
    const taken = createSocket('udp4');
    sockets.push(taken);
    await new Promise<void>((resolve) => taken.bind(0, '127.0.0.1', resolve));
    const port = taken.address().port;
    const other = await startTestHost({});
    try {
      await other.integration.setOscPort(port);
      await other.integration.create();
      expect(other.integration.status()).toMatchObject({ listening: null, problem: expect.stringMatching(new RegExp(`OSC port ${port}: .*EADDRINUSE`)) });
      expect((await fetch(`${other.origin}/api/v1/state`, { headers: { authorization: `Bearer ${other.tokens.integration}` } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
