import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClerkPin, LOCKOUT_MS } from '../../src/host/clerk-pin';
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
  it('lock the door for a minute after five in a row, even against the right PIN', async () => {
    let now = 0;
    const pin = new ClerkPin(null, async () => {}, () => now);
    await pin.choose('2468');
    for (let i = 0; i < 4; i++) expect(await pin.check('1111')).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await pin.check('1111')).toEqual({ ok: false, reason: 'locked', retryInMs: LOCKOUT_MS });
    now += LOCKOUT_MS - 1;
    expect(await pin.check('2468')).toMatchObject({ ok: false, reason: 'locked' });
    now += 1;
    expect(await pin.check('2468')).toEqual({ ok: true });
  });
});
