import type { Browser, Locator, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { commentPhase, speechPhase } from '../../src/core/meeting';
import type { MeetingSetup } from '../../src/core/meeting';
import { defaultScoring } from '../../src/core/scoring.setup';
import type { RunningHost } from '../../src/host/index';
import { chooseClerkPin, expect, SCREENSHOTS, test } from './host.fixture';

/** Four units of one afternoon, a 5 s hard speech each; five leaders (enough to drop the highest and lowest), two peers, one service user. */
function chartMeeting(): MeetingSetup {
  const phases = [{ ...speechPhase(5000), warningMs: 3000, dangerMs: 1500 }, commentPhase(60_000)];
  const reviewer = (id: string, name: string, groupId: string) => ({ id, name, groupId, unit: '' });
  return {
    title: '理任务 晒思路 工作目标大比拼',
    sittings: [{ id: 'd1', title: '2月14日下午' }],
    slots: [
      { id: 'a', sittingId: 'd1', unit: '科技经济运行局', speaker: '张伟', topic: '', phases },
      { id: 'b', sittingId: 'd1', unit: '高新东区商业中心工作组', speaker: '李明', topic: '', phases },
      { id: 'c', sittingId: 'd1', unit: '综保区管理局', speaker: '王芳', topic: '', phases },
      { id: 'd', sittingId: 'd1', unit: '智能装备产业发展中心', speaker: '刘洋', topic: '', phases },
    ],
    scoring: {
      ...defaultScoring(),
      reviewers: [
        ...['一', '二', '三', '四', '五'].map((n, i) => reviewer(`l${i + 1}`, `领导${n}`, 'leaders')),
        reviewer('p1', '代表甲', 'peers'),
        reviewer('p2', '代表乙', 'peers'),
        reviewer('u1', '对象甲', 'users'),
      ],
    },
  };
}
test.use({ meeting: chartMeeting() });

/** Ballot totals: slot a's leaders give 95 and 70 at the ends, which the rules drop (five ballots). */
const BALLOTS = {
  a: { l1: '95', l2: '88', l3: '86.5', l4: '88', l5: '70', p1: '84', p2: '80', u1: '90' },
  b: { l1: '82', l2: '80', l3: '84', p1: '78.5', u1: '85' },
} as const;

async function scoreAndLock(host: RunningHost, slotId: 'a' | 'b'): Promise<void> {
  for (const [reviewerId, total] of Object.entries(BALLOTS[slotId])) {
    const done = await host.engine.execute({ type: 'ballot.submit', slotId, submissionId: `charts-${slotId}-${reviewerId}`, scores: [total], comment: '' }, { role: 'reviewer', reviewerId });
    expect(done.ok, `${reviewerId} on ${slotId}`).toBe(true);
  }
  await host.engine.execute({ type: 'scoring.lock', slotId }, { role: 'host' });
}

/**
 * A runs into the cut-off, is let finish and stops about 2 s over; B stops well within time; C is
 * absent; D has not spoken. Both heard slots are scored and locked, and D is called up (no clock runs).
 */
async function runTheAfternoon(host: RunningHost): Promise<void> {
  const run = (type: 'timer.start' | 'timer.letFinish' | 'phase.next' | 'slot.next') => host.engine.execute({ type }, { role: 'host' });
  await run('timer.start');
  await expect.poll(() => host.engine.current().live?.mode, { timeout: 10_000 }).toBe('cutoff');
  await run('timer.letFinish');
  await expect.poll(() => host.engine.current().records['a']?.[0]?.usedMs ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
  await new Promise<void>((resolve) => setTimeout(resolve, 2200));
  await run('phase.next');
  await run('slot.next');
  await run('timer.start');
  await new Promise<void>((resolve) => setTimeout(resolve, 1200));
  await run('phase.next');
  await host.engine.execute({ type: 'slot.mark', slotId: 'c', status: 'absent' }, { role: 'host' });
  await run('slot.next');
  await scoreAndLock(host, 'a');
  await scoreAndLock(host, 'b');
}

/** The chart labels that stick out of their panel sideways (cut off, or drawn over the next column). */
const labelsOutside = (panel: Locator): Promise<string[]> =>
  panel.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('.chart text, .chart li')]
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1;
      })
      .map((t) => t.textContent ?? '');
  });

const page = async (browser: Browser, width: number, height: number, locale: string): Promise<Page> =>
  (await browser.newContext({ viewport: { width, height }, locale })).newPage();

test('the control view charts each speaker’s time against plan, the overrun hatched and the cut-off marked, at 1920×1080 and 1280×720', async ({ host, browser }) => {
  await runTheAfternoon(host);
  for (const [w, h, locale] of [
    [1920, 1080, 'zh-CN'],
    [1280, 720, 'en'],
  ] as const) {
    const control = await page(browser, w, h, locale);
    await control.goto(host.controlUrl);
    const chart = control.getByTestId('time-chart');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.getByTestId('time-row')).toHaveCount(4);
    const row = (slotId: string) => chart.locator(`[data-testid="time-row"][data-chart-slot="${slotId}"]`);
    // A: past plan, hatched, with the overtime the hall saw and the cut-off said in words beside its square.
    await expect(row('a').getByTestId('over-plan')).toHaveCount(1);
    await expect(row('a').locator('.chart-cutoff')).toHaveCount(1);
    await expect(row('a').getByTestId('time-value')).toHaveText(locale === 'en' ? /^0:0[78] \+0:0[23] Cut off$/ : /^0:0[78] \+0:0[23] 超时终止$/);
    // B: within plan, nothing marked. C absent, D not yet heard: words, no bar.
    await expect(row('b').getByTestId('over-plan')).toHaveCount(0);
    await expect(row('b').locator('.chart-cutoff')).toHaveCount(0);
    await expect(row('c').getByTestId('time-value')).toHaveText(locale === 'en' ? 'Absent' : '缺席');
    await expect(row('d').getByTestId('time-value')).toHaveText(locale === 'en' ? 'not yet' : '未发言');
    await expect(chart.locator('.chart-legend')).toContainText(locale === 'en' ? 'Over plan' : '超出计划');
    await expect(chart).toContainText(locale === 'en' ? '2 heard · 1 over plan · 1 cut off' : '已发言 2 位 · 超出计划 1 位 · 超时终止 1 位');

    // The panel holds in the side column: nothing sticks out sideways, every label inside the panel.
    const panel = control.locator('.time-chart-panel');
    expect(await labelsOutside(panel), 'labels outside the panel').toEqual([]);
    // The host's view never draws ballots.
    await expect(control.getByTestId('ballot-chart')).toHaveCount(0);
    await panel.screenshot({ path: `${SCREENSHOTS}/charts-control-panel-${w}.png` });
    await control.screenshot({ path: `${SCREENSHOTS}/charts-control-${w}.png` });
    await control.context().close();
  }
});

test('the clerk sees each slot’s ballot totals by group with the dropped ones crossed out; the report prints them and the time chart in colour and in grey', async ({ host, browser }) => {
  await runTheAfternoon(host);
  for (const [w, h, locale] of [
    [1920, 1080, 'zh-CN'],
    [1280, 720, 'en'],
  ] as const) {
    const clerk = await page(browser, w, h, locale);
    if (w === 1920) await chooseClerkPin(clerk, host.clerkUrl);
    else {
      await clerk.goto(host.clerkUrl);
      await clerk.getByLabel(/^PIN$|^PIN 码$/).fill('482913');
      await clerk.getByRole('button', { name: /Open|进入/ }).click();
    }
    await clerk.getByTestId('slot-list').getByRole('button', { name: /科技经济运行局/ }).click();
    const chart = clerk.getByTestId('ballot-chart');
    await expect(chart.getByTestId('ballot-strip')).toHaveCount(3);
    const leaders = chart.locator('[data-group="leaders"]');
    // Five leaders: the 95 and the 70 are dropped, one each, crossed out and said in words; the others count.
    await expect(leaders.locator('.chart-dropped')).toHaveCount(2);
    await expect(leaders.locator('.chart-dot')).toHaveCount(3);
    await expect(leaders.getByTestId('ballot-value')).toContainText(locale === 'en' ? 'Group score 87.50' : '组得分 87.50');
    await expect(leaders.getByTestId('ballot-value')).toContainText(locale === 'en' ? 'dropped 95 and 70' : '去掉 95 和 70');
    // Two peers: nothing dropped.
    await expect(chart.locator('[data-group="peers"] .chart-dropped')).toHaveCount(0);
    await expect(chart.locator('[data-group="peers"] .chart-dot')).toHaveCount(2);
    await chart.scrollIntoViewIfNeeded();
    expect(await labelsOutside(clerk.locator('.clerk-slot')), 'labels outside the slot’s panel').toEqual([]);
    await clerk.screenshot({ path: `${SCREENSHOTS}/charts-clerk-${w}.png` });
    await clerk.context().close();
  }

  // The clerk's report: the ballot charts of both slots and the afternoon's time chart, printed by Chromium.
  const report = await page(browser, 1280, 900, 'zh-CN');
  await report.goto(`${host.origin}/report#token=${host.tokens.clerk}`);
  await expect(report.getByTestId('report-ballot-charts').getByTestId('ballot-chart')).toHaveCount(2);
  await expect(report.getByTestId('report-time-chart').getByTestId('time-row')).toHaveCount(4);
  // The chart says A's time as the report's time table beside it does.
  const tableUsed = (await report.locator('table.ranking-table').last().locator('tr', { hasText: '科技经济运行局' }).locator('td').nth(2).textContent()) ?? '';
  await expect(report.locator('[data-chart-slot="a"]').getByTestId('time-value')).toHaveText(new RegExp(`^${tableUsed} `));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await report.pdf({ path: `${SCREENSHOTS}/charts-report.pdf`, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', `${SCREENSHOTS}/charts-report.pdf`, `${SCREENSHOTS}/charts-report`]);
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '80', `${SCREENSHOTS}/charts-report.pdf`, `${SCREENSHOTS}/charts-report-gray`]);

  // The same report opened with the host's key has no ballot totals to draw, and says whose they are.
  const hosts = await page(browser, 1280, 900, 'en');
  await hosts.goto(`${host.origin}/report#token=${host.tokens.host}`);
  await expect(hosts.getByTestId('ballot-charts-clerk-only')).toBeVisible();
  await expect(hosts.getByTestId('ballot-chart')).toHaveCount(0);
  await expect(hosts.getByTestId('report-time-chart')).toHaveCount(1);
});

test('the big screen reveals the ranking as bars between speakers only: a clock that starts takes them off, and the cut-off covers all', async ({ host, browser }) => {
  await runTheAfternoon(host);
  for (const [w, h] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    const display = await page(browser, w, h, 'zh-CN');
    await display.goto(host.displayUrl);
    await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } }, { role: 'host' });
    const bars = display.getByTestId('ranking-bars');
    await expect(bars.getByTestId('result-row')).toHaveCount(1);
    // Only what the reveal shows: the second place alone, then both, best first.
    await expect(bars.getByTestId('result-row')).toContainText('高新东区商业中心工作组');
    await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 2 } }, { role: 'host' });
    await expect(bars.getByTestId('result-row')).toHaveCount(2);
    const finals = await bars.locator('.results-final').allTextContents();
    expect(finals).toHaveLength(2);
    await expect(bars.getByTestId('result-row').first()).toContainText('科技经济运行局');
    // Each bar's length is its score's share of 100, exactly as the score is written ("86.10" of 100 is 0.861).
    const shares = await bars.locator('.ranking-bar-fill').evaluateAll((els) => els.map((el) => el.getAttribute('data-share')));
    expect(shares).toEqual(finals.map((f) => String(Number(`0.${f.replace('.', '')}`))));
    await expect(display.getByText('得分（满分 100）')).toBeVisible();
    await display.screenshot({ path: `${SCREENSHOTS}/charts-display-reveal-${w}.png`, animations: 'disabled' });
    await host.engine.execute({ type: 'results.hide' }, { role: 'host' });
    await expect(bars).toHaveCount(0);
    await display.context().close();
  }

  // The ranking is up; D starts: the clock takes the screen at once and the bars are gone.
  const display = await page(browser, 1920, 1080, 'en');
  await display.goto(host.displayUrl);
  await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 2 } }, { role: 'host' });
  await expect(display.getByTestId('ranking-bars')).toBeVisible();
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await expect(display.getByTestId('digits')).toBeVisible();
  await expect(display.getByTestId('ranking-bars')).toHaveCount(0);
  // No reveal over a running clock, and at 0:00 the cut-off covers the screen with no bar anywhere.
  const refused = await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 2 } }, { role: 'host' });
  expect(refused.ok).toBe(false);
  await expect(display.getByTestId('cutoff')).toBeVisible({ timeout: 10_000 });
  await expect(display.getByTestId('ranking-bars')).toHaveCount(0);
  await display.screenshot({ path: `${SCREENSHOTS}/charts-display-cutoff-1920.png`, animations: 'disabled' });
});
