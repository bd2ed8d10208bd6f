import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeTime } from './fake-time';
import { startTestHost } from './support';

let host: Awaited<ReturnType<typeof startTestHost>> | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await host?.close();
  host = null;
});

const report = (body: unknown, type = 'application/csp-report', headers: Record<string, string> = {}) =>
  fetch(`${host?.origin}/api/v1/csp-report`, { method: 'POST', headers: { 'content-type': type, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** What Firefox and WebKit send for an inline script (`report-uri`), trimmed to what matters. */
const inlineScript = {
  'csp-report': {
    'document-uri': 'http://127.0.0.1:4317/display?x=1',
    referrer: '',
    'violated-directive': "script-src-elem 'self'",
    'effective-directive': 'script-src-elem',
    'original-policy': "default-src 'self'",
    'blocked-uri': 'inline',
    'line-number': 12,
    'column-number': 3,
    'source-file': 'http://127.0.0.1:4317/display',
    'status-code': 200,
  },
};

describe('CSP violation reports', () => {
  it('every page’s policy sends its violations to the host', async () => {
    host = await startTestHost();
    const res = await fetch(`${host.origin}/display`);
    expect(res.headers.get('content-security-policy')).toMatch(/(^|; )report-uri \/api\/v1\/csp-report(;|$)/);
  });

  it('takes a report without a key, logs one line naming the page, directive and what was blocked, and keeps it', async () => {
    host = await startTestHost();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await report(inlineScript)).status).toBe(204);
    expect(warn.mock.calls).toEqual([['rostrum: a page broke the Content-Security-Policy: script-src-elem blocked inline on /display (http://127.0.0.1:4317/display:12:3)']]);
    expect(host.cspReports.recent()).toEqual([{ page: '/display', directive: 'script-src-elem', blocked: 'inline', source: 'http://127.0.0.1:4317/display:12:3' }]);
  });

  it('reads the Reporting API’s batches too, keeping only their CSP violations', async () => {
    host = await startTestHost();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const batch = [
      { type: 'csp-violation', age: 5, url: 'http://127.0.0.1/review', body: { documentURL: 'http://127.0.0.1/review#token=secret', effectiveDirective: 'script-src', blockedURL: 'eval', disposition: 'enforce' } },
      { type: 'deprecation', age: 1, url: 'http://127.0.0.1/review', body: { id: 'x' } },
    ];
    expect((await report(batch, 'application/reports+json')).status).toBe(204);
    expect(host.cspReports.recent()).toEqual([{ page: '/review', directive: 'script-src', blocked: 'eval', source: null }]);
  });

  it('refuses what is not a report, saying why, and keeps nothing', async () => {
    host = await startTestHost();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const notJson = await report('{"csp-report":');
    expect(notJson.status).toBe(400);
    const wrongShape = await report({ 'csp-report': { 'blocked-uri': 'inline' } });
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toMatchObject({ error: 'bad_message', message: /csp-report\.document-uri/ });
    expect((await report(inlineScript, 'application/json')).status).toBe(415);
    const tooBig = await report({ 'csp-report': { ...inlineScript['csp-report'], 'original-policy': 'x'.repeat(40_000) } });
    expect(tooBig.status).toBe(413);
    expect(warn).not.toHaveBeenCalled();
    expect(host.cspReports.recent()).toEqual([]);
  });

  it('hears a sender a few times a second at most: a flood is dropped unread', async () => {
    const time = new FakeTime();
    host = await startTestHost({ clock: time, timers: time });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const flood = async (n: number) => {
      const codes: number[] = [];
      for (let i = 0; i < n; i++) codes.push((await report(inlineScript)).status);
      return codes;
    };
    const first = await flood(30);
    expect(first.filter((c) => c === 204)).toHaveLength(20);
    expect(first.slice(20)).toEqual(Array(10).fill(429));
    // Two a second come back.
    time.advance(1000);
    expect(await flood(3)).toEqual([204, 204, 429]);
    expect(warn.mock.calls).toHaveLength(22);
    expect(host.cspReports.recent()).toHaveLength(22);
  });

  it('answers only requests addressed to this machine, as every route does', async () => {
    host = await startTestHost();
    const res = await report(inlineScript, 'application/csp-report', { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(host.cspReports.recent()).toEqual([]);
  });

  it('takes a report with `Origin: null` (as WebKit sends them), and nothing else with it', async () => {
    host = await startTestHost();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await report(inlineScript, 'application/csp-report', { origin: 'null' })).status).toBe(204);
    expect(host.cspReports.recent()).toHaveLength(1);
    const other = await fetch(`${host.origin}/api/v1/health`, { headers: { origin: 'null' } });
    expect(other.status).toBe(403);
  });
});
