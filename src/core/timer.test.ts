import { describe, expect, it } from 'vitest';
import { nextBoundary, remainingAt } from './phase-clock';
import { livePhase } from './rules';
import { Rehearsal } from './test-support';
import type { Mono } from './time';

const due = (r: Rehearsal) => {
  const p = livePhase(r.state);
  return p && nextBoundary(p.live, p.spec);
};

describe('running a speaker’s time', () => {
  it('start calls up the first speaker and runs the speech phase from that instant', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 100);
    expect(r.state.live).toMatchObject({ slotId: 'a', phaseIndex: 0, mode: 'running', startedAt: 100 });
    expect(r.state.records['a']).toEqual([expect.objectContaining({ phaseIndex: 0, plannedMs: 5000, cutoff: false })]);
  });

  it('pause keeps the time used; resume carries on from it', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'timer.pause' }, 1200);
    expect(r.state.live).toMatchObject({ mode: 'paused', elapsedBefore: 1200, startedAt: null });
    r.ok({ type: 'timer.resume' }, 10_000);
    expect(remainingAt(r.state.live!, r.state.slots[0]!.phases[0]!, 10_500 as Mono)).toBe(5000 - 1700);
  });

  it('at 0:00 of a hard phase the clock stops at exactly the granted time and the cut-off is recorded', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0);
    expect(due(r)).toEqual({ boundary: 'warning', dueAt: 2000 });
    r.boundary('warning', 2000).boundary('danger', 3500);
    expect(due(r)).toEqual({ boundary: 'zero', dueAt: 5000 });
    r.boundary('zero', 5000);
    expect(r.state.live).toMatchObject({ mode: 'cutoff', elapsedBefore: 5000, cutoffAt: 5000 });
    expect(r.state.records['a']?.[0]).toMatchObject({ cutoff: true, usedMs: 5000, overtimeMs: 0 });
    expect(due(r)).toBeNull();
  });

  it('a speaker let to finish counts overtime from the 0:00 instant, and it is recorded', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).boundary('zero', 5000).ok({ type: 'timer.letFinish' }, 9000);
    expect(remainingAt(r.state.live!, r.state.slots[0]!.phases[0]!, 12_000 as Mono)).toBe(-7000);
    r.ok({ type: 'phase.next' }, 12_000);
    expect(r.state.records['a']?.[0]).toMatchObject({ cutoff: true, usedMs: 12_000, overtimeMs: 7000 });
    expect(r.state.live).toMatchObject({ phaseIndex: 1, mode: 'running', startedAt: 12_000 });
  });

  it('a soft phase runs on past 0:00 without stopping', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'phase.next' }, 4000);
    r.boundary('zero', 64_000);
    expect(r.state.live?.mode).toBe('running');
    r.ok({ type: 'phase.next' }, 70_000);
    expect(r.state.records['a']?.[1]).toMatchObject({ usedMs: 66_000, overtimeMs: 6000, cutoff: false });
    expect(r.state.status['a']).toBe('done');
    expect(r.state.live).toMatchObject({ slotId: 'b', mode: 'ready' });
  });

  it('+30 s after the warning re-arms it; +30 s after the cut-off lets the speech run again', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).boundary('warning', 2000);
    r.ok({ type: 'timer.adjust', deltaMs: 30_000 }, 2500);
    expect(r.state.live?.fired).toEqual([]);
    expect(due(r)).toEqual({ boundary: 'warning', dueAt: 32_000 });
    r.boundary('warning', 32_000).boundary('danger', 33_500).boundary('zero', 35_000);
    r.ok({ type: 'timer.adjust', deltaMs: 30_000 }, 36_000);
    expect(r.state.live).toMatchObject({ mode: 'running', startedAt: 36_000, cutoffAt: null });
    expect(due(r)).toEqual({ boundary: 'warning', dueAt: 63_000 });
    expect(r.state.records['a']?.[0]).toMatchObject({ cutoff: true, grantedMs: 65_000 });
  });

  it('−30 s that jumps past a boundary leaves it due at once rather than silently skipped', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'timer.adjust', deltaMs: -30_000 }, 100);
    expect(due(r)?.boundary).toBe('warning');
    expect(due(r)!.dueAt).toBeLessThan(100);
  });

  it('refuses what is not possible now, and changes nothing', () => {
    const r = new Rehearsal();
    const before = r.state;
    expect(r.run({ type: 'timer.pause' }, 0)).toMatchObject({ code: 'not_allowed' });
    expect(r.run({ type: 'timer.letFinish' }, 0)).toMatchObject({ code: 'not_allowed' });
    expect(r.run({ type: 'phase.next' }, 0)).toMatchObject({ code: 'not_allowed' });
    expect(r.state).toBe(before);
  });
});
