import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHost } from '../../src/host/index';
import type { RunningHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { SCREENSHOTS } from './host.fixture';

// Playwright's trace recording gives the pages it records a user activation, and with one the
// browser lets sound start: this file is about a page that has had no gesture, so it records none.
test.use({ trace: 'off' });

async function hostWith(): Promise<RunningHost> {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  return startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: scoredMeeting() });
}

/** Reads the page without counting as a user's gesture (Playwright's own evaluate does count). */
async function quietly<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  return result.value as T;
}

test('a projector whose browser keeps sound off says so, large, and the control view says it needs a click', async ({ browser }) => {
  const host = await hostWith();
  // A browser like the hall PC's: Web Audio waits for a gesture on the page.
  const strict = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=document-user-activation-required'],
  });
  try {
    const display = await (await strict.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await display.goto(host.displayUrl);
    const control = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await control.goto(host.controlUrl);
    const projector = control.getByTestId('presence').getByTestId('presence-screen').filter({ hasText: /Projector|投影/ });
    await expect(projector).toContainText(/needs a click for sound|需点击启用声音/);
    await expect.poll(() => quietly<boolean>(display, `document.querySelector('[data-testid="sound-lock"]') !== null`)).toBe(true);
    expect(await quietly<string>(display, `document.querySelector('[data-testid="sound-lock"]').textContent`)).toMatch(/点击启用声音.*Click to enable sound/);
    await display.screenshot({ path: `${SCREENSHOTS}/sound-lock-1280x720.png` });

    // A real click on the screen unlocks it; the control view hears it.
    await display.mouse.click(640, 360);
    await expect(projector).toContainText(/sound ready|声音就绪/);
    await expect.poll(() => quietly<boolean>(display, `document.querySelector('[data-testid="sound-lock"]') !== null`)).toBe(false);
  } finally {
    await strict.close();
    await host.close();
  }
});
