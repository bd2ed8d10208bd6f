import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/core/time';
import { formatOvertime, mono, overtimeSeconds } from '../../src/core/time';
import { systemClock } from '../../src/host/clock';
import { startHost } from '../../src/host/index';
import { scoredMeeting } from '../fixtures/meetings';
import { chooseClerkPin, expect, SCREENSHOTS, test } from './host.fixture';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

test('an absent and a skipped unit are marked so in the clerk view and the report, and overtime reads the same whole seconds everywhere', async ({ browser }) => {
  // The host's monotonic clock, moved on by hand: Unit A overruns by 35.6 s without the test waiting for it.
  let shift = 0;
  const clock: Clock = { now: () => mono(systemClock.now() + shift), wall: systemClock.wall };
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  // The short meeting's speech is 5 s, hard: the cut-off comes by itself.
  const host = await startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: scoredMeeting(), clock });
  try {
    const host_ = { role: 'host' } as const;
    await host.engine.execute({ type: 'timer.start' }, host_);
    await expect.poll(() => host.engine.current().live?.mode, { timeout: 10_000 }).toBe('cutoff');
    expect(await host.engine.execute({ type: 'timer.letFinish' }, host_)).toMatchObject({ ok: true });
    shift = 35_600;
    await host.engine.execute({ type: 'phase.next' }, host_);
    await expect.poll(() => host.engine.current().records['a']?.[0]?.overtimeMs ?? 0).toBeGreaterThanOrEqual(35_600);
    // 35.6 s and the moments the test took to see the cut-off: the hall's clock showed whole seconds.
    const over = formatOvertime(overtimeSeconds(host.engine.current().records['a']?.[0]?.overtimeMs ?? 0));
    expect(over).toMatch(/^\+0:3\d$/);
    await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, host_);
    await host.engine.execute({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-a-l1', scores: ['88'], comment: '' }, { role: 'reviewer', reviewerId: 'l1' });
    await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, host_);
    await host.engine.execute({ type: 'slot.mark', slotId: 'b', status: 'absent' }, host_);
    await host.engine.execute({ type: 'slot.mark', slotId: 'c', status: 'skipped' }, host_);

    for (const [locale, lang, absent, skipped] of [
      ['zh-CN', 'zh-CN', '缺席', '已跳过'],
      ['en-US', 'en', 'Absent', 'Skipped'],
    ] as const) {
      const ctx = await browser.newContext({ viewport: SIZES[0], locale });
      await ctx.addInitScript((l) => localStorage.setItem('rostrum.lang', l), lang);
      const clerk = await ctx.newPage();
      if (lang === 'zh-CN') await chooseClerkPin(clerk, host.clerkUrl);
      else {
        await clerk.goto(host.clerkUrl);
        await clerk.getByLabel(/^PIN$|^PIN 码$/).fill('482913');
        await clerk.getByRole('button', { name: /Open|进入/ }).click();
      }
      const list = clerk.getByTestId('slot-list');
      await expect(list.getByRole('listitem').nth(1).getByTestId('unheard')).toHaveText(absent);
      await expect(list.getByRole('listitem').nth(2).getByTestId('unheard')).toHaveText(skipped);
      await list.getByRole('button', { name: /Unit A/ }).click();
      // The clerk's steps count overtime as the hall saw it: +0:35, never "35 秒" beside a +0:34.
      await expect(clerk.getByTestId('steps')).toContainText(over);
      await expect(clerk.getByTestId('steps')).not.toContainText(/秒|\d s\b/);
      for (const size of SIZES) {
        await clerk.setViewportSize(size);
        await clerk.screenshot({ path: `${SCREENSHOTS}/clerk-unheard-${lang}-${size.width}x${size.height}.png`, fullPage: true });
      }

      const report = await ctx.newPage();
      await report.goto(`${host.origin}/report#token=${host.tokens.clerk}`);
      await expect(report.locator('tr[data-status="absent"]')).toContainText(absent);
      await expect(report.locator('tr[data-status="skipped"]')).toContainText(skipped);
      await expect(report.locator('tr', { hasText: 'Unit A' }).last()).toContainText(over);
      for (const size of SIZES) {
        await report.setViewportSize(size);
        await report.screenshot({ path: `${SCREENSHOTS}/report-unheard-${lang}-${size.width}x${size.height}.png`, fullPage: true });
      }
      await ctx.close();
    }

    // The control view's running order says the same overtime.
    const control = await browser.newPage();
    await control.goto(host.controlUrl);
    await expect(control.locator('[data-slot="a"]')).toContainText(over);
    await control.close();
  } finally {
    await host.close();
  }
});
