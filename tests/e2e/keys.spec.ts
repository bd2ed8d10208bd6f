import type { Page } from '@playwright/test';
import { expect, test } from './host.fixture';

const status = (page: Page, slotId: string) => page.locator(`[data-slot="${slotId}"] [data-testid="status"]`);

test('with nothing selected, A marks the on-deck slot absent and L locks the slot still collecting ballots', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.controlUrl);
  await expect(page.locator('[data-action="start"]')).toBeEnabled();

  // A speaks; B is on deck and A on the keyboard marks B absent, not the speaker.
  await page.keyboard.press('Space');
  await expect(status(page, 'b')).toHaveText(/On deck|候场/);
  await page.keyboard.press('KeyA');
  await expect(status(page, 'b')).toHaveText(/Absent|缺席/);
  expect(host.engine.current().live?.mode).toBe('running');

  // A's speech ends (scoring opens for A); C is called and starts while A's ballots still come in.
  await page.keyboard.press('KeyN');
  await expect.poll(() => host.engine.current().windows['a']).toBe('open');
  await page.keyboard.press('ArrowRight');
  await expect(status(page, 'c')).toHaveText(/On deck|候场/);
  await page.keyboard.press('Space');
  await expect(status(page, 'c')).toHaveText(/Live|进行中/);
  await page.keyboard.press('KeyL');
  await expect.poll(() => host.engine.current().windows['a']).toBe('locked');
  expect(host.engine.current().windows['c']).toBeUndefined();
});
