import { scoredMeeting } from '../fixtures/meetings';
import { expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: scoredMeeting() });

test('the clock always wins: a revealed score leaves the hall’s screens when the next speaker starts, and cannot come back over a clock', async ({ host, browser }) => {
  // A has spoken and been scored; B is called up, not started.
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await host.engine.execute({ type: 'phase.next' }, { role: 'host' });
  const ballot = await host.engine.execute(
    { type: 'ballot.submit', slotId: 'a', submissionId: 'submission-a-l1', scores: ['85.5'], comment: '' },
    { role: 'reviewer', reviewerId: 'l1' },
  );
  expect(ballot.ok).toBe(true);
  await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
  await host.engine.execute({ type: 'slot.next' }, { role: 'host' });

  const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await hall.newPage();
  const stage = await hall.newPage();
  await display.goto(host.displayUrl);
  await stage.goto(host.stageUrl);
  const control = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await control.goto(host.controlUrl);

  // Between speakers the host shows A's score (select A, press V).
  await control.locator('[data-slot="a"]').click();
  await control.keyboard.press('KeyV');
  await expect(display.getByTestId('result-final')).toHaveText('85.50');
  await expect(stage.getByTestId('result-final')).toHaveText('85.50');

  // Space starts B: both screens show B's clock at once, the score is gone.
  await control.keyboard.press('Escape');
  await control.keyboard.press('Space');
  for (const page of [display, stage]) {
    await expect(page.getByTestId('digits')).toBeVisible();
    await expect(page.getByTestId('results')).toHaveCount(0);
    await expect(page.locator('.unit').first()).toHaveText('Unit B');
  }

  // While B's clock runs, V does nothing and the control view says why; the host refuses it too.
  await control.locator('[data-slot="a"]').click();
  await expect(control.locator('[data-action="revealSlot"]')).toBeDisabled();
  await expect(control.getByTestId('reveal-blocked')).toBeVisible();
  await control.keyboard.press('KeyV');
  const refused = await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, { role: 'host' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('between speakers') } });
  await control.screenshot({ path: `${SCREENSHOTS}/control-reveal-blocked-1280.png` });

  // At 0:00 the cut-off covers both screens; no score is anywhere on them.
  await expect(display.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
  await expect(stage.getByTestId('cutoff')).toBeVisible();
  await expect(display.locator('body')).not.toContainText('85.50');
  await display.screenshot({ path: `${SCREENSHOTS}/display-cutoff-after-reveal-1920.png`, animations: 'disabled' });

  // Undo of the start brings back the state before it, the score included.
  await control.keyboard.press('Escape');
  await control.keyboard.press('Control+KeyZ');
  await expect(display.getByTestId('result-final')).toHaveText('85.50');
});
