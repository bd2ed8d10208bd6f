import { expect, SCREENSHOTS, test } from './host.fixture';

/** A local date-time as the datetime-local field takes it, `minutes` from now. */
function localInput(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('the host plans a sitting’s start; the running order shows when each speaker is expected and how late the sitting will end; the idle projector shows who is next and when', async ({ host, browser }) => {
  const control = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })).newPage();
  const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })).newPage();
  await control.goto(host.controlUrl);
  await display.goto(host.displayUrl);

  await control.getByTestId('plan-d1').getByRole('button', { name: '设定开始时间' }).click();
  await control.getByLabel('计划开始时间').fill(localInput(-30));
  await control.getByRole('button', { name: '保存' }).click();
  await expect(control.getByTestId('plan-d1')).toContainText('计划');
  // Half an hour past the planned start and nobody has spoken: the sitting runs about 30 minutes late.
  await expect(control.getByTestId('plan-d1')).toContainText(/比计划晚 3[01] 分钟/);
  expect(host.engine.current().sittings[0]?.start).toBe(localInput(-30));

  // Each waiting row shows its expected start, one after another (1:05 each here).
  const startOf = (id: string) => control.locator(`[data-slot="${id}"] .queue-start`);
  await expect(startOf('a')).toHaveText(/^\d{1,2}:\d{2}$/);
  await expect(startOf('b')).toHaveText(/^\d{1,2}:\d{2}$/);

  await expect(display.getByTestId('idle-next')).toContainText('下一位：Unit A · Ann');
  await expect(display.getByTestId('idle-next')).toContainText('预计');
  await display.screenshot({ path: `${SCREENSHOTS}/display-idle-schedule-1920.png` });
  await control.screenshot({ path: `${SCREENSHOTS}/control-schedule-1280.png` });

  // Clearing the planned start: the sitting just says when it will end.
  await control.getByTestId('plan-d1').getByRole('button', { name: /计划/ }).click();
  await control.getByRole('button', { name: '清除' }).click();
  await expect(control.getByTestId('plan-d1')).toContainText('设定开始时间');
  await expect(control.getByTestId('plan-d1')).not.toContainText('比计划');
  await control.keyboard.press('Control+z');
  await expect(control.getByTestId('plan-d1')).toContainText('比计划晚');
});
