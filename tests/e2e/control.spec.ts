import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './host.fixture';
import type { RunningHost } from '../../src/host/index';

const order = (page: Page) => page.locator('[data-slot]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['slot']));
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('reorder by keyboard and by drag, and undo puts it back', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.controlUrl);
  await expect.poll(() => order(page)).toEqual(['a', 'b', 'c']);

  await page.locator('[data-slot="b"]').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => order(page)).toEqual(['b', 'a', 'c']);
  await page.keyboard.press(`${mod}+KeyZ`);
  await expect.poll(() => order(page)).toEqual(['a', 'b', 'c']);

  // Drag C (second sitting) onto A: it moves into the first sitting, ahead of A.
  const handle = page.locator('[data-slot="c"] .drag-handle');
  const target = page.locator('[data-slot="a"]');
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('rows not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + 4 - from.y) * i) / 12);
  await page.mouse.up();
  await expect.poll(() => order(page)).toEqual(['c', 'a', 'b']);
  expect(host.engine.current().slots.find((s) => s.id === 'c')?.sittingId).toBe('d1');
  await expect(page.getByTestId('undo-hint')).toContainText(/reorder|调整顺序/);
  await page.keyboard.press(`${mod}+KeyZ`);
  await expect.poll(() => order(page)).toEqual(['a', 'b', 'c']);
});

/** Opens the control view, starts the first speaker with Space and gives 30 s with ], as a host would. */
async function startAndGiveThirty(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.controlUrl);
  // Keys only act once the view has the host's state; before that Space has nothing to start.
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  await page.keyboard.press('Space');
  // Each key acts on what the host sees on screen, so wait for the screen before the next key.
  await expect(page.locator('[data-action="pause"]')).toBeEnabled();
  await page.keyboard.press('BracketRight');
  await expect.poll(() => host.engine.current().live?.adjustMs).toBe(30_000);
}

test('keyboard shortcuts run the meeting, and undo takes back a mistaken "next speaker"', async ({ host, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await startAndGiveThirty(page, host);
  await page.keyboard.press('Space');
  await expect(page.locator('[data-action="resume"]')).toBeEnabled();
  expect(host.engine.current().live?.mode).toBe('paused');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-action="pause"]')).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOTS}/control-running-1920.png` });

  const beforeMistake = host.engine.current().live;
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-slot="a"] [data-testid="status"]')).toHaveText(/Done|已完成/);
  expect(host.engine.current().live?.slotId).toBe('b');
  await page.keyboard.press(`${mod}+KeyZ`);
  await expect(page.locator('[data-slot="a"] [data-testid="status"]')).toHaveText(/Live|进行中/);
  // Speaker A's clock never stopped: the same anchors, still running.
  expect(host.engine.current().live).toEqual(beforeMistake);
  expect(beforeMistake).toMatchObject({ slotId: 'a', mode: 'running', adjustMs: 30_000 });

  await page.keyboard.press('KeyN');
  await expect.poll(() => host.engine.current().live?.phaseIndex).toBe(1);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${SCREENSHOTS}/control-comments-1280.png` });
});

test('a skipped speaker and an absent one are passed over by "next"', async ({ host, page }) => {
  await page.goto(host.controlUrl);
  await page.locator('[data-slot="b"]').click();
  await page.keyboard.press('KeyS');
  await expect(page.locator('[data-slot="b"] [data-testid="status"]')).toHaveText(/Skipped|已跳过/);
  await page.locator('[data-slot="c"]').click();
  await page.keyboard.press('KeyA');
  await expect(page.locator('[data-slot="c"] [data-testid="status"]')).toHaveText(/Absent|缺席/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Space');
  await expect(page.locator('[data-action="pause"]')).toBeEnabled();
  expect(host.engine.current().live?.slotId).toBe('a');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => host.engine.current().live).toBeNull();
});

test('screens as the hall sees them, at projector and laptop sizes', async ({ host, browser }) => {
  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    await expect(display.getByTestId('idle')).toBeVisible();
    await display.screenshot({ path: `${SCREENSHOTS}/display-idle-${w}.png` });
    const control = await ctx.newPage();
    await control.goto(host.controlUrl);
    await expect(control.locator('[data-slot="a"]')).toBeVisible();
    await control.screenshot({ path: `${SCREENSHOTS}/control-idle-${w}.png` });
    await ctx.close();
  }
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await ctx.newPage();
  // The page is up before the clock starts: a slow page load must not eat the 2 s of "normal".
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('idle')).toBeVisible();
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await expect(display.locator('[data-stage="normal"]')).toBeVisible();
  await display.screenshot({ path: `${SCREENSHOTS}/display-speaking-1920.png` });
  await expect(display.locator('[data-stage="warning"]')).toBeVisible({ timeout: 5000 });
  await display.screenshot({ path: `${SCREENSHOTS}/display-warning-1920.png` });
  await expect(display.locator('[data-stage="danger"]')).toBeVisible({ timeout: 5000 });
  await display.screenshot({ path: `${SCREENSHOTS}/display-danger-1920.png` });
  await ctx.close();
});

test('the audit log lists every action with role, device and millisecond time, and filters', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await startAndGiveThirty(page, host);
  // The audit log is a page of its own (an app window in the desktop app, a tab here).
  const [audit] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: /Audit log|操作记录/ }).click()]);
  await audit.setViewportSize({ width: 1280, height: 720 });
  const rows = audit.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // In words: the event and the role by name, the fields as a list with the speaker's unit, no JSON.
  await expect(rows.nth(1).locator('td').nth(4)).toHaveText('Clock started');
  await expect(rows.nth(1).locator('td').nth(2)).toHaveText('host');
  await expect(rows.nth(1).locator('td').nth(5)).toHaveText('SpeakerUnit APhase1');
  await expect(rows.nth(2).locator('td').nth(5)).toHaveText('Change+0:30');
  await expect(audit.getByTestId('audit-table')).not.toContainText('{');
  await expect(rows.nth(1)).toContainText(/control@127\.0\.0\.1/);
  await expect(rows.nth(1)).toContainText(/\d\d:\d\d:\d\d\.\d{3}/);
  await audit.getByTestId('audit-filter').fill('time changed');
  await expect(rows).toHaveCount(1);
  await audit.screenshot({ path: `${SCREENSHOTS}/control-audit-1280.png` });
  await audit.getByTestId('audit-filter').fill('');
  await audit.evaluate(() => localStorage.setItem('rostrum.lang', 'zh-CN'));
  await audit.reload();
  await expect(rows.nth(1).locator('td').nth(4)).toHaveText('开始计时');
  await expect(rows.nth(1).locator('td').nth(2)).toHaveText('主持人');
  await expect(rows.nth(2).locator('td').nth(5)).toHaveText('调整+0:30');
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await audit.setViewportSize(size);
    await audit.screenshot({ path: `${SCREENSHOTS}/audit-zh-${size.width}x${size.height}.png` });
  }
});
