import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

const port = () => Number(new URL(host.origin).port);

/** A GET with the headers a browser (or an attacker's page) would send: fetch does not let a test choose `Host`. */
function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: port(), path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('requests for another name (DNS rebinding)', () => {
  it('are refused over HTTP, with the key or without, pages and API alike', async () => {
    const auth = { authorization: `Bearer ${host.tokens.host}` };
    expect((await get('/api/v1/state', { ...auth, host: `127.0.0.1:${port()}` })).status).toBe(200);
    expect((await get('/api/v1/state', { ...auth, host: `localhost:${port()}` })).status).toBe(200);
    const rebound = await get('/api/v1/state', { ...auth, host: `attacker.example:${port()}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toEqual({ error: 'forbidden', message: '"attacker.example" is not a name of this machine' });
    expect((await get('/control', { host: `attacker.example:${port()}` })).status).toBe(403);
    expect((await get('/api/v1/health', { host: `attacker.example:${port()}` })).status).toBe(403);
  });

  it('are refused from a page of another origin, even on this machine’s name', async () => {
    expect((await get('/api/v1/state', { authorization: `Bearer ${host.tokens.display}`, host: `127.0.0.1:${port()}`, origin: 'http://attacker.example' })).status).toBe(403);
    expect((await get('/api/v1/state', { authorization: `Bearer ${host.tokens.display}`, host: `127.0.0.1:${port()}`, origin: host.origin })).status).toBe(200);
  });

  it('never get a socket', async () => {
    await expect(TestClient.open(host.origin, host.tokens.display, 'display', { Host: `attacker.example:${port()}` })).rejects.toThrow('HTTP 403');
    await expect(TestClient.open(host.origin, host.tokens.display, 'display', { Host: `attacker.example:${port()}`, Origin: `http://attacker.example:${port()}` })).rejects.toThrow('HTTP 403');
    const ok = await TestClient.open(host.origin, host.tokens.display, 'display', { Origin: host.origin });
    expect((await ok.next('welcome')).role).toBe('display');
    ok.close();
  });
});
