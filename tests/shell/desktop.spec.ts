import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DisplayLike } from '../../electron/placement';
import { Shell } from '../../electron/shell';
import { demoMeeting } from '../../src/core/demo';
import { startHost } from '../../src/host/index';
import { panelMeeting } from '../fixtures/meetings';
import { PlaywrightPlatform } from './playwright-platform';
import type { PageWindow } from './playwright-platform';

/**
 * The desktop app's whole flow, minus Electron itself: the real shell logic (electron/shell.ts)
 * over a platform whose windows are Chromium pages, whose host process is a forked Node process
 * running electron/host.entry.ts, and whose screens this test plugs and unplugs.
 */
const LAPTOP: DisplayLike = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1280, height: 800 }, workArea: { x: 0, y: 25, width: 1280, height: 775 } };
const PROJECTOR: DisplayLike = { id: 2, label: 'EPSON', bounds: { x: 1280, y: 0, width: 1920, height: 1080 }, workArea: { x: 1280, y: 0, width: 1920, height: 1080 } };
const TITLE = '理任务 晒思路 工作目标大比拼';
const SCREENSHOTS = 'test-results/screenshots';

const windowAt = (platform: PlaywrightPlatform, path: string): PageWindow | undefined => platform.windows.find((w) => new URL(w.url()).pathname === path);
function mustWindow(platform: PlaywrightPlatform, path: string): PageWindow {
  const w = windowAt(platform, path);
  if (!w) throw new Error(`no window at ${path}: ${platform.windows.map((x) => x.url()).join(', ')}`);
  return w;
}

/** A reviewer's phone, in a browser context of its own, on the address the QR card would carry (via loopback only). */
async function phoneOf(browser: Browser, cards: Page, origin: string): Promise<Page> {
  const url = await cards.evaluate(async (o) => {
    const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
    const res = await fetch(`/api/v1/cards?origin=${encodeURIComponent(o)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { cards: { url: string }[] };
    return body.cards[0]?.url ?? '';
  }, origin);
  expect(new URL(url).origin).toBe(origin);
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' })).newPage();
  await phone.goto(url);
  return phone;
}

test('the desktop shell runs a meeting: windows, phones, views, a host that dies, a screen unplugged', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-shell-e2e-'));
  // The demo meeting as a fresh install opens it, with a panel of reviewers already on its roster.
  const seeded = await startHost({
    meetingPath: join(dir, 'meetings', 'demo.rostrum.jsonl'),
    port: 0,
    uiDir: resolve('dist/ui'),
    newMeeting: { ...demoMeeting(), scoring: panelMeeting().scoring },
  });
  await seeded.close();
  const platform = await PlaywrightPlatform.create(browser, resolve('electron/host.entry.ts'), { displays: [LAPTOP, PROJECTOR], primaryId: 1 });
  const shell = await Shell.start(platform, {
    preload: 'the preload is exposed by the platform',
    meetingsDir: join(dir, 'meetings'),
    uiDir: resolve('dist/ui'),
    settingsFile: join(dir, 'shell.json'),
    lang: 'en',
  });
  try {
    // Start: the host in its own process, control and display on the demo meeting, the display fullscreen on the second screen.
    expect(shell.host.runs).toBe('utility');
    expect(platform.hosts).toHaveLength(1);
    expect(platform.awake).toBe(true);
    const origin = shell.address.origin;
    expect(new URL(origin).hostname).toBe('127.0.0.1');
    // The host itself says where it runs: the control view warns from this when the app fell back to in-app.
    expect(await (await fetch(`${origin}/api/v1/health`)).json()).toMatchObject({ runs: 'utility' });
    const control = mustWindow(platform, '/control');
    const display = mustWindow(platform, '/display');
    await expect(control.page.getByText(TITLE).first()).toBeVisible();
    await expect(display.page.getByText(TITLE)).toBeVisible();
    expect(display.bounds).toEqual(PROJECTOR.bounds);
    expect(display.fullscreen).toBe(true);
    expect(display.spec.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, backgroundThrottling: false });
    // The pages see the shell's API, and no Node.
    expect(await control.page.evaluate(() => ({ shell: typeof (window as { rostrumShell?: unknown }).rostrumShell, require: typeof (window as { require?: unknown }).require }))).toEqual({ shell: 'object', require: 'undefined' });
    // The display survives everything below without a reload: this mark would be gone.
    await display.page.evaluate(() => ((window as { mark?: number }).mark = 42));

    // The clerk and the cards open from the control view, as app windows.
    await control.page.getByRole('link', { name: 'QR cards' }).click();
    await expect.poll(() => windowAt(platform, '/cards')).toBeTruthy();
    const cards = mustWindow(platform, '/cards');
    await expect(cards.page.getByTestId('qr-card').first()).toBeVisible();
    await cards.page.screenshot({ path: `${SCREENSHOTS}/shell-cards-1280.png` });
    await control.page.getByRole('link', { name: 'Clerk view' }).click();
    await expect.poll(() => windowAt(platform, '/clerk')).toBeTruthy();
    await expect(mustWindow(platform, '/clerk').page.getByLabel(/^PIN$/)).toBeVisible();
    await control.page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => windowAt(platform, '/audit')).toBeTruthy();
    expect([...shell.views.keys()].sort()).toEqual(['audit', 'cards', 'clerk']);
    // Nothing but the app's windows were left open: the browser's own popups were refused.
    expect(platform.windows).toHaveLength(5);
    await control.page.screenshot({ path: `${SCREENSHOTS}/shell-control-1280.png` });

    // Save as PDF from the cards window: the save dialog's answer, written by the shell.
    platform.savePath = join(dir, 'cards.pdf');
    await expect(cards.page.evaluate(() => (window as unknown as { rostrumShell: { savePdf(): Promise<string | null> } }).rostrumShell.savePdf())).resolves.toBe(platform.savePath);
    expect((await readFile(platform.savePath)).subarray(0, 5).toString()).toBe('%PDF-');
    // The control page may not ask for one.
    await expect(control.page.evaluate(() => (window as unknown as { rostrumShell: { savePdf(): Promise<string | null> } }).rostrumShell.savePdf())).rejects.toThrow(/only the report and the QR cards/);

    // The first speaker starts; a reviewer's phone, in another browser context, scores them.
    await control.page.locator('[data-action="start"]').click();
    await expect(display.page.getByTestId('digits')).toHaveText(/^[78]:\d\d$/);
    const phone = await phoneOf(browser, cards.page, origin);
    await control.page.getByRole('button', { name: 'Open scoring' }).click();
    const ballot = phone.locator('section.ballot-card').first();
    await expect(ballot).toBeVisible();
    for (const input of await ballot.locator('input[id^="score-"]').all()) await input.fill('20');
    await ballot.getByRole('button', { name: 'Submit' }).click();
    await expect(ballot.getByTestId('ballot-status')).toHaveText(/Received/);
    await expect(control.page.getByTestId('submitted-count')).toHaveText(/^1 of/);

    // The host's process killed: it starts again on the same port, and every window reconnects by itself.
    const first = platform.hosts[0];
    first?.kill('SIGKILL');
    await expect.poll(() => platform.hosts.length).toBe(2);
    await expect(control.page.getByTestId('offline')).toBeHidden({ timeout: 20_000 });
    expect(shell.address.origin).toBe(origin);
    // The host's commands reach the new process: a pause shows on the projector.
    await control.page.locator('[data-action="pause"]').click();
    await expect(display.page.getByTestId('stage-label')).toContainText('Paused');
    await expect(phone.getByTestId('offline')).toBeHidden();
    await control.page.locator('[data-action="resume"]').click();
    await expect(mustWindow(platform, '/cards').page.getByTestId('qr-card').first()).toBeVisible();
    expect(platform.logs.join('\n')).toMatch(/stopped \(exit code 137\); starting it again on port/);

    // The projector unplugged mid-speech: the display moves to the laptop, the host is told, the meeting runs on.
    platform.setScreens([LAPTOP], 1);
    expect(display.fullscreen).toBe(false);
    expect(display.bounds.x + display.bounds.width).toBeLessThanOrEqual(LAPTOP.bounds.width);
    await expect(control.page.getByText(/The display’s screen was disconnected/)).toBeVisible();
    await expect(display.page.getByTestId('digits')).toHaveText(/^[78]:\d\d$/);
    expect(await display.page.evaluate(() => (window as { mark?: number }).mark)).toBe(42);
    await control.page.screenshot({ path: `${SCREENSHOTS}/shell-control-unplugged-1280.png` });
  } finally {
    // Quitting settles the meeting: the host process closes it and exits by itself.
    await shell.close();
    await platform.close();
  }
  expect(platform.hosts.at(-1)?.exitCode).toBe(0);
});
