import { createServer } from 'node:net';
import type { Server } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { NetworkStatus } from '../../src/core/network';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorizer } from '../../src/host/authorize';
import { startHost } from '../../src/host/index';
import type { RunningHost } from '../../src/host/index';
import type { InterfaceTable } from '../../src/host/interfaces';
import { listenOn, PORTS_TRIED } from '../../src/host/listen';
import { shortMeeting } from '../fixtures/meetings';
import { startTestHost, tempDir, TestClient } from './support';

// Every connection here goes to 127.0.0.0/8, even with the LAN on: the "Wi-Fi" and the "cable"
// of these tests are loopback aliases in a fake interface list, never this machine's real LAN.
const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: 'IPv4', internal, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: `${address}/8` });
const WIFI = '127.0.0.2';
const CABLE = '127.0.0.3';
const laptop = (): InterfaceTable => ({ lo: [v4('127.0.0.1', true)], wlan0: [v4(WIFI)], eth0: [v4(CABLE)] });

let host: RunningHost | null = null;
const blockers: Server[] = [];
afterEach(async () => {
  await host?.close();
  host = null;
  await Promise.all(blockers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Holds a port as another program would. */
async function block(address: string, port = 0): Promise<number> {
  const server = createServer();
  blockers.push(server);
  return listenOn(server, address, port);
}

const at = (address: string, h: RunningHost) => `http://${address}:${h.network.port}`;
const call = (url: string, token: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
const putNetwork = (h: RunningHost, body: unknown, token = h.tokens.host) => call(`${h.origin}/api/v1/network`, token, { method: 'PUT', body: JSON.stringify(body) });
/** Whether a page answers at this address: a connection the host does not take is closed unanswered. */
const answers = (url: string) => fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);

describe('where the host runs', () => {
  it('is in the health answer: serve mode by default, or as the desktop app tells it', async () => {
    host = await startTestHost();
    expect(await (await fetch(`${host.origin}/api/v1/health`)).json()).toMatchObject({ ok: true, runs: 'serve' });
    await host.close();
    host = await startTestHost({ runs: 'in-app' });
    expect(await (await fetch(`${host.origin}/api/v1/health`)).json()).toMatchObject({ runs: 'in-app' });
  });
});

describe('a port in use at start', () => {
  it('fails serve mode before any file is made, naming the port', async () => {
    const taken = await block('127.0.0.1');
    const dir = await tempDir();
    await expect(startHost({ meetingPath: join(dir, 'm', 'meeting.rostrum.jsonl'), port: taken, newMeeting: shortMeeting() })).rejects.toThrow(`port ${taken} is already in use`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives the desktop app the next free port, and says so', async () => {
    const taken = await block('127.0.0.1');
    host = await startTestHost({ port: taken, whenPortTaken: 'next' });
    expect(host.network.port).toBeGreaterThan(taken);
    const status = (await (await call(`${host.origin}/api/v1/network`, host.tokens.host)).json()) as NetworkStatus;
    expect(status.problems).toContainEqual({ code: 'port-taken', wanted: taken, got: host.network.port });
  });
});

describe('the LAN setting', () => {
  it('keeps the host token to this machine, and serves only the chosen interface', async () => {
    host = await startTestHost({ network: { lan: true, interface: 'wifi' }, interfaces: laptop });
    // The host token still works from loopback with the LAN on.
    const control = await TestClient.open(host.origin, host.tokens.host);
    const network = (await control.next('network')).network;
    expect(network.lan.map((l) => l.origin)).toEqual([at(WIFI, host)]);
    expect(network.lan[0]?.phoneQr).toMatch(/^<svg/);
    expect(network.interfaces.map((i) => [i.name, i.kind, i.served])).toEqual([
      ['wlan0', 'wifi', true],
      ['eth0', 'cable', false],
    ]);
    expect(await answers(at(WIFI, host))).toBe(true);
    expect(await answers(at(CABLE, host))).toBe(false);
    // The QR cards carry the chosen interface's address.
    const cards = (await (await call(`${host.origin}/api/v1/cards`, host.tokens.host)).json()) as { origin: string };
    expect(cards.origin).toBe(at(WIFI, host));
    control.close();
  });

  it('moves to another interface without moving the listener or the meeting', async () => {
    host = await startTestHost({ network: { lan: true, interface: 'wifi' }, interfaces: laptop });
    const port = host.network.port;
    const display = await TestClient.open(at(WIFI, host), host.tokens.display, 'display');
    const res = await putNetwork(host, { lan: true, interface: 'cable', port });
    expect(res.status).toBe(200);
    expect(((await res.json()) as NetworkStatus).lan.map((l) => l.origin)).toEqual([at(CABLE, host)]);
    expect(host.network.port).toBe(port);
    // The screen on the interface no longer served is let go; the other one answers now.
    await new Promise((resolve) => display.ws.once('close', resolve));
    expect(await answers(at(WIFI, host))).toBe(false);
    expect(await answers(at(CABLE, host))).toBe(true);
  });

  it('turned on at run time moves the listener to another port; the meeting runs on and screens are told where', async () => {
    host = await startTestHost();
    const control = await TestClient.open(host.origin, host.tokens.host);
    await control.next('welcome');
    expect(await control.command({ type: 'timer.start' })).toMatchObject({ type: 'ack' });
    const before = host.engine.current();
    const free = await block('0.0.0.0');
    await new Promise((r) => blockers.pop()?.close(r));
    const res = await putNetwork(host, { lan: true, interface: 'all', port: free });
    expect(res.status).toBe(200);
    expect(await control.next('moved')).toEqual({ type: 'moved', port: free });
    expect(host.network.port).toBe(free);
    expect(host.origin).toBe(`http://127.0.0.1:${free}`);
    // The same meeting, its clock still running, on the new port; the host token still only from here.
    const again = await TestClient.open(host.origin, host.tokens.host);
    const welcome = await again.next('welcome');
    expect(welcome.state.seq).toBe(before.seq);
    expect(welcome.state.live?.mode).toBe('running');
    again.close();
  });

  it('says a port in use at run time and takes the next free one', async () => {
    host = await startTestHost();
    const taken = await block('0.0.0.0');
    const res = await putNetwork(host, { lan: true, interface: 'all', port: taken });
    expect(res.status).toBe(200);
    const status = (await res.json()) as NetworkStatus;
    expect(status.port).toBeGreaterThan(taken);
    expect(status.problems).toContainEqual({ code: 'port-taken', wanted: taken, got: status.port });
  });

  it('keeps listening as before when no port can be had, saying why', async () => {
    host = await startTestHost();
    const first = await block('0.0.0.0');
    // The ports after it, as far as the host looks: some may belong to others already, which is as good.
    for (let p = first + 1; p < first + PORTS_TRIED; p++) await block('0.0.0.0', p).catch(() => undefined);
    const res = await putNetwork(host, { lan: true, interface: 'all', port: first });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/port \d+ is already in use/);
    expect(await answers(host.origin)).toBe(true);
    expect(host.network.setting.lan).toBe(false);
  });

  it('says when the chosen interface has gone (Wi-Fi off) and the meeting keeps running', async () => {
    let table = laptop();
    host = await startTestHost({ network: { lan: true, interface: 'wifi' }, interfaces: () => table });
    const control = await TestClient.open(host.origin, host.tokens.host);
    expect((await control.next('network')).network.problems).toEqual([]);
    table = { lo: laptop().lo, eth0: laptop().eth0 };
    host.network.refresh();
    const gone = (await control.next('network')).network;
    expect(gone.problems).toEqual([{ code: 'interface-missing', interface: 'wifi' }]);
    expect(gone.lan).toEqual([]);
    expect(await control.command({ type: 'timer.start' })).toMatchObject({ type: 'ack' });
    control.close();
  });

  it('is the host’s alone: not the clerk’s, the display’s or a phone’s, and refuses a bad setting saying where', async () => {
    host = await startTestHost();
    for (const token of [host.tokens.clerk, host.tokens.display]) {
      expect((await call(`${host.origin}/api/v1/network`, token)).status).toBe(403);
      expect((await putNetwork(host, { lan: true, interface: 'all', port: 5000 }, token)).status).toBe(403);
    }
    const bad = await putNetwork(host, { lan: true, interface: 'bluetooth', port: 5000 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ path: 'interface' });
    expect((await putNetwork(host, { lan: true, interface: 'all', port: 70000 })).status).toBe(400);
    expect(host.network.setting.lan).toBe(false);
    // Only host views hear of the network.
    const display = await TestClient.open(host.origin, host.tokens.display, 'display');
    await display.next('welcome');
    await new Promise((r) => setImmediate(r));
    expect(display.received('network')).toBe(false);
    display.close();
  });
});

describe('a raw socket on an interface not served', () => {
  it('is closed before the host reads a byte of it', async () => {
    host = await startTestHost({ network: { lan: true, interface: 'wifi' }, interfaces: laptop });
    const ws = new WebSocket(`ws://${CABLE}:${host.network.port}/ws?token=${host.tokens.display}&view=display`);
    const outcome = await new Promise((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});

describe('the host token with the LAN on', () => {
  it('is refused from any other machine, as with the LAN off (checked on the caller’s address, no packet sent there)', async () => {
    host = await startTestHost({ network: { lan: true, interface: 'all' }, interfaces: laptop });
    const authorize = authorizer((token) => host?.tokens.identify(token) ?? null, () => undefined);
    const asked = (remoteAddress: string, token: string) => {
      let code = 200;
      const reply = { code: (c: number) => ((code = c), reply), send: () => reply } as unknown as FastifyReply;
      const req = { headers: { authorization: `Bearer ${token}` }, socket: { remoteAddress } } as unknown as FastifyRequest;
      return authorize(req, reply, ['host', 'display']) ? 200 : code;
    };
    expect(asked('127.0.0.1', host.tokens.host)).toBe(200);
    expect(asked('192.168.1.20', host.tokens.host)).toBe(403);
    expect(asked('::ffff:10.0.0.7', host.tokens.host)).toBe(403);
    // The hall's screens are welcome from the LAN: that is what it is on for.
    expect(asked('192.168.1.20', host.tokens.display)).toBe(200);
    expect((await call(`${host.origin}/api/v1/network`, host.tokens.host)).status).toBe(200);
  });
});
