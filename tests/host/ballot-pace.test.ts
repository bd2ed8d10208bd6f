import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BALLOT_PACE } from '../../src/core/ballot-pace';
import { scoredMeeting } from '../fixtures/meetings';
import { FakeTime } from './fake-time';
import { startTestHost, TestClient } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
let time: FakeTime;
beforeEach(async () => {
  time = new FakeTime();
  host = await startTestHost({ newMeeting: scoredMeeting(), clock: time, timers: time });
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  await host.engine.execute({ type: 'scoring.open', slotId: 'b' }, { role: 'host' });
});
afterEach(() => host.close());

const ballot = (slotId: string, score: string, submissionId: string) => ({ type: 'ballot.submit', slotId, submissionId, scores: [score], comment: '' });

describe('a reviewer changing a ballot again and again', () => {
  it('is told to wait, with a clear code and when, and the meeting’s log stops growing', async () => {
    const l1 = await TestClient.open(host.origin, host.tokens.reviewerToken('l1') ?? '', 'review');
    for (let i = 0; i < BALLOT_PACE.count; i++) expect(await l1.command(ballot('a', String(80 + i), `submission-a-${i}`))).toMatchObject({ type: 'ack' });
    const seq = host.engine.current().seq;
    time.advance(10_000);
    const refused = await l1.command(ballot('a', '99', 'submission-a-flood'));
    expect(refused).toMatchObject({ type: 'error', code: 'rate_limited', retryInMs: BALLOT_PACE.windowMs - 10_000, message: /taken again in 50 s/ });
    expect(host.engine.current().seq).toBe(seq);
    expect(host.engine.current().ballots['a']?.['l1']?.scores).toEqual([String(80 + BALLOT_PACE.count - 1)]);

    // A retry of a ballot already taken is still acknowledged; another slot and another reviewer are not held up.
    expect(await l1.command(ballot('a', String(80 + BALLOT_PACE.count - 1), `submission-a-${BALLOT_PACE.count - 1}`))).toMatchObject({ type: 'ack' });
    expect(await l1.command(ballot('b', '70', 'submission-b-0'))).toMatchObject({ type: 'ack' });
    const l2 = await TestClient.open(host.origin, host.tokens.reviewerToken('l2') ?? '', 'review');
    expect(await l2.command(ballot('a', '75', 'submission-l2-a'))).toMatchObject({ type: 'ack' });

    // Once the wait is over, the phone's resend of the same ballot is taken.
    time.advance(50_000);
    expect(await l1.command(ballot('a', '99', 'submission-a-flood'))).toMatchObject({ type: 'ack' });
    expect(host.engine.current().ballots['a']?.['l1']?.scores).toEqual(['99']);
    l1.close();
    l2.close();
  });
});
