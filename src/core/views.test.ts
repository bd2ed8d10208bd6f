import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { demoMeeting } from './demo';
import type { MeetingEvent } from './events';
import type { MeetingState } from './state';
import type { Mono, Wall } from './time';
import { PHONE_INPUTS, reviewerParts, samePhoneViews, viewFor } from './views';

const event = (body: object, seq: number): MeetingEvent => ({ ...body, seq, at: (seq * 1000) as Mono, wall: (1_780_000_000_000 + seq) as Wall, by: { role: 'host' } }) as MeetingEvent;

function meeting(): MeetingState {
  const setup = demoMeeting();
  return apply(null, event({ type: 'meeting.created', setup }, 1));
}

describe('a phone’s view', () => {
  it('is made only of the parts PHONE_INPUTS names (every other part is left out or emptied)', () => {
    const state = meeting();
    const { shared } = reviewerParts(state);
    // Taken as they are: the same value as the state's (a constant null or false, as for `reveal`
    // and `blackout`, is not taken).
    const constant = (v: unknown) => v === null || v === false;
    const taken = Object.keys(shared).filter((key) => key !== 'seq' && !constant(shared[key as keyof typeof shared]) && shared[key as keyof typeof shared] === state[key as keyof MeetingState]);
    expect(taken.filter((key) => !(PHONE_INPUTS as readonly string[]).includes(key))).toEqual([]);
  });

  it('does not change while the timer runs, and changes when scoring opens', () => {
    const state = meeting();
    const slotId = state.slots[0]?.id ?? '';
    const started = apply(apply(state, event({ type: 'slot.entered', slotId }, 2)), event({ type: 'timer.started', slotId, phaseIndex: 0 }, 3));
    expect(samePhoneViews(state, started)).toBe(true);
    const reviewerId = state.scoring.reviewers[0]?.id ?? 'none';
    const strip = (s: MeetingState) => ({ ...viewFor(s, { role: 'reviewer', reviewerId }), seq: 0 });
    expect(strip(started)).toEqual(strip(state));
    const opened = apply(started, event({ type: 'scoring.opened', slotId }, 4));
    expect(samePhoneViews(started, opened)).toBe(false);
  });
});
