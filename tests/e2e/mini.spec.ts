import type { Browser, BrowserContext, Page } from '@playwright/test';
import { shortMeeting } from '../fixtures/meetings';
import { expect, SCREENSHOTS, test } from './host.fixture';

test('the mini timer shows the clock in its stage colour on any small screen', async ({ host, browser }) => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 220 }, locale: 'zh-CN' })).newPage();
  const control = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })).newPage();
  await phone.goto(host.displayUrl.replace('/display', '/mini'));
  await control.goto(host.controlUrl);
  await expect(phone.getByTestId('mini')).toHaveAttribute('data-stage', 'idle');
  // A key acts on what the control view has from the host: wait until it can start.
  await expect(control.locator('[data-action="start"]')).toBeEnabled();

  await control.keyboard.press('Space');
  await expect(phone.getByTestId('mini')).toHaveAttribute('data-stage', 'normal');
  await expect(phone.getByTestId('mini-digits')).toHaveText(/^0:0[0-5]$/);
  await expect(phone.getByTestId('mini')).toHaveAttribute('data-stage', 'warning', { timeout: 5000 });
  await phone.screenshot({ path: `${SCREENSHOTS}/mini-warning-390.png` });
  // The digits fill the window's width without spilling over it.
  const box = await phone.getByTestId('mini-digits').evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return r.getBoundingClientRect().width / window.innerWidth;
  });
  expect(box).toBeGreaterThan(0.5);
  expect(box).toBeLessThanOrEqual(1);
});

test.describe('from the control view', () => {
  // A minute to speak: long enough to watch the digits tick in the normal stage.
  test.use({ meeting: shortMeeting(60_000) });

  /** A control view, ready for keys: `ready` is the action it can take once it has the meeting. */
  async function controlView(browser: Browser, url: string, setup?: (ctx: BrowserContext) => Promise<unknown>, ready = 'start'): Promise<{ ctx: BrowserContext; control: Page }> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    await setup?.(ctx);
    const control = await ctx.newPage();
    await control.goto(url);
    await expect(control.locator(`[data-action="${ready}"]`)).toBeEnabled();
    return { ctx, control };
  }

  test('a picture-in-picture window shows the digits ticking in the page’s own styles; closing it brings the button back', async ({ host, browser }) => {
    const { ctx, control } = await controlView(browser, host.controlUrl);
    // Chromium (≥ 116, headless too) has Document Picture-in-Picture: the real one is used here.
    expect(await control.evaluate(() => 'documentPictureInPicture' in window)).toBe(true);
    const button = control.getByTestId('mini-timer');
    await expect(button).toHaveText('Mini timer');
    await expect(button).toHaveAttribute('title', 'Ctrl+Shift+M');

    const [pip] = await Promise.all([ctx.waitForEvent('page'), button.click()]);
    await pip.setViewportSize({ width: 360, height: 200 });
    await expect(button).toHaveText('Close the mini timer');
    expect(await control.evaluate(() => (window as { documentPictureInPicture?: { window: Window | null } }).documentPictureInPicture?.window?.document.title)).toBe('Rostrum · mini timer');
    const digits = pip.getByTestId('mini-digits');
    await expect(pip.getByTestId('mini')).toHaveAttribute('data-stage', 'idle');
    await expect(digits).toHaveText('–:––');
    // The page's stylesheets were copied: the digits are the big bold grid of display.css, not a plain line.
    expect(await digits.evaluate((el) => ({ display: getComputedStyle(el).display, weight: getComputedStyle(el).fontWeight }))).toEqual({ display: 'grid', weight: '800' });

    // The speaker starts: the digits in the picture-in-picture window run with the clock.
    await control.keyboard.press('Space');
    await expect(pip.getByTestId('mini')).toHaveAttribute('data-stage', 'normal');
    await expect(digits).toHaveText(/^(1:00|0:5\d)$/);
    const first = await digits.textContent();
    await expect(digits).not.toHaveText(first ?? '', { timeout: 3000 });
    await expect(pip.locator('.mini-unit')).toHaveText('Unit A');
    await pip.screenshot({ path: `${SCREENSHOTS}/mini-pip-360.png` });
    await control.screenshot({ path: `${SCREENSHOTS}/mini-pip-control-1280.png` });

    // Closed from the button: the window goes, the button says so.
    await Promise.all([pip.waitForEvent('close'), button.click()]);
    await expect(button).toHaveText('Mini timer');
    // Closed by the person from the window itself: the button comes back too.
    const [again] = await Promise.all([ctx.waitForEvent('page'), button.click()]);
    await expect(again.getByTestId('mini-digits')).toHaveText(/^0:5\d$/);
    await Promise.all([again.waitForEvent('close'), again.evaluate(() => window.close())]);
    await expect(button).toHaveText('Mini timer');
  });

  test('Ctrl+Shift+M opens and closes it, as in the desktop app’s Window menu, but not while typing in a field', async ({ host, browser }) => {
    const { ctx, control } = await controlView(browser, host.controlUrl);
    const [pip] = await Promise.all([ctx.waitForEvent('page'), control.keyboard.press('Control+Shift+M')]);
    await expect(pip.getByTestId('mini')).toBeVisible();
    await expect(control.getByTestId('mini-timer')).toHaveText('Close the mini timer');
    await Promise.all([pip.waitForEvent('close'), control.keyboard.press('Control+Shift+M')]);
    await expect(control.getByTestId('mini-timer')).toHaveText('Mini timer');
    // Pressed in the picture-in-picture window itself (it has the focus once clicked): closed too.
    const [focused] = await Promise.all([ctx.waitForEvent('page'), control.keyboard.press('Control+Shift+M')]);
    await expect(focused.getByTestId('mini')).toBeVisible();
    // (Held down, not pressed: the window is gone before the keys would come up. Even the key
    // down may not hear back from a window its own handler closed: only that is let pass.)
    await focused.keyboard.down('Control');
    await focused.keyboard.down('Shift');
    const closedByIt = (err: Error) => {
      if (!/closed/.test(err.message)) throw err;
    };
    await Promise.all([focused.waitForEvent('close'), focused.keyboard.down('KeyM').catch(closedByIt)]);
    await expect(control.getByTestId('mini-timer')).toHaveText('Mini timer');
    // Typed into a field, the key belongs to the field.
    await control.getByTestId('open-network').click();
    await control.getByTestId('port').focus();
    const pages = ctx.pages().length;
    await control.keyboard.press('Control+Shift+M');
    await expect(control.getByTestId('mini-timer')).toHaveText('Mini timer');
    expect(ctx.pages()).toHaveLength(pages);
  });

  test('where the browser has no picture-in-picture, the button and the key open the /mini page in a small window', async ({ host, browser }) => {
    const withoutPip = (c: BrowserContext) =>
      c.addInitScript(() => {
        delete (window as { documentPictureInPicture?: unknown }).documentPictureInPicture;
        delete (Window.prototype as { documentPictureInPicture?: unknown }).documentPictureInPicture;
      });
    const { ctx, control } = await controlView(browser, host.controlUrl, withoutPip);
    expect(await control.evaluate(() => 'documentPictureInPicture' in window)).toBe(false);
    const [popup] = await Promise.all([ctx.waitForEvent('page'), control.getByTestId('mini-timer').click()]);
    await expect(popup).toHaveURL(new RegExp(`^${host.origin}/mini#token=`));
    await expect(popup.getByTestId('mini-digits')).toHaveText('–:––');
    await control.keyboard.press('Space');
    await expect(popup.getByTestId('mini-digits')).toHaveText(/^(1:00|0:5\d)$/);
    // The button stays a way to open it (a second press brings the same window forward).
    await expect(control.getByTestId('mini-timer')).toHaveText('Mini timer');

    // The key does the same (in a control view of its own: a window just closed may keep its name a moment).
    const other = await controlView(browser, host.controlUrl, withoutPip, 'pause');
    const [byKey] = await Promise.all([other.ctx.waitForEvent('page'), other.control.keyboard.press('Control+Shift+M')]);
    await expect(byKey).toHaveURL(new RegExp(`^${host.origin}/mini#token=`));
    await expect(byKey.getByTestId('mini-digits')).toHaveText(/^(1:00|0:5\d)$/);
  });
});
