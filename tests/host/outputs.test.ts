import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'node-osc';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output, OutputResult, OutputResults } from '../../src/core/outputs';
import type { HostMessage } from '../../src/core/protocol';
import type { RunningHost } from '../../src/host/index';
import { FakeTime } from './fake-time';
import { startTestHost, TestClient } from './support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real UDP listener on loopback: what a mixer's OSC port is. */
async function udpListener(): Promise<{ port: number; packets: Buffer[]; next(): Promise<Buffer> }> {
  const socket: Socket = createSocket('udp4');
  const packets: Buffer[] = [];
  const waiting: ((b: Buffer) => void)[] = [];
  socket.on('message', (msg) => {
    const w = waiting.shift();
    if (w) w(msg);
    else packets.push(msg);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  cleanups.push(() => socket.close());
  return {
    port: (socket.address() as AddressInfo).port,
    packets,
    next: () => (packets.length > 0 ? Promise.resolve(packets.shift()!) : new Promise((resolve) => waiting.push(resolve))),
  };
}

/** A port on loopback where no one listens (taken from a listener just closed). */
async function closedUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  await new Promise<void>((resolve) => socket.close(resolve));
  return port;
}

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP listener on loopback; `answer` decides each reply (or none: a target that hangs). */
async function httpListener(answer: (req: Received, res: ServerResponse) => void): Promise<{ origin: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(r);
      answer(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

async function hostWithControl(fake = true): Promise<{ host: RunningHost; control: TestClient; time: FakeTime }> {
  const time = new FakeTime();
  const host = await startTestHost(fake ? { clock: time, timers: time } : {});
  cleanups.push(() => host.close());
  const control = await TestClient.open(host.origin, host.tokens.host, 'control');
  cleanups.push(() => control.close());
  await control.next('welcome');
  return { host, control, time };
}

/** Waits for the result of one output that satisfies `done`, as the control view receives it. */
async function resultOf(control: TestClient, outputId: string, done: (r: OutputResult) => boolean): Promise<OutputResult> {
  for (;;) {
    const msg = (await control.next('outputs')) as Extract<HostMessage, { type: 'outputs' }>;
    const r = (msg.results as OutputResults)[outputId];
    if (r && done(r)) return r;
  }
}

const osc = (port: number, over: Partial<Output> = {}): Output => ({
  id: 'mixer',
  name: 'Lectern mic',
  enabled: true,
  on: ['zero'],
  target: { kind: 'osc', host: '127.0.0.1', port, address: '/ch/01/mix/on', args: [{ type: 'int', value: '0' }] },
  ...over,
});

const hook = (url: string, over: Partial<Output> = {}, timeoutMs = 2000): Output => ({
  id: 'hook',
  name: 'Companion',
  enabled: true,
  on: ['slot.next'],
  target: { kind: 'http', method: 'POST', url, headers: [{ name: 'X-Key', value: 'k-{slotId}' }], body: '{"unit":"{unit}","left":{remainingS}}', timeoutMs },
  ...over,
});

const configure = async (control: TestClient, outputs: Output[]) => expect(await control.command({ type: 'outputs.configure', outputs })).toMatchObject({ type: 'ack' });

describe('OSC outputs over a real UDP socket', () => {
  it('mute at the cut-off: the mixer receives /ch/01/mix/on 0 as an int, and the control view hears it was sent', async () => {
    const mixer = await udpListener();
    const { host, control, time } = await hostWithControl();
    await configure(control, [osc(mixer.port, { target: { kind: 'osc', host: '127.0.0.1', port: mixer.port, address: '/ch/01/mix/on', args: [{ type: 'int', value: '0' }, { type: 'string', value: '{unit}' }] } })]);
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    expect(mixer.packets).toHaveLength(0);
    time.advance(5000);
    const packet = await mixer.next();
    expect(decode(packet)).toMatchObject({ address: '/ch/01/mix/on', args: [{ value: 0 }, { value: 'Unit A' }] });
    // The type tags: an OSC int (i), not a float, then a string.
    expect(packet.toString('latin1')).toContain(',is\0');
    const result = await resultOf(control, 'mixer', (r) => r.trigger === 'zero');
    expect(result.outcome).toEqual({ kind: 'sent' });
    expect(mixer.packets).toHaveLength(0);
  });

  it('unmute at the next speaker, with placeholders in the address; a disabled output sends nothing', async () => {
    const mixer = await udpListener();
    const { host, control } = await hostWithControl();
    const unmute = osc(mixer.port, { id: 'unmute', on: ['slot.next'], target: { kind: 'osc', host: '127.0.0.1', port: mixer.port, address: '/rostrum/{slotId}/{phaseNo}', args: [{ type: 'int', value: '1' }, { type: 'float', value: '{remainingS}' }] } });
    await configure(control, [unmute, osc(mixer.port, { id: 'off', enabled: false, on: ['slot.next'] })]);
    await host.engine.execute({ type: 'slot.next' }, { role: 'host' });
    const packet = await mixer.next();
    expect(decode(packet)).toMatchObject({ address: '/rostrum/a/1', args: [{ value: 1 }, { value: 5 }] });
    expect(packet.toString('latin1')).toContain(',if\0');
    await resultOf(control, 'unmute', (r) => r.outcome.kind === 'sent');
    expect(mixer.packets).toHaveLength(0);
  });

  it('a port where no one listens: the result turns to “connection refused” when the machine says so', async () => {
    const port = await closedUdpPort();
    const { control } = await hostWithControl();
    await configure(control, [osc(port)]);
    control.send({ type: 'output.test', id: 't1', outputId: 'mixer' });
    const refused = await resultOf(control, 'mixer', (r) => r.outcome.kind !== 'sent');
    expect(refused).toMatchObject({ trigger: 'test', outcome: { kind: 'refused' } });
  });
});

describe('webhooks to a real HTTP listener', () => {
  it('POSTs the body with the unit and time left filled in, with its headers, at the next speaker', async () => {
    const companion = await httpListener((_req, res) => res.end('ok'));
    const { host, control } = await hostWithControl();
    await configure(control, [hook(`${companion.origin}/api/location/1/0/{phaseNo}/press`)]);
    await host.engine.execute({ type: 'slot.edit', slotId: 'a', fields: { unit: '科技经济运行局 "一"' } }, { role: 'host' });
    await host.engine.execute({ type: 'slot.next' }, { role: 'host' });
    const result = await resultOf(control, 'hook', () => true);
    expect(result.outcome).toEqual({ kind: 'sent', status: 200 });
    expect(companion.received).toHaveLength(1);
    const [req] = companion.received;
    expect(req).toMatchObject({ method: 'POST', url: '/api/location/1/0/1/press' });
    expect(req?.headers['x-key']).toBe('k-a');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ unit: '科技经济运行局 "一"', left: 5 });
  });

  it('says “HTTP 500” when the target answers with an error, and “connection refused” when no one listens', async () => {
    const broken = await httpListener((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const closed = await httpListener(() => undefined);
    const closedUrl = closed.origin;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const { control } = await hostWithControl();
    await configure(control, [hook(broken.origin, { id: 'broken' }), hook(closedUrl, { id: 'closed' })]);
    control.send({ type: 'output.test', id: 't1', outputId: 'broken' });
    expect((await resultOf(control, 'broken', () => true)).outcome).toEqual({ kind: 'http', status: 500 });
    control.send({ type: 'output.test', id: 't2', outputId: 'closed' });
    expect((await resultOf(control, 'closed', () => true)).outcome).toEqual({ kind: 'refused' });
  });

  it('gives up on a target that never answers after its timeout, and says so', async () => {
    const silent = await httpListener(() => undefined);
    const { control } = await hostWithControl(false);
    await configure(control, [hook(silent.origin, {}, 300)]);
    const sent = Date.now();
    control.send({ type: 'output.test', id: 't1', outputId: 'hook' });
    const result = await resultOf(control, 'hook', () => true);
    expect(result.outcome).toEqual({ kind: 'timeout', afterMs: 300 });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(290);
    expect(silent.received).toHaveLength(1);
  });
});

describe('outputs never hold the meeting', () => {
  it('a webhook that hangs delays neither a boundary nor another output; its queue stays short', async () => {
    const silent = await httpListener(() => undefined);
    const mixer = await udpListener();
    const { host, control, time } = await hostWithControl();
    const start = time.now();
    await configure(control, [hook(silent.origin, { on: ['phase.started', 'warning', 'danger', 'zero', 'scoring.opened', 'slot.next'] }, 30_000), osc(mixer.port, { on: ['warning', 'danger', 'zero'] })]);
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    time.advance(5000);
    // Every boundary was recorded at its due instant while the first webhook still hangs…
    await host.engine.settled();
    const fired = host.engine.current().live?.fired;
    expect(fired).toEqual(['warning', 'danger', 'zero']);
    // …and the mixer got all three, each on its own.
    const packets = [await mixer.next(), await mixer.next(), await mixer.next()];
    expect(packets.map((p) => (decode(p) as { address: string }).address)).toEqual(['/ch/01/mix/on', '/ch/01/mix/on', '/ch/01/mix/on']);
    expect(silent.received).toHaveLength(1);
    // Six sends for the hook: one in flight, four waiting, the oldest waiting one dropped and said so.
    await host.engine.execute({ type: 'slot.next' }, { role: 'host' });
    const dropped = await resultOf(control, 'hook', (r) => r.outcome.kind === 'dropped');
    expect(dropped.outcome).toEqual({ kind: 'dropped', count: 1 });
    expect(time.now() - start).toBe(5000);
  });
});

describe('outputs are the host’s alone', () => {
  it('the clerk may not configure or test them, and no other view receives them or their results', async () => {
    const { host, control } = await hostWithControl();
    await configure(control, [hook('http://127.0.0.1:9/x')]);
    const clerk = await TestClient.open(host.origin, host.tokens.clerk, 'clerk');
    const display = await TestClient.open(host.origin, host.tokens.display, 'display');
    cleanups.push(() => clerk.close(), () => display.close());
    const clerkWelcome = await clerk.next('welcome');
    const displayWelcome = await display.next('welcome');
    expect(clerkWelcome.state.outputs).toEqual([]);
    expect(displayWelcome.state.outputs).toEqual([]);
    expect(await clerk.command({ type: 'outputs.configure', outputs: [] })).toMatchObject({ type: 'error', code: 'forbidden' });
    clerk.send({ type: 'output.test', id: 't1', outputId: 'hook' });
    expect(await clerk.nextReply()).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await control.command({ type: 'outputs.configure', outputs: [hook('http://127.0.0.1:9/x', { on: [] })] })).toMatchObject({ type: 'error', code: 'bad_message', message: expect.stringContaining('choose at least one event') });
    expect([...clerk.log, ...display.log].some((m) => m.includes('127.0.0.1:9'))).toBe(false);
    expect([...clerk.log, ...display.log].some((m) => m.startsWith('{"type":"outputs"'))).toBe(false);
  });
});
