import type { Browser, Page } from '@playwright/test';
import { panelMeeting } from '../fixtures/meetings';
import { chooseClerkPin, expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: panelMeeting() });

/** A phone of its own: a browser context keeps its own storage, so its own device key. */
async function phone(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

async function submit(page: Page, total: string): Promise<void> {
  const card = page.locator('section.ballot-card', { has: page.locator('#slot-a') });
  await card.locator('#score-a-total').fill(total);
  await card.getByRole('button', { name: /Submit|提交|Update|修改/ }).click();
  await expect(card.getByTestId('ballot-status')).toHaveText(/Received|已收到/);
}

test('a card works on the first phone that opens it; another phone waits until the clerk releases it', async ({ host, browser }) => {
  const url = host.reviewerUrl('l1') ?? '';
  const first = await phone(browser, url);
  await expect(first.getByText(/Nothing to score|暂无可评分/)).toBeVisible();

  // The same card on a second phone (or wherever a copy of its key went): refused, with what to do.
  const second = await phone(browser, url);
  await expect(second.getByTestId('card-in-use')).toHaveText(/在另一部手机上使用，请联系计分员|in use on another phone — ask the clerk/);
  await second.screenshot({ path: `${SCREENSHOTS}/review-card-in-use-390.png` });

  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  await submit(first, '90');
  await expect(second.getByTestId('card-in-use')).toBeVisible();

  // The clerk sees which phone holds the card, and releases it.
  const clerkCtx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const clerk = await clerkCtx.newPage();
  await chooseClerkPin(clerk, host.clerkUrl);
  const row = clerk.getByTestId('claim-l1');
  await expect(row).toContainText(/phone [0-9a-f]{8}|手机 [0-9a-f]{8}/);
  await clerk.getByTestId('card-claims').screenshot({ path: `${SCREENSHOTS}/clerk-cards-1280.png` });
  await row.getByRole('button', { name: /Release|解除/ }).click();

  // The first phone lets go; the second, still trying, takes the card and scores.
  await expect(first.getByTestId('card-in-use')).toBeVisible();
  await expect(second.locator('#slot-a')).toBeVisible({ timeout: 15_000 });
  await submit(second, '85');
  await expect(row).toContainText(/phone [0-9a-f]{8}|手机 [0-9a-f]{8}/);

  const ballot = host.engine.current().ballots['a']?.['l1'];
  expect(ballot?.scores).toEqual(['85']);
  const released = host.engine.current().claims['l1'];
  expect(ballot?.device).toBe(released?.device.slice(0, 8));
});
