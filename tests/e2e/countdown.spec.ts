import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './host.fixture';

declare global {
  interface Window {
    __changes: { wall: number; stage: string | null; digits: string | null }[];
  }
}

/**
 * Records every change of the display's stage and digits with the wall-clock instant it reached
 * the DOM, so the test can compare what the hall saw against the host's deadline.
 */
async function recordDisplay(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__changes = [];
    const snap = () => {
      const root = document.querySelector<HTMLElement>('[data-stage]');
      window.__changes.push({
        wall: performance.timeOrigin + performance.now(),
        stage: root?.dataset['stage'] ?? null,
        digits: document.querySelector('[data-testid="digits"]')?.textContent ?? null,
      });
    };
    new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-stage'] });
  });
}

/** Height of the digits' glyphs as a share of the window's height (measured on the real font). */
const digitShare = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="digits"]');
    const ctx = document.createElement('canvas').getContext('2d');
    if (!el || !ctx) return 0;
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const m = ctx.measureText('0123456789');
    return (m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) / window.innerHeight;
  });

const firstAt = (changes: Window['__changes'], stage: string) => changes.find((c) => c.stage === stage)?.wall;

test('the big screen warns, then cuts the speaker off at 0:00 and not a frame before', async ({ host, browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await ctx.newPage();
  const control = await ctx.newPage();
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('idle')).toBeVisible();
  await control.goto(host.controlUrl);
  await expect(control.getByRole('heading', { name: 'Unit A' }).or(control.getByText('Unit A').first())).toBeVisible();
  await recordDisplay(display);

  await control.keyboard.press('Space');
  await expect(display.locator('[data-stage="normal"]')).toBeVisible();
  expect(await digitShare(display), 'digits readable from the back of the hall').toBeGreaterThanOrEqual(0.4);
  await expect(display.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
  await display.screenshot({ path: `${SCREENSHOTS}/display-cutoff-1920.png` });

  const started = host.engine.current().records['a']?.[0]?.startedWall;
  expect(started).toBeDefined();
  const start = started as number;
  const changes = await display.evaluate(() => window.__changes);
  // The display estimates the host clock over loopback; a few ms covers that estimate and the two
  // processes reading the system clock.
  const tolerance = 5;
  const expectWithin = (at: number | undefined, due: number) => {
    expect(at, `a change due ${due - start} ms after the start`).toBeDefined();
    expect(at as number).toBeGreaterThanOrEqual(due - tolerance);
    expect(at as number).toBeLessThanOrEqual(due + 250);
  };
  expectWithin(firstAt(changes, 'warning'), start + 2000);
  expectWithin(firstAt(changes, 'danger'), start + 3500);
  expectWithin(firstAt(changes, 'cutoff'), start + 5000);
  const early = changes.filter((c) => c.digits === '0:00' && c.wall < start + 5000 - tolerance);
  expect(early, '0:00 shown before the deadline').toEqual([]);

  // The host recorded the cut-off and the control view shows it.
  expect(host.engine.current().records['a']?.[0]).toMatchObject({ cutoff: true, usedMs: 5000 });
  await expect(control.getByTestId('cutoff-recorded')).toBeVisible();
  await expect(display.getByTestId('cutoff')).toContainText('时间到');
  await expect(display.getByTestId('cutoff')).toContainText('Time is up');
  await ctx.close();
});

test('a speaker let to finish counts overtime as +M:SS from the 0:00 instant', async ({ host, browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const display = await ctx.newPage();
  const control = await ctx.newPage();
  await display.goto(host.displayUrl);
  await control.goto(host.controlUrl);
  await expect(control.locator('[data-action="start"]')).toBeEnabled();
  await control.keyboard.press('Space');
  await expect(display.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
  expect(await digitShare(display)).toBeGreaterThanOrEqual(0.4);
  await control.keyboard.press('KeyF');
  await expect(display.getByTestId('digits')).toHaveText(/^\+0:0[1-9]$/, { timeout: 5000 });
  await expect(display.locator('[data-stage="overtime"]')).toBeVisible();
  await control.keyboard.press('KeyN');
  await expect(display.getByTestId('stage-label')).toContainText(/On time|计时中/);
  const rec = host.engine.current().records['a']?.[0];
  expect(rec?.cutoff).toBe(true);
  expect(rec?.overtimeMs).toBeGreaterThan(1000);
  await ctx.close();
});
