import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { speechPhase } from '../../src/core/meeting';
import type { MeetingSetup } from '../../src/core/meeting';
import { RawPeer } from './raw-socket';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>> | null = null;
const peers: RawPeer[] = [];
afterEach(async () => {
  peers.splice(0).forEach((p) => p.destroy());
  await host?.close();
  host = null;
});

/** A long agenda, so each state the control view receives is a few hundred kilobytes. */
function longMeeting(): MeetingSetup {
  const phases = [speechPhase()];
  const slots = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, sittingId: 'd1', unit: `单位 ${i} ${'长'.repeat(40)}`, speaker: `发言人 ${i}`, topic: '题目'.repeat(60), phases }));
  return { title: 'Long 长议程', sittings: [{ id: 'd1', title: 'Day 1' }], slots };
}

const stateSeqs = (peer: RawPeer) =>
  peer.messages.flatMap((m) => {
    const msg = JSON.parse(m) as { type: string; state?: { seq: number } };
    return msg.type === 'state' && msg.state ? [msg.state.seq] : [];
  });

describe('a view that reads slowly or not at all', () => {
  it('is sent only the newest state once it drains, not every state it missed', async () => {
    host = await startTestHost({ newMeeting: longMeeting() });
    const peer = await RawPeer.open(host.origin, host.tokens.host);
    peers.push(peer);
    await peer.until((m) => m.includes('"welcome"'));
    peer.socket.pause();
    const changes = 60;
    for (let i = 1; i <= changes; i++) await host.engine.execute({ type: 'meeting.rename', title: `Renamed ${i}` }, { role: 'host' });
    const last = host.engine.current().seq;
    peer.socket.resume();
    await peer.until((m) => m.includes(`"seq":${last},`) && m.startsWith('{"type":"state"'));
    const seqs = stateSeqs(peer);
    // What was in flight arrives in order; then the newest; the states in between were never queued.
    expect(seqs.at(-1)).toBe(last);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.length).toBeLessThan(changes);
    expect(peer.closed).toBe(false);
  }, 30_000);

  it('is pinged once a heartbeat, a hall of views spread over it rather than all at once', async () => {
    // A heartbeat of 1.5 s: fifteen views fall in fifteen groups, pinged 100 ms apart.
    host = await startTestHost({ heartbeatMs: 1500 });
    const views = await Promise.all(Array.from({ length: 15 }, () => TestClient.open(host?.origin ?? '', host?.tokens.display ?? '', 'display')));
    const firstPings = await Promise.all(views.map((v) => new Promise<number>((resolve) => v.ws.once('ping', () => resolve(Date.now())))));
    views.forEach((v) => v.close());
    // All at once, they would come within a few milliseconds of each other.
    expect(Math.max(...firstPings) - Math.min(...firstPings)).toBeGreaterThan(700);
  });

  it('is ended when it does not answer the host’s own pings, whatever pongs it sends unasked', async () => {
    host = await startTestHost({ heartbeatMs: 200 });
    const silent = await RawPeer.open(host.origin, host.tokens.display, 'display');
    peers.push(silent);
    const pongs = setInterval(() => silent.frame(0xa, Buffer.from('still here')), 50);
    // A real client answers the pings (the ws library does it by itself) and stays.
    const live = await TestClient.open(host.origin, host.tokens.display, 'display');
    const started = Date.now();
    await silent.untilClosed();
    clearInterval(pongs);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    live.close();
  });
});

/** A request by hand, so a test can send the headers and hold the body back. */
function rawRequest(path: string, headers: Record<string, string | number>): { response: Promise<{ status: number; body: string }>; write(b: Buffer): void; end(): void } {
  const url = new URL(path, host?.origin);
  const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { response, write: (b) => req.write(b), end: () => req.end() };
}

describe('HTTP requests', () => {
  it('are refused before their body is read when the token is no one’s', async () => {
    host = await startTestHost();
    // Five megabytes announced, not one sent: the answer comes anyway.
    const upload = rawRequest('/api/v1/import/roster?file=a.csv', { 'content-type': 'application/octet-stream', 'content-length': 5 * 1024 * 1024, authorization: 'Bearer guess' });
    const { status, body } = await upload.response;
    expect(status).toBe(401);
    expect(body).toContain('a valid token is required');
  });

  it('are refused past their route’s body limit, and the small routes take little', async () => {
    host = await startTestHost();
    const big = { slotId: 'x'.repeat(40), padding: 'y'.repeat(64 * 1024) };
    const res = await fetch(`${host.origin}/api/v1/actions/start`, { method: 'POST', headers: { authorization: `Bearer ${host.tokens.host}`, 'content-type': 'application/json' }, body: JSON.stringify(big) });
    expect(res.status).toBe(413);
    expect(host.engine.current().seq).toBe(1);
  });

  it('are cut off when the body does not come in time', async () => {
    host = await startTestHost({ requestTimeoutMs: 300 });
    const slow = rawRequest('/api/v1/commands', { 'content-type': 'application/json', 'content-length': 100, authorization: `Bearer ${host.tokens.host}` });
    slow.write(Buffer.from('{"type":'));
    const started = Date.now();
    const outcome = await slow.response.then(
      (r) => r.status,
      () => 'closed',
    );
    expect([408, 'closed']).toContain(outcome);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
