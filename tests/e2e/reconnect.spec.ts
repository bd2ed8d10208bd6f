import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startHost } from '../../src/host/index';
import { panelMeeting } from '../fixtures/meetings';

test('the host restarts mid-speech: projector, control view and a phone come back on their own', async ({ browser }) => {
  const meetingPath = join(await mkdtemp(join(tmpdir(), 'rostrum-e2e-')), 'meeting.rostrum.jsonl');
  const setup = panelMeeting();
  // A long speech, so the restart happens well inside it.
  setup.slots = setup.slots.map((s) => ({ ...s, phases: s.phases.map((p, i) => (i === 0 ? { ...p, durationMs: 120_000, warningMs: 60_000, dangerMs: 30_000 } : p)) }));
  let host = await startHost({ meetingPath, port: 0, newMeeting: setup });
  const port = Number(new URL(host.origin).port);
  try {
    await host.engine.execute({ type: 'scoring.open', slotId: 'b' }, { role: 'host' });
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const display = await ctx.newPage();
    await display.goto(host.displayUrl);
    const control = await ctx.newPage();
    await control.goto(host.controlUrl);
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(host.reviewerUrl('l1') ?? '');
    await expect(display.getByTestId('digits')).toHaveText(/^1:\d\d$/);
    await expect(phone.locator('#slot-b')).toBeVisible();

    await host.close();
    for (const page of [display, control, phone]) await expect(page.getByTestId('offline')).toBeVisible();
    // Offline, the projector keeps counting from its anchors.
    const shown = await display.getByTestId('digits').textContent();
    await expect(display.getByTestId('digits')).not.toHaveText(shown ?? '');

    host = await startHost({ meetingPath, port });
    for (const page of [display, control, phone]) await expect(page.getByTestId('offline')).toBeHidden({ timeout: 15_000 });
    // Back in step with the host: a change made now reaches every screen.
    await host.engine.execute({ type: 'timer.pause' }, { role: 'host' });
    await expect(display.locator('[data-stage="paused"]')).toBeVisible();
    await expect(control.locator('[data-action="resume"]')).toBeEnabled();
    await phone.locator('#score-b-total').fill('81');
    await phone.getByRole('button', { name: /Submit|提交/ }).click();
    await expect(phone.getByTestId('ballot-status')).toHaveText(/Received|已收到/);
    expect(host.engine.current().ballots['b']?.['l1']?.scores).toEqual(['81']);
  } finally {
    await host.close();
  }
});
