import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { scoredMeeting } from '../fixtures/meetings';
import { expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: scoredMeeting() });

test('a reviewer gets in from the card alone: the short address, the code typed any way, a ballot within the thumb’s reach', async ({ host, browser }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const code = host.tokens.reviewerToken('l1') ?? '';
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();

  // The short address printed on the card, no key: the phone asks for the code.
  await phone.goto(`${host.origin}/review`);
  const field = phone.getByLabel(/code printed on your card|评分卡上的评分码/);
  await expect(field).toBeVisible();
  await phone.screenshot({ path: `${SCREENSHOTS}/review-code-entry-390.png` });
  await field.fill('ABCD-EFGH');
  await phone.getByRole('button', { name: /Start scoring|进入评分/ }).click();
  await expect(phone.getByRole('alert')).toHaveText(/not right|不对/);
  await field.fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
  await phone.getByRole('button', { name: /Start scoring|进入评分/ }).click();
  await expect(phone.getByText('Leader One')).toBeVisible();
  await expect(phone.getByText(/Nothing to score|暂无可评分/)).toBeVisible();
  // The code is kept in the address: a reload opens the ballot straight away.
  await phone.reload();
  await expect(phone.getByText('Leader One')).toBeVisible();

  // A's speech ends: the ballot opens. Tapping + on the empty field starts at 80, on the 0.5 grid.
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await host.engine.execute({ type: 'phase.next' }, { role: 'host' });
  const input = phone.locator('#score-a-total');
  await expect(input).toBeVisible();
  const more = phone.getByRole('button', { name: /More for|加分/ });
  await more.click();
  await expect(input).toHaveValue('80');
  await more.click();
  await expect(input).toHaveValue('80.5');
  await input.fill('85.3');
  await more.click();
  await expect(input).toHaveValue('85.5');

  // Submit sits at the bottom of the screen, within the thumb's reach, without scrolling.
  const submit = phone.getByRole('button', { name: /^Submit$|^提交$/ });
  const box = await submit.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  expect(box!.y).toBeGreaterThan(844 * 0.6);
  await phone.screenshot({ path: `${SCREENSHOTS}/review-ballot-390.png` });
  await submit.click();
  const done = phone.getByTestId('ballot-status');
  await expect(done).toContainText(/Submitted ✓|已提交 ✓/);
  const size = await done.locator('strong').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size, 'the confirmation is large').toBeGreaterThanOrEqual(28);
  await phone.screenshot({ path: `${SCREENSHOTS}/review-submitted-390.png` });
  expect(host.engine.current().ballots['a']?.['l1']?.scores).toEqual(['85.5']);
});

test('each card shows the meeting, the name, “扫码评分 / Scan to score”, the short address and the code, none of them broken', async ({ host, browser }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // As wide as an A4 sheet inside its 12 mm margins (186 mm at 96 dpi): the layout the PDF gets.
  const page = await (await browser.newContext({ viewport: { width: 703, height: 1000 } })).newPage();
  await page.goto(`${host.origin}/cards#token=${host.tokens.host}`);
  const cards = page.getByTestId('qr-card');
  await expect(cards).toHaveCount(5);
  await page.emulateMedia({ media: 'print' });
  const first = cards.first();
  await expect(first).toContainText('Test meeting 测试会议');
  await expect(first).toContainText('Leader One');
  await expect(first).toContainText('扫码评分 / Scan to score');
  const code = host.tokens.reviewerToken('l1') ?? '';
  await expect(first.getByTestId('card-code')).toHaveText(`${code.slice(0, 4)}-${code.slice(4)}`);
  await expect(first.getByTestId('card-url')).toHaveText(`${host.origin}/review`);
  // On one line each, and inside the card.
  for (const id of ['card-code', 'card-url']) {
    const lines = await cards.getByTestId(id).evaluateAll((els) => els.map((el) => el.getClientRects().length));
    expect(lines.every((n) => n === 1), id).toBe(true);
  }
  const overflow = await cards.evaluateAll((els) => els.filter((el) => [...el.querySelectorAll('*')].some((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5)).length);
  expect(overflow).toBe(0);
  await page.pdf({ path: `${SCREENSHOTS}/cards-onboarding.pdf`, format: 'A4', printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', `${SCREENSHOTS}/cards-onboarding.pdf`, `${SCREENSHOTS}/cards-onboarding`]);
});
