import { describe, expect, it } from 'vitest';
import { commentPhase, speechPhase } from './meeting';
import type { MeetingSetup } from './meeting';
import { forecast, plannedStartWall } from './schedule';
import { Rehearsal } from './test-support';
import { mono, wall } from './time';

const MIN = 60_000;
/** Two sittings of two 10-minute slots (8:00 speech, 2:00 comments); the first planned for 14:30. */
function plan(): MeetingSetup {
  const phases = [speechPhase(8 * MIN), commentPhase(2 * MIN)];
  return {
    title: 'T',
    sittings: [
      { id: 'd1', title: 'afternoon', start: '2026-02-14T14:30' },
      { id: 'd2', title: 'later' },
    ],
    slots: [
      { id: 'a', sittingId: 'd1', unit: 'A', speaker: '', topic: '', phases },
      { id: 'b', sittingId: 'd1', unit: 'B', speaker: '', topic: '', phases },
      { id: 'c', sittingId: 'd2', unit: 'C', speaker: '', topic: '', phases },
    ],
  };
}

// Rehearsal stamps each event's wall time as 1_700_000_000_000 + at; the planned start is read
// in this machine's time zone, so the test works out its mono instants from that.
const t0 = plannedStartWall(plan().sittings[0]!)! - 1_700_000_000_000;
const at = (mins: number) => ({ mono: mono(t0 + mins * MIN), wall: wall(1_700_000_000_000 + t0 + mins * MIN) });
const hhmm = (w: number | null) => (w === null ? null : Math.round((w - (1_700_000_000_000 + t0)) / MIN));

describe('the schedule', () => {
  it('before the meeting: each slot one after another from the planned start, ending on plan', () => {
    const r = new Rehearsal(plan(), t0 - 60 * MIN);
    const [d1, d2] = forecast(r.state, at(-60));
    expect(d1!.slots.map((s) => hhmm(s.expectedStart))).toEqual([0, 10]);
    expect(hhmm(d1!.projectedEnd)).toBe(20);
    expect(d1!.lateMs).toBe(0);
    // A sitting without a planned start follows the one before.
    expect(d2!.slots.map((s) => hhmm(s.expectedStart))).toEqual([20]);
    expect(d2!.lateMs).toBeNull();
    // Ten minutes past the planned start and nobody has begun: nothing is expected in the past.
    const [late] = forecast(r.state, at(10));
    expect(late!.slots.map((s) => hhmm(s.expectedStart))).toEqual([10, 20]);
    expect(late!.lateMs).toBe(10 * MIN);
  });

  it('a late start and an overrun push everything after them, and the sitting says how late it will end', () => {
    const r = new Rehearsal(plan(), t0);
    r.ok({ type: 'timer.start' }, t0 + 5 * MIN); // five minutes late
    r.boundary('warning', t0 + 11 * MIN).boundary('danger', t0 + 12.5 * MIN).boundary('zero', t0 + 13 * MIN);
    r.ok({ type: 'timer.letFinish' }, t0 + 13.5 * MIN);
    const [d1] = forecast(r.state, at(15)); // 2 minutes over the speech, comments (2:00) still to come
    expect(hhmm(d1!.slots[0]!.actualStart)).toBe(5);
    expect(d1!.slots.map((s) => hhmm(s.expectedStart))).toEqual([null, 17]);
    expect(hhmm(d1!.projectedEnd)).toBe(27);
    expect(d1!.lateMs).toBe(7 * MIN);
  });

  it('a slot marked absent takes no time; a heard slot counts at the time it really took', () => {
    const r = new Rehearsal(plan(), t0);
    r.ok({ type: 'slot.mark', slotId: 'b', status: 'absent' }, t0);
    r.ok({ type: 'timer.start' }, t0);
    r.ok({ type: 'phase.next' }, t0 + 6 * MIN);
    r.ok({ type: 'slot.next' }, t0 + 7 * MIN); // finished 3 minutes early
    const [d1, d2] = forecast(r.state, at(7));
    expect(d1!.slots.map((s) => [hhmm(s.actualStart), hhmm(s.expectedStart)])).toEqual([
      [0, null],
      [null, null],
    ]);
    expect(hhmm(d1!.projectedEnd)).toBe(7);
    expect(d1!.lateMs).toBe(-13 * MIN);
    // The next sitting's first slot is called up (ready): expected now, not in the past.
    expect(d2!.slots.map((s) => hhmm(s.expectedStart))).toEqual([7]);
  });

  it('the host sets, changes and removes a sitting’s planned start, and undo takes it back', () => {
    const r = new Rehearsal(plan(), 0);
    r.ok({ type: 'sitting.edit', sittingId: 'd2', fields: { start: '2026-02-15T08:30' } }, 0);
    expect(r.state.sittings[1]).toEqual({ id: 'd2', title: 'later', start: '2026-02-15T08:30' });
    r.ok({ type: 'sitting.edit', sittingId: 'd1', fields: { start: null } }, 0);
    expect(r.state.sittings[0]).toEqual({ id: 'd1', title: 'afternoon' });
    expect(r.run({ type: 'sitting.edit', sittingId: 'zz', fields: { start: null } }, 0)?.code).toBe('not_found');
    r.ok({ type: 'undo' }, 0);
    expect(r.state.sittings[0]?.start).toBe('2026-02-14T14:30');
  });
});
