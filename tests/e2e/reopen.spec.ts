import { scoredMeeting } from '../fixtures/meetings';
import { chooseClerkPin, expect, SCREENSHOTS, test } from './host.fixture';

test.use({ meeting: scoredMeeting() });

test('the clerk reopens a locked slot only with a reason; the clerk view and the report say when, who and why', async ({ host, browser }) => {
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  await host.engine.execute({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-a-l1', scores: ['88'], comment: '' }, { role: 'reviewer', reviewerId: 'l1' });
  await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
  // The plain "open" is refused on a locked slot: reopening needs its own command and a reason.
  expect(await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' })).toMatchObject({ ok: false });

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const clerk = await ctx.newPage();
  await chooseClerkPin(clerk, host.clerkUrl);
  await clerk.getByTestId('slot-list').getByRole('button', { name: /Unit A/ }).click();
  await clerk.getByTestId('reopen').getByRole('button', { name: 'Reopen…' }).click();
  await clerk.getByLabel('Why reopen? (recorded in the report)').fill('L2 handed in a paper ballot late');
  await clerk.getByRole('button', { name: 'Reopen scoring' }).click();
  await expect.poll(() => host.engine.current().windows['a']).toBe('open');
  await expect(clerk.getByTestId('reopen')).toContainText('reopened at');
  await expect(clerk.getByTestId('reopen')).toContainText('by the clerk: L2 handed in a paper ballot late');
  await clerk.screenshot({ path: `${SCREENSHOTS}/clerk-reopened-1280.png` });

  const report = await ctx.newPage();
  await report.goto(`${host.origin}/report#token=${host.tokens.clerk}`);
  await expect(report.getByText(/Scoring for Unit A reopened at .* by the clerk: L2 handed in a paper ballot late/)).toBeVisible();
});
