import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../../src/host/index';
import { panelMeeting } from '../fixtures/meetings';
import { chooseClerkPin, expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: panelMeeting() });

/** The ballots of the hall: phone ballots per slot and reviewer, and u2's paper ballot for slot a. */
const PHONE = {
  a: { l1: '90', l2: '86', p1: '80', p2: '84', u1: '88' },
  b: { l1: '92', l2: '90', p1: '85', u1: '75.5' },
} as const;
const PAPER_U2_A = '70';

/**
 * The expected final score worked out here from the rules, independently of the app: each group's
 * mean (fewer than 5 ballots: nothing dropped), weighted 0.5 / 0.3 / 0.2, in hundredths so the
 * arithmetic is exact, rounded half up to 2 decimals.
 */
function expectedFinal(groups: { leaders: number[]; peers: number[]; users: number[] }): string {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const hundredths = 50 * mean(groups.leaders) + 30 * mean(groups.peers) + 20 * mean(groups.users);
  return (Math.round(hundredths) / 100).toFixed(2);
}
const FINAL_A = expectedFinal({ leaders: [90, 86], peers: [80, 84], users: [88, 70] });
const FINAL_B = expectedFinal({ leaders: [92, 90], peers: [85], users: [75.5] });

async function reviewerPhone(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

const card = (page: Page, slotId: string) => page.locator('section.ballot-card', { has: page.locator(`#slot-${slotId}`) });

async function score(page: Page, slotId: string, total: string): Promise<void> {
  const c = card(page, slotId);
  await c.locator(`#score-${slotId}-total`).fill(total);
  await expect(c.getByTestId('total')).toHaveText(total.replace(/\.0$/, ''));
  await c.getByRole('button', { name: /Submit|提交/ }).click();
  await expect(c.getByTestId('ballot-status')).toHaveText(/Received|已收到/);
}

test('five phones and one paper ballot score two speakers; the big screen shows the numbers the rules give', async ({ host, browser }) => {
  expect([FINAL_A, FINAL_B]).toEqual(['84.40', '86.10']);
  const phones = Object.fromEntries(
    await Promise.all(['l1', 'l2', 'p1', 'p2', 'u1'].map(async (id) => [id, await reviewerPhone(browser, host.reviewerUrl(id) ?? '')] as const)),
  ) as Record<'l1' | 'l2' | 'p1' | 'p2' | 'u1', Page>;
  await expect(phones.l1.getByText(/Nothing to score|暂无可评分/)).toBeVisible();

  // A speaks; when the speech phase ends, scoring opens for A by itself. Then B.
  const speak = async () => {
    await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
    await host.engine.execute({ type: 'phase.next' }, { role: 'host' });
  };
  await speak();
  await card(phones.l1, 'a').getByLabel(/Comment|点评意见/).fill('思路清晰，措施具体。Clear plan.');
  for (const [id, total] of Object.entries(PHONE.a)) await score(phones[id as keyof typeof phones], 'a', total);
  await host.engine.execute({ type: 'slot.next' }, { role: 'host' });
  await speak();
  for (const [id, total] of Object.entries(PHONE.b)) await score(phones[id as keyof typeof phones], 'b', total);

  // p2 is from Unit B: their phone does not ask them to score it.
  await expect(card(phones.p2, 'b')).toHaveCount(0);
  await expect(card(phones.p2, 'a')).toBeVisible();
  await phones.l1.screenshot({ path: `${SCREENSHOTS}/reviewer-390.png` });
  await phones.p2.screenshot({ path: `${SCREENSHOTS}/reviewer-own-unit-390.png`, fullPage: true });

  // The clerk chooses a PIN, then types u2's paper ballot for A twice.
  const clerkCtx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const clerk = await clerkCtx.newPage();
  await chooseClerkPin(clerk, host.clerkUrl);
  await clerk.getByTestId('slot-list').getByRole('button', { name: /Unit A/ }).click();
  const enterPaper = async () => {
    await clerk.getByTestId('paper-reviewer').selectOption('u2');
    await clerk.locator('.paper-form input[inputmode=decimal]').fill(PAPER_U2_A);
    await clerk.getByRole('button', { name: /^Enter$|^录入$/ }).click();
  };
  await enterPaper();
  await expect(clerk.getByTestId('tally')).toContainText(/Needs second entry|待二次录入/);
  await enterPaper();
  await expect(clerk.getByTestId('tally')).not.toContainText(/Needs second entry|待二次录入/);
  await expect(clerk.getByTestId('steps')).toContainText(FINAL_A);
  await clerk.screenshot({ path: `${SCREENSHOTS}/clerk-1280.png` });

  // Nothing reached the hall yet.
  const displayCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await displayCtx.newPage();
  await display.goto(host.displayUrl);
  await expect(display.getByTestId('digits')).toBeVisible();
  await expect(display.locator('body')).not.toContainText(FINAL_A);

  // The last speaker is done (results go up between speakers); the host reveals the ranking from the bottom up.
  await host.engine.execute({ type: 'slot.next' }, { role: 'host' });
  const control = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await control.goto(host.controlUrl);
  // Only locked slots are ranked: A is locked from the engine, B (the last opened) with L's button.
  await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
  await control.locator('[data-action="lockScoring"]').click();
  await control.locator('[data-action="revealNext"]').click();
  await expect(display.getByTestId('result-row')).toHaveCount(1);
  await expect(display.getByTestId('result-row')).toContainText(FINAL_A);
  await expect(display.getByTestId('result-row')).toContainText('2');
  await control.locator('[data-action="revealNext"]').click();
  await expect(display.getByTestId('result-row')).toHaveCount(2);
  await expect(display.getByTestId('result-row').first()).toContainText(FINAL_B);
  await display.screenshot({ path: `${SCREENSHOTS}/results-ranking-1920.png`, animations: "disabled" });
  await control.screenshot({ path: `${SCREENSHOTS}/control-scoring-1920.png` });

  // One slot's score on its own.
  await control.locator('[data-slot="a"]').click();
  await control.locator('[data-action="revealSlot"]').click();
  await expect(display.getByTestId('result-final')).toHaveText(FINAL_A);
  await display.screenshot({ path: `${SCREENSHOTS}/results-slot-1920.png` });

  // The QR cards for the reviewers, on the network the host listens on.
  const cards = await control.context().newPage();
  await cards.goto(`${host.origin}/cards#token=${host.tokens.host}`);
  await expect(cards.getByTestId('qr-card')).toHaveCount(6);
  await cards.pdf({ path: `${SCREENSHOTS}/cards.pdf`, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${SCREENSHOTS}/cards.pdf`, `${SCREENSHOTS}/cards`]);

  // The report, printed to PDF by Chromium and turned into PNGs to look at.
  const report = await clerkCtx.newPage();
  await report.goto(`${host.origin}/report#token=${host.tokens.clerk}`);
  await expect(report.getByTestId('ranking')).toContainText(FINAL_B);
  await expect(report.getByText('思路清晰，措施具体。Clear plan.')).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await report.pdf({ path: `${SCREENSHOTS}/report.pdf`, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', `${SCREENSHOTS}/report.pdf`, `${SCREENSHOTS}/report`]);
});

test('a ballot submitted while the host is down is kept on the phone and counted once when it is back', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  const meetingPath = join(dir, 'meeting.rostrum.jsonl');
  let host = await startHost({ meetingPath, port: 0, newMeeting: panelMeeting() });
  const port = Number(new URL(host.origin).port);
  try {
    await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
    const phone = await reviewerPhone(browser, host.reviewerUrl('l1') ?? '');
    await expect(card(phone, 'a')).toBeVisible();

    await host.close();
    await expect(phone.getByTestId('offline')).toBeVisible();
    const c = card(phone, 'a');
    await c.locator('#score-a-total').fill('77.5');
    await c.getByRole('button', { name: /Submit|提交/ }).click();
    await expect(c.getByTestId('ballot-status')).toHaveText(/Saved on this phone|已保存在本机/);

    host = await startHost({ meetingPath, port });
    await expect(c.getByTestId('ballot-status')).toHaveText(/Received|已收到/, { timeout: 15_000 });
    const ballot = host.engine.current().ballots['a']?.['l1'];
    expect(ballot?.scores).toEqual(['77.5']);
    expect(ballot?.submissions).toHaveLength(1);
  } finally {
    await host.close();
  }
});

test('the host sets up scoring: four criteria, a roster from a CSV with its bad rows shown, then the phone in Chinese', async ({ host, browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const control = await ctx.newPage();
  await control.goto(host.controlUrl);
  await control.getByRole('button', { name: /Scoring setup|评分设置/ }).click();
  await control.getByTestId('rubric-preset').selectOption('four');
  const upload = (text: string) => control.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await upload('姓名,评分组,单位\n王评委,主要领导,\n李代表,评委组,Unit A\n');
  await expect(control.getByRole('alert')).toContainText('Row 3, group: unknown group "评委组"');
  await control.screenshot({ path: `${SCREENSHOTS}/control-setup-1280.png` });
  await upload('姓名,评分组,单位\n王评委,主要领导,\n李代表,民主测评,Unit A\n');
  await expect(control.getByText(/2 reviewers read/)).toBeVisible();
  await control.getByRole('button', { name: /^Save$|^保存$/ }).click();
  await expect.poll(() => host.engine.current().scoring.reviewers.map((r) => [r.name, r.groupId, r.unit])).toEqual([
    ['王评委', 'leaders', ''],
    ['李代表', 'peers', 'Unit A'],
  ]);
  // The preset is named in the language of the control view it was chosen in (English here).
  expect(host.engine.current().scoring.rubric.criteria.map((c) => c.name)).toEqual(['Theory and vision', 'Duty and commitment', 'Models and innovation', 'Plans and results']);

  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const phone = await phoneCtx.newPage();
  await phone.goto(host.reviewerUrl(host.engine.current().scoring.reviewers[0]?.id ?? '') ?? '');
  const c = card(phone, 'a');
  await expect(c.getByText('Theory and vision')).toBeVisible();
  for (const [i, v] of ['22.5', '20', '23', '24.5'].entries()) await c.locator('input[inputmode=decimal]').nth(i).fill(v);
  await c.getByRole('button', { name: 'Plans and results 加分' }).click();
  await expect(c.getByTestId('total')).toHaveText('90.5');
  await c.getByRole('button', { name: 'Plans and results 加分' }).click();
  await expect(c.getByTestId('total')).toHaveText('90.5');
  await phone.screenshot({ path: `${SCREENSHOTS}/reviewer-four-criteria-zh-390.png` });
  await c.getByRole('button', { name: '提交' }).click();
  await expect(c.getByTestId('ballot-status')).toHaveText(/已收到/);

  // The Chinese peer from Unit A is not asked to score Unit A.
  const peer = await phoneCtx.newPage();
  await peer.goto(host.reviewerUrl(host.engine.current().scoring.reviewers[1]?.id ?? '') ?? '');
  await expect(peer.getByText('当前发言来自您所在单位，您无需评分。')).toBeVisible();
});
