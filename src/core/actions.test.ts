import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey as forKey, actionState } from './actions';
import type { ActionState } from './actions';
import { defaultScoring } from './scoring.setup';
import type { MeetingState } from './state';
import { decide } from './decide';
import { Rehearsal } from './test-support';

const key = (code: string, mod = false, alt = false) => ({ code, mod, alt });
const actionForKey = (state: MeetingState, target: string | null, k: ReturnType<typeof key>) => forKey(actionState(state), target, k);

describe('host actions', () => {
  it('Space starts, pauses and resumes, depending on the moment', () => {
    const r = new Rehearsal();
    expect(actionForKey(r.state, null, key('Space'))?.name).toBe('start');
    r.ok({ type: 'timer.start' }, 0);
    expect(actionForKey(r.state, null, key('Space'))?.name).toBe('pause');
    r.ok({ type: 'timer.pause' }, 1);
    expect(actionForKey(r.state, null, key('Space'))?.name).toBe('resume');
  });

  it('a key with the wrong modifier does nothing', () => {
    const r = new Rehearsal().ok({ type: 'slot.edit', slotId: 'a', fields: { unit: 'x' } }, 0);
    expect(actionForKey(r.state, null, key('KeyZ'))).toBeUndefined();
    expect(actionForKey(r.state, null, key('KeyZ', true))?.name).toBe('undo');
  });

  it('moving a slot past the edge of its sitting carries it into the next one', () => {
    const r = new Rehearsal();
    const down = actionForKey(r.state, 'b', key('ArrowDown', false, true));
    expect(down?.command(actionState(r.state), 'b')).toEqual({ type: 'slot.move', slotId: 'b', sittingId: 'd2', index: 0 });
    const up = actionForKey(r.state, 'c', key('ArrowUp', false, true));
    expect(up?.command(actionState(r.state), 'c')).toEqual({ type: 'slot.move', slotId: 'c', sittingId: 'd1', index: 2 });
    expect(actionForKey(r.state, 'a', key('ArrowUp', false, true))).toBeUndefined();
  });

  it('every action the host may take is accepted by the host, in every situation', () => {
    const r = new Rehearsal();
    const situations = [
      () => r.state,
      () => r.ok({ type: 'timer.start' }, 0).state,
      () => r.ok({ type: 'timer.pause' }, 1).state,
      () => r.ok({ type: 'timer.resume' }, 2).boundary('zero', 6000).state,
      () => r.ok({ type: 'slot.mark', slotId: 'c', status: 'absent' }, 7000).state,
      () => r.ok({ type: 'scoring.configure', scoring: { ...defaultScoring(), reviewers: [{ id: 'l1', name: 'L', groupId: 'leaders', unit: '' }] } }, 7100).state,
      // The cut-off at 6000 opened scoring for "a".
      () => r.ok({ type: 'scoring.open', slotId: 'b' }, 7150).state,
      () => r.ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-1', scores: ['90'], comment: '' }, 7200, { role: 'reviewer', reviewerId: 'l1' }).state,
      () => r.ok({ type: 'slot.next' }, 7250).state,
      () => r.ok({ type: 'scoring.lock', slotId: 'a' }, 7260).state,
      () => r.ok({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } }, 7300).state,
      () => r.ok({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, 7400).state,
    ];
    for (const situation of situations) {
      const full = situation();
      const state: ActionState = actionState(full);
      for (const target of [null, 'a', 'b', 'c']) {
        for (const action of ACTIONS.filter((a) => a.allowed(state, target))) {
          const d = decide(full, action.command(state, target), () => 'x');
          expect(d.ok, `${action.name} on ${target} in ${state.live?.mode ?? 'idle'}`).toBe(true);
        }
      }
    }
  });
});

describe('scoring and reveal actions', () => {
  const scored = () =>
    new Rehearsal()
      .ok({ type: 'scoring.configure', scoring: { ...defaultScoring(), reviewers: [{ id: 'l1', name: 'L', groupId: 'leaders', unit: '' }] } }, 0)
      .ok({ type: 'scoring.open', slotId: 'a' }, 1)
      .ok({ type: 'scoring.open', slotId: 'b' }, 2);

  it('lock acts on the slot opened last when nothing is selected', () => {
    const r = scored();
    expect(actionForKey(r.state, null, key('KeyL'))?.command(actionState(r.state), null)).toEqual({ type: 'scoring.lock', slotId: 'b' });
  });

  it('only a locked slot with counted ballots can be revealed, bottom place first', () => {
    const r = scored();
    expect(actionForKey(r.state, 'a', key('KeyV'))).toBeUndefined();
    expect(actionForKey(r.state, null, key('KeyB'))).toBeUndefined();
    r.ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-1', scores: ['80'], comment: '' }, 3, { role: 'reviewer', reviewerId: 'l1' });
    r.ok({ type: 'ballot.submit', slotId: 'b', submissionId: 'submission-2', scores: ['90'], comment: '' }, 4, { role: 'reviewer', reviewerId: 'l1' });
    // Open, a slot's score is one reviewer's: it stays off the big screen.
    expect(actionForKey(r.state, 'a', key('KeyV'))).toBeUndefined();
    expect(actionForKey(r.state, null, key('KeyB'))).toBeUndefined();
    expect(r.run({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, 4)?.message).toBe('scoring for this slot is still open: lock it before showing its score');
    expect(r.run({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } }, 4)?.message).toBe('no locked slot has a result yet');
    r.ok({ type: 'scoring.lock', slotId: 'a' }, 4).ok({ type: 'scoring.lock', slotId: 'b' }, 4);
    expect(actionForKey(r.state, 'a', key('KeyV'))?.name).toBe('revealSlot');
    r.ok(actionForKey(r.state, null, key('KeyB'))?.command(actionState(r.state), null) ?? { type: 'undo' }, 5);
    expect(r.state.reveal).toEqual({ kind: 'ranking', shown: 1 });
    r.ok(actionForKey(r.state, null, key('KeyB', false, true))?.command(actionState(r.state), null) ?? { type: 'undo' }, 6);
    expect(r.state.reveal).toEqual({ kind: 'ranking', shown: 2 });
    expect(actionForKey(r.state, null, key('KeyB'))).toBeUndefined();
  });
});

describe('keys act on the slot the README names when nothing is selected', () => {
  const command = (r: Rehearsal, code: string) => actionForKey(r.state, null, key(code))?.command(actionState(r.state), null);

  it('A and S mark the on-deck slot: the one called up, or the next one while a speaker runs', () => {
    const r = new Rehearsal();
    expect(command(r, 'KeyA')).toEqual({ type: 'slot.mark', slotId: 'a', status: 'absent' });
    r.ok({ type: 'timer.start' }, 0);
    expect(command(r, 'KeyA')).toEqual({ type: 'slot.mark', slotId: 'b', status: 'absent' });
    expect(command(r, 'KeyS')).toEqual({ type: 'slot.mark', slotId: 'b', status: 'skipped' });
    r.ok(command(r, 'KeyA') ?? { type: 'undo' }, 1);
    expect(r.state.status['b']).toBe('absent');
    expect(command(r, 'KeyS')).toEqual({ type: 'slot.mark', slotId: 'c', status: 'skipped' });
    r.ok({ type: 'slot.next' }, 2);
    expect(r.state.live).toMatchObject({ slotId: 'c', mode: 'ready' });
    expect(command(r, 'KeyS')).toEqual({ type: 'slot.mark', slotId: 'c', status: 'skipped' });
  });

  it('L locks the slot still collecting ballots while the next speaker runs; O opens the one at the lectern', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'phase.next' }, 1000);
    expect(r.state.windows['a']).toBe('open');
    r.ok({ type: 'slot.next' }, 2000).ok({ type: 'timer.start' }, 2100);
    expect(r.state.live?.slotId).toBe('b');
    expect(command(r, 'KeyL')).toEqual({ type: 'scoring.lock', slotId: 'a' });
    expect(command(r, 'KeyO')).toEqual({ type: 'scoring.open', slotId: 'b' });
    r.ok({ type: 'scoring.lock', slotId: 'a' }, 2200);
    expect(actionForKey(r.state, null, key('KeyL'))).toBeUndefined();
  });
});
