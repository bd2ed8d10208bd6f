import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DisplayLike } from '../../electron/placement';
import { Shell } from '../../electron/shell';
import { lanInterfaces } from '../../src/host/interfaces';
import { expectListening, firstCardOnLoopback, prepareProfile, turnLanOn } from './desktop-steps';
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

const windowAt = (platform: PlaywrightPlatform, path: string): PageWindow | undefined => platform.windows.find((w) => !w.page.isClosed() && new URL(w.url()).pathname === path);
function mustWindow(platform: PlaywrightPlatform, path: string): PageWindow {
  const w = windowAt(platform, path);
  if (!w) throw new Error(`no window at ${path}: ${platform.windows.map((x) => x.url()).join(', ')}`);
  return w;
}

/**
 * A reviewer's phone, in a browser context of its own, as a reviewer uses the card: the address
 * printed on it (the LAN's; moved to 127.0.0.1, the same port, since tests reach the host through
 * loopback only), then the code typed into the page.
 */
async function phoneFromCard(browser: Browser, cards: Page, port: number): Promise<Page> {
  const card = await firstCardOnLoopback(cards);
  const printed = new URL(card.printed);
  expect(Number(printed.port)).toBe(port);
  // Where this machine has a network, the card carries its address, not this machine's loopback.
  const lan = lanInterfaces(networkInterfaces(), process.platform);
  expect(printed.hostname).toBe(lan[0]?.address ?? '127.0.0.1');
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' })).newPage();
  await phone.goto(card.url);
  await phone.getByLabel(/Type the code printed on your card/).fill(card.code);
  await phone.getByRole('button', { name: 'Start scoring' }).click();
  return phone;
}

/** The shell as the app starts it, on this test's folder: its meetings, its settings file. */
const startShell = (platform: PlaywrightPlatform, dir: string) =>
  Shell.start(platform, {
    preload: 'the preload is exposed by the platform',
    meetingsDir: join(dir, 'meetings'),
    uiDir: resolve('dist/ui'),
    settingsFile: join(dir, 'shell.json'),
    lang: 'en',
  });

const screensOf = () => ({ displays: [LAPTOP, PROJECTOR], primaryId: 1 });

test('the desktop shell runs a meeting: windows, the LAN on and a phone scoring, views, a host that dies, a screen unplugged, the setting kept', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-shell-e2e-'));
  // The demo meeting with a panel of reviewers, and a fixed port chosen (a free one).
  const port = await prepareProfile(dir);
  const platform = await PlaywrightPlatform.create(browser, resolve('electron/host.entry.ts'), screensOf());
  const shell = await startShell(platform, dir);
  try {
    // Start: the host in its own process, control and display on the demo meeting, the display fullscreen on the second screen.
    expect(shell.host.runs).toBe('utility');
    expect(platform.hosts).toHaveLength(1);
    expect(platform.awake).toBe(true);
    const origin = shell.address.origin;
    expect(origin).toBe(`http://127.0.0.1:${port}`);
    // This machine only: nothing listens beyond 127.0.0.1.
    await expectListening(port, 'loopback only');
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

    // The LAN on, from the control view's Network panel: the host listens on every address, on
    // the same port (the windows stay where they are), and the setting is remembered.
    await turnLanOn(control.page);
    await expectListening(port, 'every address');
    expect(shell.address.origin).toBe(origin);
    await expect.poll(async () => JSON.parse(await readFile(join(dir, 'shell.json'), 'utf8')) as unknown).toMatchObject({ network: { lan: true, interface: 'all', port } });
    // The cards, printed again, carry the LAN's address.
    await cards.page.reload();
    await expect(cards.page.getByTestId('qr-card').first()).toBeVisible();
    await cards.page.screenshot({ path: `${SCREENSHOTS}/shell-cards-lan-1280.png` });

    // The first speaker starts; a reviewer's phone, in another browser context, scores them.
    await control.page.locator('[data-action="start"]').click();
    await expect(display.page.getByTestId('digits')).toHaveText(/^[78]:\d\d$/);
    const phone = await phoneFromCard(browser, cards.page, port);
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
    // The new process keeps the LAN on.
    await expectListening(port, 'every address');
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

  // The app started again: the LAN is still on, on the same port, so the printed cards still work.
  const again = await PlaywrightPlatform.create(browser, resolve('electron/host.entry.ts'), screensOf());
  const restarted = await startShell(again, dir);
  try {
    expect(restarted.address.origin).toBe(`http://127.0.0.1:${port}`);
    await expectListening(port, 'every address');
    const control = mustWindow(again, '/control');
    await control.page.getByTestId('open-network').click();
    await expect(control.page.getByTestId('lan')).toBeChecked();
    await expect(control.page.getByTestId('port')).toHaveValue(String(port));
    await expect(control.page.getByTestId('lan-address')).toHaveCount(lanInterfaces(networkInterfaces(), process.platform).length);
    await control.page.screenshot({ path: `${SCREENSHOTS}/shell-network-lan-1280.png` });
  } finally {
    await restarted.close();
    await again.close();
  }
});

const savedMini = async (dir: string) => (JSON.parse(await readFile(join(dir, 'shell.json'), 'utf8')) as { mini?: unknown }).mini;

test('the mini timer window: opened from the control view, above the slides, moved and resized, found where it was left after closing and after a restart', async ({ browser }) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-shell-mini-'));
  await prepareProfile(dir);
  const left = { x: 40, y: 60, width: 420, height: 240 };
  const platform = await PlaywrightPlatform.create(browser, resolve('electron/host.entry.ts'), screensOf());
  const shell = await startShell(platform, dir);
  try {
    const control = mustWindow(platform, '/control');
    await expect(control.page.locator('[data-action="start"]')).toBeEnabled();
    expect(platform.item('Mini timer')).toMatchObject({ kind: 'checkbox', checked: false, accelerator: 'CmdOrCtrl+Shift+M' });
    // Its key is the Window menu's: the control page leaves it to the menu (Electron runs a menu
    // accelerator only for a key the page did not take) and opens nothing of its own.
    await control.page.evaluate(() => window.addEventListener('keydown', (e) => e.code === 'KeyM' && ((window as { miniKeyTaken?: boolean }).miniKeyTaken = e.defaultPrevented)));
    await control.page.keyboard.press('Control+Shift+M');
    expect(await control.page.evaluate(() => (window as { miniKeyTaken?: boolean }).miniKeyTaken)).toBe(false);
    await expect(control.page.getByTestId('mini-timer')).toHaveText('Mini timer');
    // The control view's button opens the app's own window, not the browser's picture-in-picture
    // (which this Chromium has, and Electron exposes without ever opening a window).
    await control.page.getByTestId('mini-timer').click();
    await expect.poll(() => windowAt(platform, '/mini')).toBeTruthy();
    const mini = mustWindow(platform, '/mini');
    expect(shell.views.get('mini')).toBeTruthy();
    expect(platform.item('Mini timer')).toMatchObject({ checked: true });
    expect(mini.spec.alwaysOnTop).toEqual({ level: 'screen-saver', visibleOnAllWorkspaces: true, visibleOnFullScreen: true });
    // The first time: the bottom-right corner of the laptop's work area, where the control window is.
    expect(mini.bounds).toEqual({ x: 1280 - 24 - 360, y: 25 + 775 - 24 - 200, width: 360, height: 200 });
    expect(mini.page.viewportSize()).toEqual({ width: 360, height: 200 });
    await control.page.locator('[data-action="start"]').click();
    await expect(mini.page.getByTestId('mini-digits')).toHaveText(/^[78]:\d\d$/);

    // Dragged and resized: remembered once it rests.
    mini.drag({ x: 700, y: 400, width: 360, height: 200 }, { x: 300, y: 200, width: 380, height: 220 }, left);
    await expect.poll(() => savedMini(dir)).toEqual(left);
    await expect(mini.page.getByTestId('mini-digits')).toHaveText(/^[78]:\d\d$/);
    await mini.page.screenshot({ path: `${SCREENSHOTS}/shell-mini-420.png` });

    // The Window menu's item (and its shortcut) closes it, and opens it again where it was left.
    platform.click('Mini timer');
    await expect.poll(() => windowAt(platform, '/mini')).toBeUndefined();
    await expect.poll(() => platform.item('Mini timer')).toMatchObject({ checked: false });
    platform.click('Mini timer');
    await expect.poll(() => windowAt(platform, '/mini')).toBeTruthy();
    const reopened = mustWindow(platform, '/mini');
    expect(reopened.bounds).toEqual(left);
    expect(reopened.page.viewportSize()).toEqual({ width: 420, height: 240 });
    await expect(reopened.page.getByTestId('mini-digits')).toHaveText(/^[78]:\d\d$/);
  } finally {
    await shell.close();
    await platform.close();
  }

  // The app started again: the mini timer opens where it was left.
  const again = await PlaywrightPlatform.create(browser, resolve('electron/host.entry.ts'), screensOf());
  const restarted = await startShell(again, dir);
  try {
    again.click('Mini timer');
    await expect.poll(() => windowAt(again, '/mini')).toBeTruthy();
    const mini = mustWindow(again, '/mini');
    expect(mini.bounds).toEqual(left);
    await expect(mini.page.getByTestId('mini-digits')).toHaveText(/^\d+:\d\d$/);
  } finally {
    await restarted.close();
    await again.close();
  }
});
