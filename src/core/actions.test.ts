import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey } from './actions';
import { decide } from './decide';
import { Rehearsal } from './test-support';

const key = (code: string, mod = false, alt = false) => ({ code, mod, alt });

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
    expect(down?.command(r.state, 'b')).toEqual({ type: 'slot.move', slotId: 'b', sittingId: 'd2', index: 0 });
    const up = actionForKey(r.state, 'c', key('ArrowUp', false, true));
    expect(up?.command(r.state, 'c')).toEqual({ type: 'slot.move', slotId: 'c', sittingId: 'd1', index: 2 });
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
    ];
    for (const situation of situations) {
      const state = situation();
      for (const target of [null, 'a', 'b', 'c']) {
        for (const action of ACTIONS.filter((a) => a.allowed(state, target))) {
          const d = decide(state, action.command(state, target), () => 'x');
          expect(d.ok, `${action.name} on ${target} in ${state.live?.mode ?? 'idle'}`).toBe(true);
        }
      }
    }
  });
});
