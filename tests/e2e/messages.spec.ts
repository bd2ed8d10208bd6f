import { shortMeeting } from '../fixtures/meetings';
import { expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: shortMeeting(6000) });

test('a message reaches the speaker beside the clock, the cut-off still covers it, and the projector blacks out for a break', async ({ host, browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const stage = await ctx.newPage();
  const display = await ctx.newPage();
  const control = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })).newPage();
  await stage.goto(host.stageUrl);
  await display.goto(host.displayUrl);
  await control.goto(host.controlUrl);
  await expect(control.getByTestId('message-panel')).toBeVisible();
  await expect(control.locator('[data-action="start"]')).toBeEnabled();

  await control.keyboard.press('Space');
  await expect(stage.locator('[data-stage="normal"]')).toBeVisible();
  // Key 1: the first preset, on both screens, until hidden.
  await control.keyboard.press('Digit1');
  await expect(stage.getByTestId('speaker-message')).toHaveText('请抓紧时间');
  await expect(display.getByTestId('speaker-message')).toHaveText('请抓紧时间');
  await expect(stage.getByTestId('digits')).toBeVisible();
  await expect(control.getByTestId('message-status')).toContainText('请抓紧时间');
  await stage.screenshot({ path: `${SCREENSHOTS}/stage-message-1920.png` });
  await control.screenshot({ path: `${SCREENSHOTS}/control-message-1280.png` });

  // At 0:00 the cut-off screen is drawn above the message.
  await expect(stage.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
  const onTop = await stage.evaluate(() => {
    const cut = document.querySelector('[data-testid="cutoff"]')!.getBoundingClientRect();
    const hit = document.elementFromPoint(cut.left + cut.width / 2, 40);
    return hit?.closest('[data-testid="cutoff"]') !== null;
  });
  expect(onTop, 'the cut-off screen covers the message band').toBe(true);
  await control.keyboard.press('Digit0');
  await expect(stage.getByTestId('speaker-message')).toHaveCount(0);

  // A typed message for the speaker's monitor only, for 2 seconds.
  await control.getByRole('radio', { name: '发言者屏' }).check();
  await control.getByRole('spinbutton').fill('2');
  await control.getByRole('textbox', { name: '自定义提示' }).fill('还有一分钟');
  await control.getByRole('button', { name: '发送' }).click();
  await expect(stage.getByTestId('speaker-message')).toHaveText('还有一分钟');
  await expect(display.getByTestId('speaker-message')).toBeHidden();
  await expect(stage.getByTestId('speaker-message')).toBeHidden({ timeout: 4000 });
  await expect(control.getByTestId('message-status')).toContainText('已到时');

  // The full stop: black projector, the stage keeps its screen; again: back.
  await control.keyboard.press('Period');
  await expect(display.getByTestId('blackout')).toBeVisible();
  await expect(stage.getByTestId('blackout')).toHaveCount(0);
  await expect(control.getByText('投影已黑屏')).toBeVisible();
  await display.screenshot({ path: `${SCREENSHOTS}/display-blackout-1920.png` });
  await control.keyboard.press('Period');
  await expect(display.getByTestId('blackout')).toHaveCount(0);
  await ctx.close();
});

test('the host edits the presets, and key 1 sends the edited one in the screen’s language', async ({ host, browser }) => {
  const display = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const control = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' })).newPage();
  await display.goto(host.displayUrl);
  await control.goto(host.controlUrl);
  await control.getByRole('button', { name: 'Edit presets' }).click();
  await control.getByRole('textbox', { name: 'Edit presets' }).fill('还有一分钟 | One minute left\n请看提词');
  await control.getByRole('button', { name: 'Save presets' }).click();
  await expect(control.getByRole('button', { name: /One minute left/ })).toBeVisible();
  await control.keyboard.press('Digit1');
  await expect(display.getByTestId('speaker-message')).toHaveText('One minute left');
  // Kept as both languages: each screen shows its own.
  expect(host.engine.current().message?.text).toEqual({ zh: '还有一分钟', en: 'One minute left' });
});
