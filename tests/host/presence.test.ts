import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../src/core/protocol';
import type { RunningHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost, TestClient } from './support';

type Presence = Extract<HostMessage, { type: 'presence' }>['presence'];

let host: RunningHost;
const clients: TestClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await host.close();
});

async function open(token: string, view: string, screen?: string): Promise<TestClient> {
  const c = await TestClient.open(host.origin, token, `${view}${screen ? `&screen=${screen}` : ''}`);
  clients.push(c);
  await c.next('welcome');
  return c;
}

/** The next presence the control view hears that passes `test`. */
async function presenceUntil(control: TestClient, test: (p: Presence) => boolean): Promise<Presence> {
  for (;;) {
    const { presence } = await control.next('presence');
    if (test(presence)) return presence;
  }
}

describe('who is connected, as the control view sees it', () => {
  it('lists each reviewer’s phone as never, online, then offline', async () => {
    host = await startTestHost({ newMeeting: scoredMeeting() });
    const reviewers = host.engine.current().scoring.reviewers.map((r) => r.id);
    expect(reviewers.length).toBeGreaterThan(1);
    const control = await open(host.tokens.host, 'control', 'c1');
    const first = await presenceUntil(control, () => true);
    expect(first.reviewers.map((r) => r.status)).toEqual(reviewers.map(() => 'never'));
    const [a] = reviewers;
    const phone = await open(host.tokens.reviewerToken(a!)!, 'review');
    let seen = await presenceUntil(control, (p) => p.reviewers.some((r) => r.status === 'online'));
    expect(seen.reviewers.find((r) => r.reviewerId === a)).toMatchObject({ status: 'online' });
    expect(seen.reviewers.filter((r) => r.reviewerId !== a).every((r) => r.status === 'never')).toBe(true);
    phone.close();
    seen = await presenceUntil(control, (p) => p.reviewers.some((r) => r.status === 'offline'));
    expect(seen.reviewers.find((r) => r.reviewerId === a)).toMatchObject({ status: 'offline', since: expect.any(Number) });
  });

  it('lists projector and stage screens with their sound: ready, needs a click, muted; the preview is not a screen', async () => {
    host = await startTestHost();
    const control = await open(host.tokens.host, 'control', 'c1');
    const projector = await open(host.tokens.display, 'display', 'p1');
    await open(host.tokens.display, 'stage', 's1');
    await open(host.tokens.display, 'display&preview=1', 'c1preview');
    projector.send({ type: 'audio.state', state: 'blocked' });
    let seen = await presenceUntil(control, (p) => p.screens.some((s) => s.audio === 'blocked'));
    // The projector rings by default; the stage does not, so its sound is not asked about.
    expect(seen.screens.map((s) => [s.kind, s.id, s.status, s.audio])).toEqual([
      ['control', 'c1', 'online', null],
      ['display', 'p1', 'online', 'blocked'],
      ['stage', 's1', 'online', null],
    ]);
    projector.send({ type: 'audio.state', state: 'ready' });
    seen = await presenceUntil(control, (p) => p.screens.some((s) => s.audio === 'ready'));
    expect(await control.command({ type: 'audio.set', muted: true })).toMatchObject({ type: 'ack' });
    seen = await presenceUntil(control, (p) => p.screens.some((s) => s.audio === 'muted'));
    expect(seen.screens.find((s) => s.kind === 'display')?.audio).toBe('muted');
    projector.close();
    seen = await presenceUntil(control, (p) => p.screens.some((s) => s.status === 'offline'));
    expect(seen.screens.find((s) => s.kind === 'display')).toMatchObject({ status: 'offline', from: expect.stringMatching(/127\.0\.0\.1/) });
  });

  it('is for the host alone; a phone may not report sound', async () => {
    host = await startTestHost({ newMeeting: scoredMeeting() });
    const display = await open(host.tokens.display, 'display', 'p1');
    const phone = await open(host.tokens.reviewerToken('l1')!, 'review');
    phone.send({ type: 'audio.state', state: 'ready' });
    expect(await phone.next('error')).toMatchObject({ code: 'forbidden' });
    await open(host.tokens.host, 'control', 'c1');
    await new Promise((r) => setImmediate(r));
    expect(display.received('presence') || phone.received('presence')).toBe(false);
  });
});
