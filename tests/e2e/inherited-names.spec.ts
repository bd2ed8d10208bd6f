import type { BrowserContext, Page } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ID_PATTERN } from '../../src/core/ids';
import type { MeetingSetup } from '../../src/core/meeting';
import { commentPhase, speechPhase } from '../../src/core/meeting';
import { defaultScoring } from '../../src/core/scoring.setup';
import { startHost } from '../../src/host/index';
import { chooseClerkPin, expect, SCREENSHOTS, test } from './host.fixture';

// The views behind the first wall taken down, as tests/host/inherited-names.test.ts does for the
// host: ids as the pattern allowed them before it excluded the names every object has. Each view
// must then still read a slot's, a reviewer's or a group's entry only, never the member every
// object inherits (a function, where "nothing yet" or the entry should be shown).
const RELAXED = /^[A-Za-z0-9_-]{1,40}$/;

/** The host in this process: its one id pattern lets the names through (undone after the test). */
function relaxHostIds(): () => void {
  Object.defineProperty(ID_PATTERN, 'test', { value: (s: string) => RELAXED.test(s), configurable: true });
  return () => void delete (ID_PATTERN as { test?: unknown }).test;
}

/** A browser whose views do the same: their bundle's id pattern (known by its shape) lets the names through. */
async function relaxViewIds(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript((relaxed: string) => {
    const test = RegExp.prototype.test;
    const loose = new RegExp(relaxed);
    RegExp.prototype.test = function (this: RegExp, s: string) {
      const isIdPattern = this.source.startsWith('^(?!(?:') && this.source.endsWith(relaxed.slice(1));
      return test.call(isIdPattern ? loose : this, s);
    };
  }, RELAXED.source);
}

/** Four units and four reviewers, and the two groups, each with an id every object has as a member. */
function inheritedNames(): MeetingSetup {
  const phases = [speechPhase(60_000), commentPhase(60_000)];
  const scoring = defaultScoring('en');
  const unit = (id: string) => `Unit ${id.replace(/_/g, '')}`;
  return {
    title: 'Names 名称',
    sittings: [{ id: 'd1', title: 'One' }],
    slots: ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((id) => ({ id, sittingId: 'd1', unit: unit(id), speaker: `Speaker ${id}`, topic: '', phases })),
    scoring: {
      ...scoring,
      groups: [
        { id: 'constructor', name: 'Leaders 主要领导', weight: '0.6' },
        { id: 'toString', name: 'Peers 民主测评', weight: '0.4' },
      ],
      reviewers: [
        { id: '__proto__', name: 'Leader Proto', groupId: 'constructor', unit: '' },
        { id: 'constructor', name: 'Leader Constructor', groupId: 'constructor', unit: '' },
        { id: 'toString', name: 'Peer ToString', groupId: 'toString', unit: '' },
        { id: 'hasOwnProperty', name: 'Peer HasOwn', groupId: 'toString', unit: '' },
      ],
    },
  };
}

/**
 * Three units speak and are scored, each by all four reviewers; "hasOwnProperty" has not spoken,
 * so no dictionary has an entry for it.
 * Finals (0.6 × leaders' mean + 0.4 × peers' mean): toString 86.20, __proto__ 85.60, constructor 80.00.
 */
const BALLOTS: Record<'__proto__' | 'constructor' | 'toString', [string, string, string, string]> = {
  __proto__: ['90', '86', '80', '84'],
  constructor: ['70', '74', '90', '94'],
  toString: ['95', '91', '75', '77'],
};
const REVIEWERS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

async function page(ctx: BrowserContext, url: string): Promise<Page> {
  const p = await ctx.newPage();
  await p.goto(url);
  return p;
}

test('units, reviewers and groups whose ids every object has show their own names and scores in every view', async ({ browser }) => {
  const restore = relaxHostIds();
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-e2e-'));
  const host = await startHost({ meetingPath: join(dir, 'meeting.rostrum.jsonl'), port: 0, newMeeting: inheritedNames() });
  try {
    const run = async (command: Parameters<typeof host.engine.execute>[0]) => expect(await host.engine.execute(command, { role: 'host' })).toMatchObject({ ok: true });

    // The phone of reviewer "constructor": nothing to score yet, none of its own ballots.
    const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await relaxViewIds(phoneCtx);
    const phone = await page(phoneCtx, host.reviewerUrl('constructor') ?? '');
    await expect(phone.getByText(/Nothing to score|暂无可评分/)).toBeVisible();

    // Each unit speaks, then is scored: reviewer "constructor" on the phone (with a comment for the
    // last one), the others as their phones would.
    for (const [i, slotId] of (['__proto__', 'constructor', 'toString'] as const).entries()) {
      if (i > 0) await run({ type: 'slot.next' });
      await run({ type: 'timer.start' });
      await run({ type: 'phase.next' });
      for (const [r, reviewerId] of REVIEWERS.entries()) {
        const total = BALLOTS[slotId][r] ?? '';
        if (reviewerId === 'constructor') {
          const card = phone.locator('section.ballot-card', { has: phone.locator(`#slot-${slotId}`) });
          await card.locator(`#score-${slotId}-total`).fill(total);
          if (slotId === 'toString') await card.getByLabel(/Comment|点评意见/).fill('方向明确 Clear direction');
          await card.getByRole('button', { name: /Submit|提交/ }).click();
          await expect(card.getByTestId('ballot-status')).toHaveText(/Received|已收到/);
          continue;
        }
        const done = await host.engine.execute({ type: 'ballot.submit', slotId, submissionId: `names-${slotId}-${reviewerId}`, scores: [total], comment: '' }, { role: 'reviewer', reviewerId });
        expect(done).toMatchObject({ ok: true });
      }
    }
    // The phone lists its own ballots so far.
    await expect(phone.locator('section.ballot-card')).toHaveCount(3);
    await expect(phone.locator('.past')).toContainText('86');
    await expect(phone.locator('.past')).toContainText('74');
    await expect(phone.locator('.past')).toContainText('91');
    await phone.screenshot({ path: `${SCREENSHOTS}/inherited-names-phone-390.png` });

    for (const slotId of ['__proto__', 'constructor', 'toString']) await run({ type: 'scoring.lock', slotId });
    // The last speaker finishes: results go up between speakers.
    await run({ type: 'phase.next' });

    // The control view: every unit, all ballots in for the three that spoke, no count for the one that has not.
    const deskCtx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await relaxViewIds(deskCtx);
    const control = await page(deskCtx, host.controlUrl);
    await expect(control.locator('[data-action="start"]')).toBeEnabled();
    for (const slotId of ['__proto__', 'constructor', 'toString']) await expect(control.locator(`[data-slot="${slotId}"] [data-testid="ballots-in"]`)).toHaveText(/4\/4/);
    const waiting = control.locator('[data-slot="hasOwnProperty"]');
    await expect(waiting).toContainText('Unit hasOwnProperty');
    await expect(waiting.getByTestId('ballots-in')).toHaveCount(0);
    await control.screenshot({ path: `${SCREENSHOTS}/inherited-names-control-1280.png` });

    // The clerk: each reviewer's ballot under their name and group, the steps, and who has opened a card.
    const clerk = await deskCtx.newPage();
    await chooseClerkPin(clerk, host.clerkUrl);
    await clerk.getByTestId('slot-list').getByRole('button', { name: /Unit toString/ }).click();
    const tally = clerk.getByTestId('tally');
    await expect(tally.locator('tbody tr')).toHaveCount(4);
    await expect(tally.locator('tr', { hasText: 'Leader Constructor' })).toContainText('Leaders 主要领导');
    await expect(tally.locator('tr', { hasText: 'Leader Constructor' })).toContainText('方向明确 Clear direction');
    await expect(tally.locator('tr', { hasText: 'Peer HasOwn' })).toContainText('77');
    await expect(clerk.getByTestId('steps')).toContainText('86.20');
    await expect(clerk.getByTestId('claim-constructor')).toContainText(/phone [0-9a-f]{8}|手机 [0-9a-f]{8}/);
    for (const id of ['__proto__', 'toString', 'hasOwnProperty']) await expect(clerk.getByTestId(`claim-${id}`)).toContainText(/not opened yet|未打开/);
    await clerk.getByTestId('slot-list').getByRole('button', { name: /Unit hasOwnProperty/ }).click();
    await expect(clerk.getByText(/No ballots|暂无评分/).first()).toBeVisible();
    await clerk.screenshot({ path: `${SCREENSHOTS}/inherited-names-clerk-1280.png`, fullPage: true });

    // The big screen: the ranking revealed from the bottom up, each unit with its own score.
    const hallCtx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await relaxViewIds(hallCtx);
    const display = await page(hallCtx, host.displayUrl);
    for (let i = 0; i < 3; i++) await control.locator('[data-action="revealNext"]').click();
    const rows = display.getByTestId('result-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Unit toString');
    await expect(rows.nth(0)).toContainText('86.20');
    await expect(rows.nth(1)).toContainText('Unit proto');
    await expect(rows.nth(1)).toContainText('85.60');
    await expect(rows.nth(2)).toContainText('Unit constructor');
    await expect(rows.nth(2)).toContainText('80.00');
    await display.screenshot({ path: `${SCREENSHOTS}/inherited-names-display-1920.png`, animations: 'disabled' });

    // The report: the ranking, the unit that has not spoken, and the phone's comment.
    const report = await page(deskCtx, `${host.origin}/report#token=${host.tokens.clerk}`);
    const ranking = report.getByTestId('ranking');
    await expect(ranking.locator('tbody tr')).toHaveCount(3);
    await expect(ranking.locator('tbody tr').nth(0)).toContainText('Unit toString');
    await expect(ranking.locator('tbody tr').nth(0)).toContainText('86.20');
    await expect(report.getByText('方向明确 Clear direction')).toBeVisible();
    await expect(report.getByRole('row').filter({ hasText: 'Speaker hasOwnProperty' })).toHaveText('Unit hasOwnPropertySpeaker hasOwnProperty—');
    await report.screenshot({ path: `${SCREENSHOTS}/inherited-names-report-1280.png`, fullPage: true });
  } finally {
    await host.close();
    restore();
  }
});
