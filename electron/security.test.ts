import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEW_WINDOWS } from '../src/core/shell-api';
import { FakePlatform } from './fake-platform';
import { isAllowedNavigation, isPrintablePage, isTrustedSender, openableView, secureWebPreferences } from './security';
import { Shell } from './shell';

const origin = 'http://127.0.0.1:4317';

describe('shell security rules', () => {
  it('every window the shell really opens is isolated and sandboxed, with Node out of reach and only the preload', async () => {
    const platform = new FakePlatform();
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-security-'));
    const shell = await Shell.start(platform, { preload: '/app/out/preload/preload.cjs', meetingsDir: join(dir, 'm'), uiDir: '/ui', settingsFile: join(dir, 's.json'), lang: 'zh' });
    for (const view of VIEW_WINDOWS) await shell.openView(view);
    expect(platform.windows).toHaveLength(2 + VIEW_WINDOWS.length);
    for (const w of platform.windows)
      expect(w.spec.webPreferences).toMatchObject({
        preload: '/app/out/preload/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: false,
      });
    // Only the timers (the projector and the mini timer) opt out of background throttling.
    expect(platform.windows.map((w) => w.spec.webPreferences.backgroundThrottling)).toEqual([true, false, true, true, true, true, false]);
  });

  it('the preferences keep every protection whatever the caller asks of throttling', () => {
    expect(secureWebPreferences('p', { background: false })).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it.each([
    ['http://127.0.0.1:4317/clerk', 'clerk'],
    ['http://127.0.0.1:4317/cards#token=x', 'cards'],
    ['http://127.0.0.1:4317/report/', 'report'],
    ['http://127.0.0.1:4317/audit#token=x', 'audit'],
    ['http://127.0.0.1:4317/mini#token=x', 'mini'],
    ['http://127.0.0.1:4317/control#token=x', null],
    ['http://127.0.0.1:4317/display', null],
    ['http://127.0.0.1:4317/clerk/extra', null],
    ['http://127.0.0.1:4318/clerk', null],
    ['http://localhost:4317/clerk', null],
    ['https://evil.example/clerk', null],
    ['javascript:window.open("/clerk")', null],
  ])('a page may open %s as a window: %s', (url, view) => {
    expect(openableView(url, origin)).toBe(view);
  });

  it('only the report and the cards may be saved as PDF', () => {
    expect(isPrintablePage('http://127.0.0.1:4317/report', origin)).toBe(true);
    expect(isPrintablePage('http://127.0.0.1:4317/cards#token=x', origin)).toBe(true);
    expect(isPrintablePage('http://127.0.0.1:4317/clerk', origin)).toBe(false);
    expect(isPrintablePage(undefined, origin)).toBe(false);
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
