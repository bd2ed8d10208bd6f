import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender, secureWebPreferences } from './security';

const origin = 'http://127.0.0.1:4317';

describe('shell security rules', () => {
  it('every window is isolated and sandboxed, with Node out of reach', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
  });

  it('only the projector opts out of background throttling', () => {
    expect(secureWebPreferences('p').backgroundThrottling).toBe(true);
    expect(secureWebPreferences('p', { background: false }).backgroundThrottling).toBe(false);
  });

  it.each([
    ['http://127.0.0.1:4317/display#token=x', true],
    ['http://127.0.0.1:4317/control', true],
    ['http://127.0.0.1:4318/control', false],
    ['https://127.0.0.1:4317/control', false],
    ['http://localhost:4317/control', false],
    ['http://127.0.0.1:4317@evil.example/', false],
    ['http://user:pw@127.0.0.1:4317/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://evil.example/', false],
    ['not a url', false],
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url, origin)).toBe(allowed);
  });

  it('answers IPC only from the top frame of the host’s own pages', () => {
    expect(isTrustedSender('http://127.0.0.1:4317/control', true, origin)).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:4317/display', false, origin)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, origin)).toBe(false);
    expect(isTrustedSender(undefined, true, origin)).toBe(false);
  });
});
