import { demoMeeting } from '../../src/core/demo';
import { expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: demoMeeting(), locale: 'zh-CN' });

test('the built-in demo meeting, in Chinese, on the projector and the laptop', async ({ host, browser }) => {
  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
    const control = await ctx.newPage();
    await control.goto(host.controlUrl);
    await expect(control.getByText('理任务 晒思路 工作目标大比拼').first()).toBeVisible();
    // The sittings head the running order (the time chart names the sitting in progress too).
    await expect(control.locator('.queue').getByText('2月14日下午')).toBeVisible();
    await expect(control.locator('.queue').getByText('2月15日上午')).toBeVisible();
    await expect(control.locator('[data-slot]')).toHaveCount(11);
    await expect(control.locator('[data-action="start"]')).toContainText('开始');
    await control.screenshot({ path: `${SCREENSHOTS}/demo-control-zh-${w}.png` });
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    // Who is next, and the agenda with the first unit in it.
    await expect(display.getByTestId('idle-next')).toContainText('下一位：科技经济运行局');
    await expect(display.getByRole('listitem').filter({ hasText: '科技经济运行局' })).toBeVisible();
    await display.screenshot({ path: `${SCREENSHOTS}/demo-display-idle-zh-${w}.png` });
    await ctx.close();
  }
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const display = await ctx.newPage();
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('digits')).toHaveText(/^[78]:\d\d$/);
  await expect(display.getByTestId('stage-label')).toContainText('计时中');
  await display.screenshot({ path: `${SCREENSHOTS}/demo-display-speaking-zh-1920.png` });
  const stage = await ctx.newPage();
  await stage.goto(host.stageUrl);
  await expect(stage.getByTestId('digits')).toHaveText(/^[78]:\d\d$/);
  await stage.screenshot({ path: `${SCREENSHOTS}/demo-stage-zh-1920.png` });
  await ctx.close();
});
