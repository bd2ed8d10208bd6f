import { scoredMeeting } from '../fixtures/meetings';
import { expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: scoredMeeting() });

test('once a ballot is in, the host changes the tie-break only with a reason, and the change is kept with it', async ({ host, browser }) => {
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  await host.engine.execute({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-a-l1', scores: ['88'], comment: '' }, { role: 'reviewer', reviewerId: 'l1' });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })).newPage();
  await page.goto(host.controlUrl);
  await page.getByRole('button', { name: '评分设置…' }).click();
  await expect(page.getByTestId('rules-frozen')).toContainText('规则已冻结');
  await page.getByTestId('tie-break').selectOption('peers');
  await page.screenshot({ path: `${SCREENSHOTS}/scoring-setup-frozen-1280.png` });

  // Without a reason the host refuses: nothing changes.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/frozen|冻结/).last()).toBeVisible();
  expect(host.engine.current().scoring.rules.tieBreakGroupId).toBeNull();

  await page.getByTestId('rules-reason').fill('评审委员会决定以民主测评分比较');
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => host.engine.current().scoring.rules.tieBreakGroupId).toBe('peers');
  expect(host.engine.current().scoringChanges).toMatchObject([{ kind: 'rules', role: 'host', reason: '评审委员会决定以民主测评分比较' }]);
});
