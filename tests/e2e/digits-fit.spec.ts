import type { Browser, Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentPhase, speechPhase } from '../../src/core/meeting';
import type { MeetingSetup } from '../../src/core/meeting';
import type { Clock } from '../../src/core/time';
import { mono } from '../../src/core/time';
import { startHost } from '../../src/host/index';
import type { RunningHost } from '../../src/host/index';
import { systemClock } from '../../src/host/clock';
import { expect, SCREENSHOTS, test } from './host.fixture';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

/** One speaker whose first phase is `first`, then a soft comment. */
const meetingWith = (first: MeetingSetup['slots'][0]['phases'][0]): MeetingSetup => ({
  title: 'Fit 适配',
  sittings: [{ id: 'd1', title: 'Afternoon 下午' }],
  slots: [{ id: 'a', sittingId: 'd1', unit: '智能装备产业发展中心', speaker: 'Ann', topic: 'Plans', phases: [first, commentPhase(60_000)] }],
});

/** The digits' text box and the window, in CSS pixels. */
async function digitBox(page: Page) {
  const box = await page.getByTestId('digits').boundingBox();
  if (!box) throw new Error('no digits on the page');
  return { ...box, vw: page.viewportSize()?.width ?? 0, vh: page.viewportSize()?.height ?? 0 };
}

/**
 * At each size, the digits lie wholly inside the window and fill most of its width (a text too
 * long for the height of a 16:9 screen at full width is as tall as the screen allows instead).
 * Returns the width share on each screen, display first.
 */
async function expectFits(pages: { display: Page; stage: Page }, text: RegExp, label: string) {
  const shares: Record<string, number[]> = { display: [], stage: [] };
  for (const size of SIZES) {
    for (const [name, page] of Object.entries(pages)) {
      await page.setViewportSize(size);
      await expect(page.getByTestId('digits')).toHaveText(text);
      // The digits are fitted again in the first frame after the resize (a ResizeObserver).
      await expect.poll(async () => (await digitBox(page)).x + (await digitBox(page)).width).toBeLessThanOrEqual(size.width);
      const b = await digitBox(page);
      const where = `${name} ${size.width}×${size.height} "${await page.getByTestId('digits').textContent()}"`;
      expect(b.x, `${where}: cut on the left`).toBeGreaterThanOrEqual(0);
      expect(b.y, `${where}: cut at the top`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `${where}: cut on the right`).toBeLessThanOrEqual(b.vw);
      expect(b.y + b.height, `${where}: cut at the bottom`).toBeLessThanOrEqual(b.vh);
      expect(b.width / b.vw, `${where}: fills the width`).toBeGreaterThanOrEqual(name === 'stage' ? 0.88 : 0.8);
      shares[name]?.push(b.width / b.vw);
      await page.screenshot({ path: `${SCREENSHOTS}/fit-${label}-${name}-${size.width}x${size.height}.png`, animations: 'disabled' });
    }
  }
  // The speaker's own monitor gives the digits more of its screen than the projector does.
  shares['stage']?.forEach((s, i) => expect(s).toBeGreaterThan(shares['display']?.[i] ?? 1));
}

async function openScreens(browser: Browser, host: RunningHost) {
  const ctx = await browser.newContext({ viewport: SIZES[0] });
  const display = await ctx.newPage();
  const stage = await ctx.newPage();
  await display.goto(host.displayUrl);
  await stage.goto(host.stageUrl);
  return { ctx, display, stage };
}

test.describe('hours', () => {
  test.use({ meeting: meetingWith({ ...speechPhase(90 * 60_000), cutoff: 'hard' }) });

  test('a phase of an hour and a half shows 1:29:59, whole, across the screen', async ({ host, browser }) => {
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    const { ctx, display, stage } = await openScreens(browser, host);
    await expectFits({ display, stage }, /^1:2\d:\d\d$/, 'hours');
    await ctx.close();
  });
});

test('overtime past +59:59 stays whole on projector and stage, then +1:00:00 too', async ({ browser }) => {
  // The host's monotonic clock, moved an hour on after the start: the soft phase has run over by
  // 59:4x when the screens open (they take the host's clock as they connect).
  let shift = 0;
  const clock: Clock = { now: () => mono(systemClock.now() + shift), wall: systemClock.wall };
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  const host = await startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: meetingWith({ ...commentPhase(60_000) }), clock });
  try {
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    shift = 60_000 + 3585_000;
    const { ctx, display, stage } = await openScreens(browser, host);
    await expectFits({ display, stage }, /^\+59:[45]\d$/, 'overtime');
    await expect(display.getByTestId('digits')).toHaveText(/^\+1:00:0\d$/, { timeout: 20_000 });
    await expectFits({ display, stage }, /^\+1:00:\d\d$/, 'overtime-hour');
    await ctx.close();
  } finally {
    await host.close();
  }
});
