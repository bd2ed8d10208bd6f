import type { Page } from '@playwright/test';
import { speechPhase } from '../../src/core/meeting';
import { expect, test } from './host.fixture';

interface Snap {
  frame: number;
  stage: string | null;
  digits: string | null;
  styles: number;
}

declare global {
  interface Window {
    __snaps: Snap[];
    __frames: number;
  }
}

/**
 * Runs before the page's scripts: counts animation frames, and after every batch of DOM changes
 * (a MutationObserver runs right after the frame callback that made them, before the frame is
 * drawn) records the frame, the stage, the digits and how many style attributes changed. What
 * one record holds is what one frame shows.
 */
async function recordFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__snaps = [];
    window.__frames = 0;
    const count = () => {
      window.__frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    new MutationObserver((records) => {
      window.__snaps.push({
        frame: window.__frames,
        stage: document.querySelector<HTMLElement>('.live')?.dataset['stage'] ?? null,
        digits: document.querySelector('[data-testid="digits"]')?.textContent ?? null,
        styles: records.filter((r) => r.type === 'attributes' && r.attributeName === 'style').length,
      });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

for (const screen of ['display', 'stage'] as const) {
  test(`${screen}: the stage changes in the frame of the digits it belongs to (warning at 0:03, cut-off at 0:00)`, async ({ host, browser }) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await recordFrames(page);
    await page.goto(screen === 'display' ? host.displayUrl : host.stageUrl);
    await expect(page.getByTestId('idle')).toBeVisible();
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    await expect(page.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
    const snaps = (await page.evaluate(() => window.__snaps)).filter((s) => s.digits);

    // The short meeting's speech: 5 s, warning from 3 s left, danger from 1.5 s, hard cut-off.
    // What each shown second allows (danger begins mid-second, at 1.5 s left, so 0:02 allows two).
    const allowed: Record<string, string[]> = { '0:05': ['normal'], '0:04': ['normal'], '0:03': ['warning'], '0:02': ['warning', 'danger'], '0:01': ['danger'], '0:00': ['cutoff'] };
    const wrong = snaps.filter((s) => !allowed[s.digits ?? '']?.includes(s.stage ?? ''));
    expect(wrong, 'a frame whose stage does not match its digits').toEqual([]);
    expect(snaps.find((s) => s.digits === '0:03')?.stage).toBe('warning');
    expect(snaps.find((s) => s.digits === '0:00')?.stage).toBe('cutoff');
    expect(snaps.some((s) => s.stage === 'danger')).toBe(true);
    await page.context().close();
  });
}

test.describe('an eight-minute speech', () => {
  test.use({ meeting: { title: 'Quiet 静', sittings: [{ id: 'd1', title: 'x' }], slots: [{ id: 'a', sittingId: 'd1', unit: 'Unit A', speaker: 'Ann', topic: 'Plans', phases: [speechPhase()] }] } });

  test('no style is written in a frame where nothing moves: the bar only in the frame the digits flip, nothing while paused', async ({ host, browser }) => {
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await recordFrames(page);
    await page.goto(host.displayUrl);
    await expect(page.getByTestId('idle')).toBeVisible();
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    await expect(page.locator('[data-stage="normal"]')).toBeVisible();

    // Running, 120 frames (2 s at 60 a second): the bar (1,766 px for 480 s) moves about 4 px a
    // second, as the digits show it, so it is written in the frame of a flip and in no other: a
    // write between flips repaints the screen at moments that can hold up the next flip.
    const from = await page.evaluate(() => window.__frames);
    await page.waitForFunction((f) => window.__frames >= f + 120, from);
    const snaps = await page.evaluate(() => window.__snaps);
    const running = snaps.filter((s) => s.frame > from && s.frame <= from + 120);
    const styled = running.filter((s) => s.styles > 0);
    expect(styled.length, 'frames with a style write while running').toBeGreaterThan(0);
    const flipped = (s: Snap) => snaps[snaps.indexOf(s) - 1]?.digits !== s.digits;
    expect(styled.filter((s) => !flipped(s)), 'frames with a style write and no flip').toEqual([]);

    // Paused: 60 frames, and not one change of any kind.
    await host.engine.execute({ type: 'timer.pause' }, { role: 'host' });
    await expect(page.locator('[data-stage="paused"]')).toBeVisible();
    const pausedAt = await page.evaluate(() => window.__frames);
    await page.waitForFunction((f) => window.__frames >= f + 62, pausedAt);
    const paused = (await page.evaluate(() => window.__snaps)).filter((s) => s.frame > pausedAt + 1 && s.frame <= pausedAt + 62);
    expect(paused, 'DOM changes in frames while paused').toEqual([]);
    await page.context().close();
  });
});
