import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
const clients: TestClient[] = [];
const open = async (token: string, view?: string) => {
  const c = await TestClient.open(host.origin, token, view);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  host = await startTestHost();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await host.close();
});

describe('the WebSocket protocol', () => {
  it('welcomes a view with the meeting, its role and the host clock', async () => {
    const control = await open(host.tokens.host);
    const welcome = await control.next('welcome');
    expect(welcome.role).toBe('host');
    expect(welcome.state.slots.map((s) => s.unit)).toEqual(['Unit A', 'Unit B', 'Unit C']);
    expect(welcome.displayUrl).toContain('/display#token=');
    const display = await open(host.tokens.display, 'display');
    const dw = await display.next('welcome');
    expect(dw.role).toBe('display');
    expect(dw.displayUrl).toBeUndefined();
  });

  it('acknowledges a command only after it is durable, and every view gets the new state', async () => {
    const control = await open(host.tokens.host);
    const display = await open(host.tokens.display, 'display');
    await control.next('welcome');
    await display.next('welcome');
    const reply = await control.command({ type: 'timer.start' });
    expect(reply).toMatchObject({ type: 'ack', seq: 2 });
    const seen = await display.next('state');
    expect(seen.state.live).toMatchObject({ slotId: 'a', mode: 'running' });
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(`${host.dir}/meeting.rostrum.jsonl`, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ seq: 2, type: 'timer.started', slotId: 'a' });
  });

  it('refuses commands from a display, and changes nothing', async () => {
    const display = await open(host.tokens.display, 'display');
    await display.next('welcome');
    const reply = await display.command({ type: 'timer.start' }, 'x1');
    expect(reply).toMatchObject({ type: 'error', id: 'x1', code: 'forbidden' });
    expect(host.engine.current().live).toBeNull();
  });

  it('answers malformed messages with an error that says what and where', async () => {
    const control = await open(host.tokens.host);
    await control.next('welcome');
    control.send('{not json');
    expect(await control.next('error')).toMatchObject({ code: 'bad_message', message: 'not valid JSON', id: null });
    control.send({ type: 'command', id: 'k', command: { type: 'timer.adjust', deltaMs: 'lots' } });
    const err = await control.next('error');
    expect(err).toMatchObject({ code: 'bad_message', id: 'k', path: 'command.deltaMs' });
    control.send({ type: 'launch', id: 'z' });
    expect(await control.next('error')).toMatchObject({ code: 'bad_message', id: 'z', path: 'type' });
    expect(host.engine.current().seq).toBe(1);
  });

  it('refuses a command that is not possible now with the reason', async () => {
    const control = await open(host.tokens.host);
    await control.next('welcome');
    expect(await control.command({ type: 'timer.pause' })).toMatchObject({ type: 'error', code: 'not_allowed', message: 'pause is not possible now' });
  });

  it('never opens a socket for a wrong token', async () => {
    await expect(TestClient.open(host.origin, 'not-a-token')).rejects.toThrow('HTTP 401');
    await expect(TestClient.open(host.origin, host.tokens.host, 'control', { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers pings with the host clock, for the views to estimate their offset', async () => {
    const display = await open(host.tokens.display, 'display');
    await display.next('welcome');
    display.send({ type: 'ping', id: 7, t0: 123.5 });
    const pong = await display.next('pong');
    expect(pong).toMatchObject({ id: 7, t0: 123.5 });
    expect(pong.hostNow).toBeGreaterThan(0);
  });

  it('sends chimes only to the views chosen as audio outputs', async () => {
    const control = await open(host.tokens.host, 'control');
    const display = await open(host.tokens.display, 'display');
    await control.next('welcome');
    await display.next('welcome');
    control.send({ type: 'cue.test', id: 't' });
    expect(await display.next('cue')).toMatchObject({ sound: 'warning' });
    // The host sends the cues before the ack, on ordered sockets: a cue for the control view would be here by now.
    await control.next('ack');
    expect(control.received('cue')).toBe(false);
  });
});
