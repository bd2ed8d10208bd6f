import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from './apply';
import type { Command } from './commands';
import { elapsedAt, grantedMs, remainingAt } from './phase-clock';
import { livePhase } from './rules';
import { apply } from './apply';
import type { Actor } from './events';
import { defaultScoring } from './scoring.setup';
import { Rehearsal, tinyMeeting } from './test-support';
import type { MeetingState } from './state';
import type { Mono } from './time';

/** Random host operations on the timer, and boundaries, at non-decreasing instants. */
const step = fc.oneof(
  fc.constantFrom<Command>({ type: 'timer.start' }, { type: 'timer.pause' }, { type: 'timer.resume' }, { type: 'timer.letFinish' }, { type: 'phase.next' }, { type: 'undo' }),
  fc.integer({ min: -2, max: 2 }).filter((n) => n !== 0).map((n): Command => ({ type: 'timer.adjust', deltaMs: n * 30_000 })),
  fc.constantFrom('warning', 'danger', 'zero'),
);
const script = fc.array(fc.tuple(step, fc.integer({ min: 0, max: 4000 })), { maxLength: 40 });

function play(steps: [Command | 'warning' | 'danger' | 'zero', number][]): { r: Rehearsal; checks: (() => void)[] } {
  const r = new Rehearsal();
  let t = 0;
  const checks: (() => void)[] = [];
  for (const [s, dt] of steps) {
    t += dt;
    if (typeof s === 'string') {
      if (r.state.live && r.state.live.mode === 'running') r.boundary(s, t);
    } else r.run(s, t);
    const phase = livePhase(r.state);
    if (!phase) continue;
    const at = t as Mono;
    const slotAdjust = phase.live.adjustMs;
    checks.push(() => {
      const elapsed = elapsedAt(phase.live, at);
      const remaining = remainingAt(phase.live, phase.spec, at);
      if (phase.live.mode !== 'cutoff' && phase.spec.durationMs + slotAdjust >= 0) {
        expect(remaining + elapsed).toBe(grantedMs(phase.live, phase.spec));
      }
    });
  }
  return { r, checks };
}

describe('timer properties', () => {
  it('elapsed time never runs backwards while the same phase is at the lectern', () => {
    fc.assert(
      fc.property(script, (steps) => {
        const r = new Rehearsal();
        let t = 0;
        let last: { key: string; elapsed: number; seq: number } | null = null;
        for (const [s, dt] of steps) {
          t += dt;
          if (typeof s === 'string') {
            if (r.state.live?.mode === 'running') r.boundary(s, t);
          } else if (s.type !== 'undo') r.run(s, t);
          const live = r.state.live;
          if (!live || live.mode === 'ready') continue;
          const key = `${live.slotId}/${live.phaseIndex}`;
          const elapsed = elapsedAt(live, t as Mono);
          if (last && last.key === key) expect(elapsed).toBeGreaterThanOrEqual(last.elapsed);
          last = { key, elapsed, seq: r.state.seq };
        }
      }),
    );
  });

  it('remaining + elapsed = planned + adjustments', () => {
    fc.assert(
      fc.property(script, (steps) => {
        play(steps).checks.forEach((c) => c());
      }),
    );
  });

  it('replaying the log rebuilds exactly the same meeting', () => {
    fc.assert(
      fc.property(script, (steps) => {
        const { r } = play(steps);
        expect(replay(r.events)).toEqual(r.state);
      }),
    );
  });

  it('a reboot shift moves running anchors and leaves the time used unchanged', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 1000);
    const before = elapsedAt(r.state.live!, 4000 as Mono);
    const shifted = replay([...r.events, { type: 'clock.rebased', shiftMs: -900, seq: 3, at: 3100 as Mono, wall: 0 as never, by: { role: 'system' } }]);
    expect(elapsedAt(shifted!.live!, 3100 as Mono)).toBe(before);
  });
});

describe('replaying a day of ballots', () => {
  const reviewers = ['r1', 'r2', 'r3', 'r4'];
  const panel = () => {
    const scoring = { ...defaultScoring(), reviewers: reviewers.map((id) => ({ id, name: id, groupId: 'leaders', unit: '' })) };
    return new Rehearsal({ ...tinyMeeting(), scoring });
  };
  /** Reviewers scoring (and re-scoring) open slots, interleaved with the host's and the clerk's work. */
  const move = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...reviewers), fc.integer({ min: 0, max: 100 })).map(([slotId, reviewerId, total]) => ({ kind: 'ballot' as const, slotId, reviewerId, total })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...reviewers)).map(([slotId, reviewerId]) => ({ kind: 'void' as const, slotId, reviewerId })) },
    { weight: 1, arbitrary: fc.constantFrom<Command>({ type: 'timer.start' }, { type: 'timer.pause' }, { type: 'phase.next' }, { type: 'undo' }, { type: 'scoring.lock', slotId: 'b' }).map((command) => ({ kind: 'host' as const, command })) },
  );

  it('gives exactly the state that applying the events one by one gives, also from a midway snapshot', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), fc.nat(), (moves, cut) => {
        const r = panel();
        for (const slotId of ['a', 'b', 'c']) r.ok({ type: 'scoring.open', slotId }, 1);
        let t = 1;
        for (const m of moves) {
          t += 10;
          if (m.kind === 'ballot') {
            const by: Actor = { role: 'reviewer', reviewerId: m.reviewerId };
            r.run({ type: 'ballot.submit', slotId: m.slotId, submissionId: `sub-${++n}-xxxxxx`, scores: [String(m.total)], comment: '' }, t, by);
          } else if (m.kind === 'void') r.run({ type: 'ballot.void', slotId: m.slotId, reviewerId: m.reviewerId }, t, { role: 'clerk' });
          else r.run(m.command, t);
        }
        const oneByOne = r.events.reduce<MeetingState | null>(apply, null);
        expect(replay(r.events)).toEqual(oneByOne);
        const at = 1 + (cut % r.events.length);
        expect(replay(r.events.slice(at), replay(r.events.slice(0, at)))).toEqual(oneByOne);
      }),
    );
  });

  it('keeps every submission of a reviewer who changed their mind within one run', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1);
    const by: Actor = { role: 'reviewer', reviewerId: 'r1' };
    r.ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'first-xxxxxx', scores: ['70'], comment: '' }, 2, by);
    r.ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'second-xxxxx', scores: ['90'], comment: 'better' }, 3, by);
    const ballot = replay(r.events)?.ballots.a?.r1;
    expect(ballot?.scores).toEqual(['90']);
    expect(ballot?.submissions).toEqual(['first-xxxxxx', 'second-xxxxx']);
  });
});
