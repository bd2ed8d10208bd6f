import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClerkPin, freshGuard, LOCKOUT_MS } from '../../src/host/clerk-pin';
import { startHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeEach(async () => {
  host = await startTestHost({ newMeeting: scoredMeeting() });
});
afterEach(() => host.close());

const session = (body: unknown) =>
  fetch(`${host.origin}/api/v1/clerk/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the clerk’s PIN', () => {
  it('is chosen once on first use, then opens a session with the clerk’s key', async () => {
    expect(await (await fetch(`${host.origin}/api/v1/clerk/pin`)).json()).toEqual({ set: false });
    expect((await session({ pin: '2468' })).status).toBe(409);
    const chosen = await session({ pin: '2468', choose: true });
    expect(await chosen.json()).toEqual({ token: host.tokens.clerk });
    expect((await session({ pin: '1357', choose: true })).status).toBe(409);
    expect(await (await session({ pin: '2468' })).json()).toEqual({ token: host.tokens.clerk });
  });

  it('refuses a wrong PIN without the key, and a malformed one with where it is wrong', async () => {
    await session({ pin: '2468', choose: true });
    const wrong = await session({ pin: '0000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'wrong_pin', message: 'wrong PIN', triesLeft: 4 });
    const bad = await session({ pin: '12ab' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ path: 'pin', message: 'pin: a PIN is 4 to 8 digits' });
  });

  it('survives a restart of the host, kept only as a hash beside the meetings', async () => {
    await session({ pin: '2468', choose: true });
    const { readFile } = await import('node:fs/promises');
    const saved = await readFile(`${host.dir}/rostrum.keys.json`, 'utf8');
    expect(saved).not.toContain('2468');
    expect(JSON.parse(saved).clerkPin).toMatchObject({ salt: expect.any(String), hash: expect.any(String) });
  });
});

describe('wrong PINs', () => {
  const guarded = (now: () => number) => new ClerkPin(null, freshGuard(), async () => {}, now);
  const fiveWrong = async (pin: ClerkPin) => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await pin.check('1111'));
    return answers;
  };

  it('lock the door for a minute after five in a row, even against the right PIN; each later lockout lasts twice as long', async () => {
    let now = 0;
    const pin = guarded(() => now);
    await pin.choose('2468');
    const first = await fiveWrong(pin);
    expect(first.slice(0, 4)).toMatchObject([{ triesLeft: 4 }, { triesLeft: 3 }, { triesLeft: 2 }, { triesLeft: 1 }]);
    expect(first[4]).toEqual({ ok: false, reason: 'locked', retryInMs: LOCKOUT_MS });
    now += LOCKOUT_MS - 1;
    expect(await pin.check('2468')).toMatchObject({ ok: false, reason: 'locked' });
    now += 1;
    expect((await fiveWrong(pin))[4]).toEqual({ ok: false, reason: 'locked', retryInMs: 2 * LOCKOUT_MS });
    now += 2 * LOCKOUT_MS;
    expect((await fiveWrong(pin))[4]).toEqual({ ok: false, reason: 'locked', retryInMs: 4 * LOCKOUT_MS });
    now += 4 * LOCKOUT_MS;
    // The right PIN opens the door and forgets the lockouts: the next five wrong lock for a minute again.
    expect(await pin.check('2468')).toEqual({ ok: true });
    expect((await fiveWrong(pin))[4]).toEqual({ ok: false, reason: 'locked', retryInMs: LOCKOUT_MS });
    // Seventeen scrypt hashes: seconds of CPU on a loaded machine.
  }, 60_000);
});

describe('the PIN under concurrent requests, restarts and a switch of meeting', () => {
  const post = (origin: string, body: unknown) =>
    fetch(`${origin}/api/v1/clerk/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('of two first-use choices sent at once, exactly one sets the PIN and gets the key', async () => {
    const answers = await Promise.all([post(host.origin, { pin: '1111', choose: true }), post(host.origin, { pin: '2222', choose: true })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers[0]?.status === 200 ? '1111' : '2222';
    expect(await (await post(host.origin, { pin: winner })).json()).toEqual({ token: host.tokens.clerk });
  });

  it('counts 100 simultaneous guesses one by one: five are judged, the rest find the lock, and the right PIN is refused too', async () => {
    await post(host.origin, { pin: '2468', choose: true });
    const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) => post(host.origin, { pin: String(1000 + i) })));
    const statuses = guesses.map((g) => g.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(96);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    expect((await post(host.origin, { pin: '2468' })).status).toBe(429);
  }, 30_000);

  it('keeps the lock across a restart and in another meeting of the same folder', async () => {
    await post(host.origin, { pin: '2468', choose: true });
    for (let i = 0; i < 5; i++) await post(host.origin, { pin: '0000' });
    const saved = JSON.parse(await readFile(join(host.dir, 'rostrum.keys.json'), 'utf8'));
    expect(saved.clerkPinGuard).toMatchObject({ failures: 0, lockouts: 1, lockedUntil: expect.any(Number) });
    const uiDir = join(host.dir, 'ui');
    await host.close();
    for (const file of ['meeting.rostrum.jsonl', 'other.rostrum.jsonl']) {
      const again = await startHost({ meetingPath: join(host.dir, file), port: 0, uiDir, newMeeting: scoredMeeting() });
      try {
        const res = await post(again.origin, { pin: '2468' });
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50);
      } finally {
        await again.close();
      }
    }
    host = await startTestHost({ newMeeting: scoredMeeting() });
  }, 30_000);
});
