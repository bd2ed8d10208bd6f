import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../src/host/index';
import { startTestHost } from './support';

let host: RunningHost;
beforeEach(async () => {
  host = await startTestHost();
});
afterEach(async () => {
  await host.close();
});

const call = async (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) => {
  const res = await fetch(`${host.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('the HTTP API', () => {
  it('serves the meeting state to the host and the display, to nobody else', async () => {
    expect((await call('/api/v1/state', host.tokens.display)).body['title']).toBe('Test meeting 测试会议');
    expect((await call('/api/v1/state', host.tokens.host)).status).toBe(200);
    expect(await call('/api/v1/state', null)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect((await call('/api/v1/state', 'guess')).status).toBe(401);
  });

  it('runs host actions by name, the same ones the keyboard runs', async () => {
    const list = (await call('/api/v1/actions', host.tokens.host)).body as unknown as { name: string; allowed: boolean }[];
    expect(list.find((a) => a.name === 'start')?.allowed).toBe(true);
    expect(list.find((a) => a.name === 'pause')?.allowed).toBe(false);
    expect(await call('/api/v1/actions/start', host.tokens.host, { method: 'POST' })).toMatchObject({ status: 200, body: { seq: 2 } });
    expect(host.engine.current().live?.mode).toBe('running');
    expect(await call('/api/v1/actions/start', host.tokens.host, { method: 'POST' })).toMatchObject({ status: 409, body: { error: 'not_allowed' } });
    expect(await call('/api/v1/actions/explode', host.tokens.host, { method: 'POST' })).toMatchObject({ status: 404 });
  });

  it('takes a target slot for actions that need one', async () => {
    expect(await call('/api/v1/actions/skip', host.tokens.host, { method: 'POST', body: { slotId: 'b' } })).toMatchObject({ status: 200 });
    expect(host.engine.current().status['b']).toBe('skipped');
    expect(await call('/api/v1/actions/skip', host.tokens.host, { method: 'POST', body: { slotId: '../etc' } })).toMatchObject({ status: 400 });
  });

  it('refuses control to the display token', async () => {
    expect(await call('/api/v1/actions/start', host.tokens.display, { method: 'POST' })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(host.engine.current().live).toBeNull();
  });

  it('keeps actions to the host, and records every command as the role that sent it', async () => {
    expect(await call('/api/v1/actions/start', host.tokens.clerk, { method: 'POST' })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await call('/api/v1/actions', host.tokens.clerk)).status).toBe(403);
    expect(host.engine.current().live).toBeNull();
    expect((await call('/api/v1/actions/start', host.tokens.host, { method: 'POST' })).status).toBe(200);
    expect((await call('/api/v1/commands', host.tokens.clerk, { method: 'POST', body: { type: 'timer.pause' } })).status).toBe(200);
    expect((await call('/api/v1/commands', host.tokens.clerk, { method: 'POST', body: { type: 'undo' } })).status).toBe(200);
    const audit = (await call('/api/v1/audit', host.tokens.host)).body as unknown as { role: string; device: string; type: string }[];
    expect(audit.slice(-3).map(({ role, device, type }) => [role, device, type])).toEqual([
      ['host', 'http@127.0.0.1', 'timer.started'],
      ['clerk', 'http@127.0.0.1', 'timer.paused'],
      ['clerk', 'http@127.0.0.1', 'undo.applied'],
    ]);
  });

  it('validates raw commands and says where the problem is', async () => {
    const bad = await call('/api/v1/commands', host.tokens.host, { method: 'POST', body: { type: 'timer.adjust', deltaMs: 0 } });
    expect(bad).toMatchObject({ status: 400, body: { error: 'bad_message', path: 'deltaMs' } });
    const ok = await call('/api/v1/commands', host.tokens.host, { method: 'POST', body: { type: 'slot.move', slotId: 'c', sittingId: 'd1', index: 0 } });
    expect(ok.status).toBe(200);
    expect(host.engine.current().slots.map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });

  it('sends a message to the speaker and blacks out the projector, by action or by command, and says what is wrong with a bad one', async () => {
    expect(await call('/api/v1/actions/message2', host.tokens.host, { method: 'POST' })).toMatchObject({ status: 200 });
    expect(host.engine.current().message).toMatchObject({ text: { zh: '请结束发言' }, target: 'both', durationMs: null });
    const wrong = await call('/api/v1/commands', host.tokens.host, { method: 'POST', body: { type: 'message.show', text: { zh: '好', en: '' }, target: 'phones', flash: false, durationMs: null } });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'bad_message', path: 'target' } });
    expect(host.engine.current().message?.text.zh).toBe('请结束发言');
    expect(await call('/api/v1/actions/blackout', host.tokens.host, { method: 'POST' })).toMatchObject({ status: 200 });
    expect((await call('/api/v1/state', host.tokens.display)).body['blackout']).toBe(true);
    expect(await call('/api/v1/actions/blackout', host.tokens.display, { method: 'POST' })).toMatchObject({ status: 403 });
  });

  it('sends every page with a strict content security policy', async () => {
    const res = await fetch(`${host.origin}/display`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  });
});
