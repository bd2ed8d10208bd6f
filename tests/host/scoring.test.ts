import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost, TestClient } from './support';
import type { ViewState } from '../../src/core/views';
import { viewFor } from '../../src/core/views';
import { defaultScoring } from '../../src/core/scoring.setup';
import { FakeTime } from './fake-time';

let host: Awaited<ReturnType<typeof startTestHost>>;
const clients: TestClient[] = [];
const open = async (token: string | undefined, view = 'control') => {
  const c = await TestClient.open(host.origin, token ?? 'missing', view);
  clients.push(c);
  await c.next('welcome');
  return c;
};
const ballot = (slotId: string, score: string, submissionId = `sub-${Math.random().toString(36).slice(2)}`) => ({
  type: 'ballot.submit',
  slotId,
  submissionId,
  scores: [score],
  comment: '',
});

beforeEach(async () => {
  host = await startTestHost({ newMeeting: scoredMeeting() });
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await host.close();
});

/** Unit A speaks and finishes its speech: scoring for it opens by itself. */
async function speechOfAEnds(): Promise<void> {
  await host.engine.execute({ type: 'timer.start' }, { role: 'host' });
  await host.engine.execute({ type: 'phase.next' }, { role: 'host' });
}

describe('ballots over the protocol', () => {
  it('opens scoring when the speech ends, and takes a reviewer’s ballot', async () => {
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    expect(await l1.command(ballot('a', '90'))).toMatchObject({ type: 'error', code: 'not_allowed', message: /not opened/ });
    await speechOfAEnds();
    expect(await l1.command(ballot('a', '90'))).toMatchObject({ type: 'ack' });
    expect(host.engine.current().ballots['a']?.['l1']?.scores).toEqual(['90']);
  });

  it('counts a retried submission once', async () => {
    await speechOfAEnds();
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    const first = await l1.command(ballot('a', '88', 'same-submission-id'));
    const retry = await l1.command(ballot('a', '88', 'same-submission-id'));
    expect(first).toMatchObject({ type: 'ack' });
    expect(retry).toMatchObject({ type: 'ack', seq: (first as { seq: number }).seq });
    expect(host.engine.current().ballots['a']?.['l1']?.submissions).toEqual(['same-submission-id']);
  });

  it('refuses a locked slot, the reviewer’s own unit, and a score out of range or off the step', async () => {
    await speechOfAEnds();
    const p1 = await open(host.tokens.reviewerToken('p1'), 'review');
    expect(await p1.command(ballot('a', '80'))).toMatchObject({ type: 'error', message: /own unit/ });
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    expect(await l1.command(ballot('a', '100.5'))).toMatchObject({ type: 'error', code: 'invalid', message: /outside 0–100/ });
    expect(await l1.command(ballot('a', '八十'))).toMatchObject({ type: 'error', code: 'bad_message', path: 'command.scores.0' });
    expect(await l1.command(ballot('a', '80.3'))).toMatchObject({ type: 'error', code: 'invalid', message: /multiple of 0.5/ });
    await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
    expect(await l1.command(ballot('a', '80'))).toMatchObject({ type: 'error', message: /locked/ });
    expect(host.engine.current().ballots['a']).toBeUndefined();
  });

  it('a reviewer cannot run the meeting, and sees only their own ballots', async () => {
    await speechOfAEnds();
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    const l2 = await open(host.tokens.reviewerToken('l2'), 'review');
    expect(await l1.command({ type: 'timer.pause' })).toMatchObject({ type: 'error', code: 'forbidden' });
    await l1.command(ballot('a', '91'));
    await l2.command(ballot('a', '72'));
    // The state that shows l1 its own ballot; of l2's ballot l1 hears nothing at all.
    const state = (await l1.next('state')).state;
    expect(l1.received('state')).toBe(false);
    expect(Object.keys(state.ballots['a'] ?? {})).toEqual(['l1']);
    expect(state.scoring.reviewers.map((r) => r.id)).toEqual(['l1']);
    expect(state.results).toEqual([]);
    expect(JSON.stringify(state)).not.toContain('"l2"');
    // Nor the timing records and undo history: they grow all day and would go to every phone.
    expect(host.engine.current().records['a']?.length).toBeGreaterThan(0);
    expect(state.records).toEqual({});
    expect(state.history).toEqual([]);
    // The phone's message is put together from a part shared by all phones and its own part: it
    // must be exactly the reviewer's view.
    expect({ ...state, seq: 0 }).toEqual({ ...viewFor(host.engine.current(), { role: 'reviewer', reviewerId: 'l1' }), seq: 0 });
  });

  it('a phone’s message is its view whether the change was to what all phones share or to its own ballots', async () => {
    await speechOfAEnds();
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    const exactly = async () => {
      let state = (await l1.next('state')).state;
      while (state.seq < host.engine.current().seq) state = (await l1.next('state')).state;
      expect(state).toEqual(viewFor(host.engine.current(), { role: 'reviewer', reviewerId: 'l1' }));
    };
    // Its own part and then what every phone shares change in turn: the host keeps what it last
    // sent each phone, and must never send a part that is out of date.
    await l1.command(ballot('a', '91'));
    await exactly();
    await host.engine.execute({ type: 'meeting.rename', title: '第二次 Second' }, { role: 'host' });
    await exactly();
    await l1.command(ballot('a', '88'));
    await exactly();
    await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
    await exactly();
  });

  it('a phone is sent nothing while the timer runs: its view does not change', async () => {
    await speechOfAEnds();
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    for (const command of [{ type: 'timer.adjust', deltaMs: 30_000 }, { type: 'timer.pause' }, { type: 'timer.resume' }] as const) {
      expect(await host.engine.execute(command, { role: 'host' })).toMatchObject({ ok: true });
    }
    // The ack comes after any state queued for this phone, so the first state it gets is its ballot's.
    await l1.command(ballot('a', '88'));
    expect((await l1.next('state')).state.ballots['a']?.['l1']?.scores).toEqual(['88']);
    expect(l1.received('state')).toBe(false);
  });

  it('the hall’s screens receive no score until the host reveals it', async () => {
    await speechOfAEnds();
    const display = await open(host.tokens.display, 'display');
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    await l1.command(ballot('a', '93.5'));
    // A ballot changes nothing the big screen shows: the next state it is sent is the next speaker
    // called (results go up between speakers), and it carries no score.
    await host.engine.execute({ type: 'slot.next' }, { role: 'host' });
    let state = (await display.next('state')).state;
    while (state.seq < host.engine.current().seq) state = (await display.next('state')).state;
    expect(state.results).toEqual([]);
    expect(JSON.stringify(state)).not.toContain('"93.5"');
    expect(state.scoring.reviewers).toEqual([]);
    // Open, the slot's score is one reviewer's: it cannot go on the big screen.
    expect(await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, { role: 'host' })).toMatchObject({ ok: false });
    await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
    expect(await host.engine.execute({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, { role: 'host' })).toMatchObject({ ok: true });
    state = (await display.next('state')).state;
    while (state.seq < host.engine.current().seq) state = (await display.next('state')).state;
    expect(state.results).toEqual([expect.objectContaining({ slotId: 'a', final: '93.50' })]);
    expect(state.ballots).toEqual({});
  });

  it('only the clerk receives individual ballots; the host sees who has submitted', async () => {
    await speechOfAEnds();
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    await l1.command(ballot('a', '81'));
    const res = (token: string) => fetch(`${host.origin}/api/v1/state`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<ViewState>);
    const clerk = await res(host.tokens.clerk);
    const control = await res(host.tokens.host);
    expect(clerk.ballots.a?.l1?.scores).toEqual(['81']);
    expect(control.ballots).toEqual({});
    expect(control.submitted).toEqual({ a: ['l1'] });
  });

  it('refuses wrong and removed reviewer keys', async () => {
    await expect(TestClient.open(host.origin, 'not-a-reviewer-key', 'review')).rejects.toThrow('HTTP 401');
    const token = host.tokens.reviewerToken('u1');
    const scoring = host.engine.current().scoring;
    await host.engine.execute({ type: 'scoring.configure', scoring: { ...scoring, reviewers: scoring.reviewers.filter((r) => r.id !== 'u1') } }, { role: 'host' });
    await expect(TestClient.open(host.origin, token ?? '', 'review')).rejects.toThrow('HTTP 401');
  });
});

describe('paper ballots over the protocol', () => {
  const paper = (reviewerId: string, score: string, entryId: string) => ({ type: 'paper.enter', slotId: 'a', reviewerId, entryId, scores: [score], comment: '' });

  it('only the clerk types them in; the host is refused, and so is a reviewer', async () => {
    await speechOfAEnds();
    const control = await open(host.tokens.host);
    const l1 = await open(host.tokens.reviewerToken('l1'), 'review');
    expect(await control.command(paper('u1', '70', 'entry-0001'))).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await l1.command(paper('u1', '70', 'entry-0001'))).toMatchObject({ type: 'error', code: 'forbidden' });
    const clerk = await open(host.tokens.clerk, 'clerk');
    expect(await clerk.command(paper('u1', '70', 'entry-0001'))).toMatchObject({ type: 'ack' });
    expect(await clerk.command(paper('u1', '70', 'entry-0002'))).toMatchObject({ type: 'ack' });
    expect(host.engine.current().paper['a']?.['u1']).toHaveLength(2);
  });

  it('the HTTP API applies the same rule: the host token cannot enter a paper ballot', async () => {
    await speechOfAEnds();
    const post = (token: string) =>
      fetch(`${host.origin}/api/v1/commands`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(paper('u1', '70', 'entry-0003')) });
    expect((await post(host.tokens.host)).status).toBe(403);
    expect((await post(host.tokens.clerk)).status).toBe(200);
  });
});

describe('automatic lock', () => {
  it('locks a slot the set number of minutes after it opened, and the log says the system did it', async () => {
    await host.close();
    const time = new FakeTime();
    const meeting = scoredMeeting();
    const scoring = meeting.scoring ?? defaultScoring();
    host = await startTestHost({ newMeeting: { ...meeting, scoring: { ...scoring, rules: { ...scoring.rules, autoLockMinutes: 2 } } }, clock: time, timers: time });
    await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
    time.advance(119_999);
    expect(host.engine.current().windows['a']).toBe('open');
    time.advance(1);
    await host.engine.settled();
    expect(host.engine.current().windows['a']).toBe('locked');
  });
});
