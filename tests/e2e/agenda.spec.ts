import { expect, SCREENSHOTS, test } from './host.fixture';

test('the host adds, edits and removes a speaker, with the phase rules', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.controlUrl);
  await page.getByRole('button', { name: /Add speaker/ }).last().click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="unit"]').fill('Unit D');
  await dialog.locator('input[name="speaker"]').fill('Di');
  await dialog.locator('input[name="duration-0"]').fill('6:30');
  await page.screenshot({ path: `${SCREENSHOTS}/control-editor-1280.png` });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const added = host.engine.current().slots.find((s) => s.unit === 'Unit D');
  expect(added).toMatchObject({ sittingId: 'd2', speaker: 'Di' });
  expect(added?.phases[0]).toMatchObject({ durationMs: 390_000, cutoff: 'hard' });
  // Planned time is both phases: 6:30 + the 3:00 comments.
  await expect(page.locator(`[data-slot="${added?.id}"]`)).toContainText('9:30');

  // A duration the form cannot read is refused on the spot, and nothing is sent.
  await page.locator(`[data-slot="${added?.id}"]`).getByRole('button', { name: 'Edit' }).click();
  await dialog.locator('input[name="duration-0"]').fill('8 minutes');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('m:ss');
  await dialog.locator('input[name="duration-0"]').fill('8:00');
  await dialog.locator('input[name="unit"]').fill('Unit Delta');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(`[data-slot="${added?.id}"]`)).toContainText('Unit Delta');

  await page.locator(`[data-slot="${added?.id}"]`).getByRole('button', { name: 'Edit' }).click();
  page.once('dialog', (confirm) => void confirm.accept());
  await dialog.getByRole('button', { name: 'Remove speaker' }).click();
  await expect(page.locator(`[data-slot="${added?.id}"]`)).toHaveCount(0);
  expect(host.engine.current().slots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
});

test('the test chime rings on the projector and not on the control view', async ({ host, browser }) => {
  const ctx = await browser.newContext();
  const display = await ctx.newPage();
  const control = await ctx.newPage();
  await display.goto(host.displayUrl);
  await control.goto(host.controlUrl);
  await expect(display.getByTestId('idle')).toBeVisible();
  const playing = (page: typeof display) =>
    page.evaluate(() => {
      const h = (window as unknown as { Howler?: { _howls: { playing(): boolean }[] } }).Howler;
      return h ? h._howls.filter((x) => x.playing()).length : 0;
    });
  await control.getByRole('button', { name: 'Test sound' }).click();
  await expect.poll(() => playing(display)).toBeGreaterThan(0);
  expect(await playing(control)).toBe(0);
  await ctx.close();
});

test('a screen whose clock is minutes wrong still cuts off at the host’s 0:00', async ({ host, browser }) => {
  const ctx = await browser.newContext();
  const display = await ctx.newPage();
  // This screen's clocks run 3 minutes 7 seconds ahead; the real time is kept aside for the test.
  await display.addInitScript(() => {
    const realNow = performance.now.bind(performance);
    const realDate = Date.now;
    (window as unknown as { __realWall: () => number }).__realWall = () => performance.timeOrigin + realNow();
    performance.now = () => realNow() + 187_000;
    Date.now = () => realDate() + 187_000;
  });
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('idle')).toBeVisible();
  await display.evaluate(() => {
    const w = window as unknown as { __cutoffAt: number | null; __realWall: () => number };
    w.__cutoffAt = null;
    new MutationObserver(() => {
      if (w.__cutoffAt === null && document.querySelector('[data-stage="cutoff"]')) w.__cutoffAt = w.__realWall();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
  });
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await expect(display.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
  const deadline = (host.engine.current().records['a']?.[0]?.startedWall ?? 0) + 5000;
  const seen = await display.evaluate(() => (window as unknown as { __cutoffAt: number }).__cutoffAt);
  expect(seen).toBeGreaterThanOrEqual(deadline - 5);
  expect(seen).toBeLessThanOrEqual(deadline + 250);
  await ctx.close();
});

test('the host imports an agenda from a CSV: bad rows are shown first, the good file replaces the agenda, undo brings it back', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.controlUrl);
  await page.getByRole('button', { name: /Import agenda|导入议程/ }).click();
  const upload = (text: string) => page.getByTestId('agenda-file').setInputFiles({ name: 'agenda.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await upload('场次,序号,单位,发言人,发言时长\n下午,1,科技局,张三,8分钟\n下午,1,财政局,李四,eight\n');
  await expect(page.getByRole('alert')).toContainText('Row 3, speech: "eight" is not a duration');
  await expect(page.getByRole('button', { name: /Replace the agenda|替换议程/ })).toBeDisabled();
  await upload('场次,序号,单位,发言人,发言时长\n下午,2,财政局,李四,7:00\n下午,1,科技局,张三,8分钟\n上午,1,园区,王五,480\n');
  await expect(page.getByTestId('agenda-preview').locator('tr')).toHaveCount(3);
  await page.screenshot({ path: `${SCREENSHOTS}/control-agenda-import-1280.png` });
  await page.getByRole('button', { name: /Replace the agenda|替换议程/ }).click();
  await expect(page.locator('.queue-unit')).toHaveText(['科技局', '财政局', '园区']);
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+KeyZ' : 'Control+KeyZ');
  await expect(page.locator('.queue-unit')).toHaveText(['Unit A', 'Unit B', 'Unit C']);
});
