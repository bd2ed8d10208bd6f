import { expect, SCREENSHOTS, test } from './host.fixture';

test('the mini timer shows the clock in its stage colour on any small screen, and opens from the control view', async ({ host, browser }) => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 220 }, locale: 'zh-CN' })).newPage();
  const controlCtx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  const control = await controlCtx.newPage();
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

  // From the control view: a picture-in-picture window where the browser has one, else a small window.
  const hasPip = await control.evaluate(() => 'documentPictureInPicture' in window);
  if (hasPip) {
    await control.getByTestId('mini-timer').click();
    await expect(control.getByTestId('mini-timer')).toHaveText('关闭小窗计时');
  } else {
    const [popup] = await Promise.all([controlCtx.waitForEvent('page'), control.getByTestId('mini-timer').click()]);
    await expect(popup.getByTestId('mini-digits')).toHaveText(/\d:\d\d/);
  }
});
