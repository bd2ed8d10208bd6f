import type { Page } from '@playwright/test';
import { commentPhase, speechPhase } from '../../src/core/meeting';
import type { MeetingSetup } from '../../src/core/meeting';
import { defaultScoring } from '../../src/core/scoring.setup';
import { expect, SCREENSHOTS, test } from './host.fixture';

/** Real unit names, long ones, with a 5 s hard speech (warning 4 s left) so every badge appears quickly. */
function hallMeeting(): MeetingSetup {
  const phases = [{ ...speechPhase(5000), warningMs: 4000, dangerMs: 1000 }, commentPhase(60_000)];
  return {
    title: '理任务 晒思路 工作目标大比拼',
    sittings: [{ id: 'd1', title: '2月14日下午' }],
    slots: [
      { id: 'a', sittingId: 'd1', unit: '中心区腾笼换业工作组', speaker: '张伟局长', topic: '', phases },
      { id: 'b', sittingId: 'd1', unit: '高新东区商业中心工作组', speaker: '李明主任', topic: '', phases },
      { id: 'c', sittingId: 'd1', unit: '智能装备产业发展中心', speaker: '王芳', topic: '', phases },
    ],
    scoring: { ...defaultScoring(), reviewers: [{ id: 'l1', name: '评委甲', groupId: 'leaders', unit: '' }, { id: 'l2', name: '评委乙', groupId: 'leaders', unit: '' }] },
  };
}
test.use({ meeting: hallMeeting() });

/** Relative luminance contrast of two CSS colours, as WCAG defines it. */
const contrastOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    let bgEl: Element | null = el;
    let bg = 'rgba(0, 0, 0, 0)';
    while (bgEl && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
      bg = getComputedStyle(bgEl).backgroundColor;
      bgEl = bgEl.parentElement;
    }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(bg))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });

test('the control view holds at 1280×720 with every badge a row can carry, and the live row’s time ticks by itself', async ({ host, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.controlUrl);
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  await host.engine.execute({ type: 'slot.mark', slotId: 'c', status: 'absent' }, { role: 'host' });

  // A runs into the cut-off, is let finish into overtime, then the comment phase opens scoring; one ballot comes in.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('cutoff-recorded')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('[data-action="letFinish"]')).toBeEnabled();
  await page.keyboard.press('KeyF');
  await expect(page.locator('[data-slot="a"] .overtime')).toHaveText(/\+0:0[1-9]/, { timeout: 5000 });
  await page.keyboard.press('KeyN');
  await expect.poll(() => host.engine.current().windows['a']).toBe('open');
  await host.engine.execute({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-a-l1', scores: ['88'], comment: '' }, { role: 'reviewer', reviewerId: 'l1' });
  await page.keyboard.press('ArrowRight');
  // Each key acts on what the view has from the host: wait for B to be called before starting it.
  await expect(page.locator('[data-action="start"]')).toBeEnabled();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-slot="b"] [data-testid="status"]')).toHaveText(/Live|进行中/);

  // Row A carries done, time, overtime, cut-off and ballots; row C absent.
  const rowA = page.locator('[data-slot="a"]');
  await expect(rowA.getByTestId('ballots-in')).toContainText('1/2');
  await expect(rowA.locator('.badge-cutoff')).toBeVisible();
  await expect(page.locator('[data-slot="c"] [data-testid="status"]')).toHaveText(/Absent|缺席/);

  // Every unit name and speaker is shown whole, on one line.
  for (const cls of ['.queue-unit', '.queue-speaker']) {
    const cut = await page.locator(`[data-slot] ${cls}`).evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getClientRects().length !== 1 || el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight || '24') * 1.5).map((el) => el.textContent),
    );
    expect(cut, `${cls} cut or wrapped`).toEqual([]);
  }

  // B's actual time ticks every second with no event from the host.
  const seq = host.engine.current().seq;
  const actual = page.locator('[data-slot="b"] [data-testid="actual"]');
  const first = await actual.textContent();
  await expect(actual).not.toHaveText(first ?? '', { timeout: 3000 });
  // B reaches its warning: the phase label stays readable on the control panel (no projector colours here).
  await expect(page.getByTestId('live-panel').locator('.live-stage')).toHaveText(/wrap up|请准备结束/, { timeout: 5000 });
  expect(await contrastOf(page, '.live-phase-name')).toBeGreaterThanOrEqual(4.5);
  expect(await page.getByTestId('live-panel').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(21, 29, 51)');
  await page.screenshot({ path: `${SCREENSHOTS}/control-badges-1280.png` });
  expect(host.engine.current().seq - seq, 'only boundary events from the host meanwhile').toBeLessThanOrEqual(3);
});
