import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGENDA_LIMITS } from '../../src/core/meeting';
import type { Slot } from '../../src/core/meeting';
import { COMMAND_BODY_LIMIT, MESSAGE_LIMITS } from '../../src/core/protocol';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>> | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await host?.close();
  host = null;
});
const open = async (token: string, view = 'control') => {
  if (!host) throw new Error('no host');
  const c = await TestClient.open(host.origin, token, view);
  clients.push(c);
  await c.next('welcome');
  return c;
};

/** The largest agenda the schema allows, every text at its longest and in Chinese (three bytes a character). */
function largestAgenda(count: number = AGENDA_LIMITS.slots) {
  const zh = (n: number) => '长'.repeat(n);
  const phase = { name: { zh: zh(60), en: zh(60) }, durationMs: 480_000, cutoff: 'hard' as const, warningMs: 120_000, dangerMs: 30_000, sounds: true };
  const sittings = Array.from({ length: AGENDA_LIMITS.sittings }, (_, i) => ({ id: `d${i}`.padEnd(40, 'x'), title: zh(60) }));
  const slots: Slot[] = Array.from({ length: count }, (_, i) => ({
    id: `s${i}`.padEnd(40, 'x'),
    sittingId: sittings[i % sittings.length]?.id ?? '',
    unit: zh(60),
    speaker: zh(60),
    topic: zh(200),
    phases: Array.from({ length: 8 }, () => phase),
  }));
  return { type: 'agenda.replace' as const, sittings, slots };
}

const post = (path: string, token: string, body: unknown) =>
  fetch(`${host?.origin}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('limits that agree', () => {
  it('takes the largest agenda the schema allows as one HTTP command', async () => {
    host = await startTestHost();
    const command = largestAgenda();
    expect(Buffer.byteLength(JSON.stringify(command))).toBeLessThan(COMMAND_BODY_LIMIT);
    const res = await post('/api/v1/commands', host.tokens.host, command);
    expect(res.status).toBe(200);
    expect(host.engine.current().slots).toHaveLength(AGENDA_LIMITS.slots);
  }, 30_000);

  it('answers a WebSocket message over the sender’s limit with an error naming the limit, and keeps the socket', async () => {
    host = await startTestHost({ newMeeting: scoredMeeting() });
    const control = await open(host.tokens.host);
    // 300 of the longest slots: about 1.5 MB, over the host's 1 MiB and under what the socket refuses outright.
    const reply = await control.command(largestAgenda(300), 'big1');
    expect(reply).toMatchObject({ type: 'error', id: 'big1', code: 'bad_message', message: /at most 1 MiB.*POST \/api\/v1\/commands/ });
    const phone = await open(host.tokens.reviewerToken('l1') ?? '', 'review');
    const ballot = { type: 'ballot.submit', slotId: 'a', submissionId: 'sub-12345', scores: ['90'], comment: 'x'.repeat(MESSAGE_LIMITS.reviewer) };
    expect(await phone.command(ballot, 'b1')).toMatchObject({ type: 'error', id: 'b1', message: /at most 16 KiB/ });
    // Still connected, still heard.
    expect(await control.command({ type: 'meeting.rename', title: 'Still here' })).toMatchObject({ type: 'ack' });
    expect(host.engine.current().slots).toHaveLength(3);
  });

  it('refuses ids that are names every object has, and goes on serving every view', async () => {
    host = await startTestHost({ newMeeting: scoredMeeting() });
    const control = await open(host.tokens.host);
    const display = await open(host.tokens.display, 'display');
    const { slots, sittings } = scoredMeeting();
    for (const id of ['toString', 'constructor', '__proto__']) {
      const replace = { type: 'agenda.replace', sittings, slots: slots.map((s, i) => (i === 0 ? { ...s, id } : s)) };
      expect(await control.command(replace)).toMatchObject({ type: 'error', code: 'bad_message', path: 'command.slots.0.id' });
      const scoring = { ...host.engine.current().scoring, reviewers: [{ id, name: 'Odd', groupId: 'leaders', unit: '' }] };
      expect(await control.command({ type: 'scoring.configure', scoring })).toMatchObject({ type: 'error', code: 'bad_message' });
    }
    expect(await control.command({ type: 'timer.start' })).toMatchObject({ type: 'ack' });
    expect((await display.next('state')).state.live?.mode).toBe('running');
  });
});

describe('a reviewer taken off the roster', () => {
  it('loses access on every route with the old key: HTTP, the WebSocket, an upload', async () => {
    host = await startTestHost({ newMeeting: scoredMeeting() });
    const key = host.tokens.reviewerToken('l1') ?? '';
    const state = () => fetch(`${host?.origin}/api/v1/state`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status);
    expect(await state()).toBe(200);
    const phone = await open(key, 'review');
    const scoring = host.engine.current().scoring;
    const control = await open(host.tokens.host);
    expect(await control.command({ type: 'scoring.configure', scoring: { ...scoring, reviewers: scoring.reviewers.filter((r) => r.id !== 'l1') } })).toMatchObject({ type: 'ack' });
    expect(await state()).toBe(401);
    await vi.waitFor(() => expect(phone.ws.readyState).toBe(phone.ws.CLOSED));
    await expect(TestClient.open(host.origin, key, 'review')).rejects.toThrow(/401/);
    expect((await post('/api/v1/import/roster?file=a.csv', key, {})).status).toBe(401);
  });
});
