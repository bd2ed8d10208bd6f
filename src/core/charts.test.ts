import { describe, expect, it } from 'vitest';
import { ballotStrips, minuteTicks, rankingBars, rubricMax, scoreAxis, timeRows } from './charts';
import type { TimeRow } from './charts';
import type { GroupResult } from './results';
import { dec } from './scoring';
import { FOUR_CRITERIA } from './scoring.setup';
import { Rehearsal } from './test-support';
import { mono } from './time';

const row = (slotId: string, rows: TimeRow[]) => rows.find((r) => r.slotId === slotId);

describe('time used against time planned, per speaker', () => {
  it('a speaker cut off at 0:00 and let finish shows the overrun past plan, the overtime the hall saw and the cut-off', () => {
    // A's 5 s speech: cut off at 0:00, let finish, stopped 30.9 s later (the hall saw +0:30).
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).boundary('zero', 5000).ok({ type: 'timer.letFinish' }, 5200).ok({ type: 'phase.next' }, 35_900);
    const a = row('a', timeRows(r.state));
    expect(a).toMatchObject({ plannedMs: 5000, usedMs: 35_900, overtimeSeconds: 30, cutoff: true, overPlanMs: 30_900, status: 'live' });
    // Not yet heard: planned only, nothing used.
    expect(row('b', timeRows(r.state))).toMatchObject({ plannedMs: 5000, usedMs: null, overtimeSeconds: 0, cutoff: false, overPlanMs: 0, status: 'onDeck' });
  });

  it('a speaker within time has no overrun and no cut-off; one sitting can be asked for alone', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'phase.next' }, 4000).ok({ type: 'slot.next' }, 5000);
    const rows = timeRows(r.state, { sittingId: 'd1' });
    expect(rows.map((x) => x.slotId)).toEqual(['a', 'b']);
    expect(row('a', rows)).toMatchObject({ usedMs: 4000, overtimeSeconds: 0, cutoff: false, overPlanMs: 0, status: 'done' });
  });

  it('the speech at the lectern counts up to now from its anchors, and only with a clock', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 1000);
    expect(row('a', timeRows(r.state, { now: mono(3500) }))?.usedMs).toBe(2500);
    // +2 s past a 5 s speech that ran on (a soft reading of the clock: the boundary has not been recorded yet).
    expect(row('a', timeRows(r.state, { now: mono(8000) }))).toMatchObject({ usedMs: 7000, overtimeSeconds: 2, overPlanMs: 2000 });
    // The report reads the records alone.
    expect(row('a', timeRows(r.state))?.usedMs).toBe(0);
  });

  it('skipped and absent speakers are listed with their status and no time used', () => {
    const r = new Rehearsal().ok({ type: 'slot.mark', slotId: 'b', status: 'absent' }, 0);
    expect(row('b', timeRows(r.state))).toMatchObject({ status: 'absent', usedMs: null });
  });

  it('the time axis is in whole minutes, past the longest bar, at most about ten ticks', () => {
    const rows = (usedMs: number, plannedMs = 480_000) => [{ plannedMs, usedMs } as TimeRow];
    expect(minuteTicks(rows(512_000)).ticks.map((t) => t.label)).toEqual(['0:00', '1:00', '2:00', '3:00', '4:00', '5:00', '6:00', '7:00', '8:00', '9:00']);
    expect(minuteTicks(rows(0, 5000))).toEqual({ maxMs: 60_000, ticks: [{ ms: 0, label: '0:00' }, { ms: 60_000, label: '1:00' }] });
    const long = minuteTicks(rows(1_510_000, 1_200_000));
    expect(long.maxMs).toBe(1_800_000);
    expect(long.ticks.map((t) => t.label)).toEqual(['0:00', '5:00', '10:00', '15:00', '20:00', '25:00', '30:00']);
  });
});

describe('ballot totals per group, trimmed ones marked', () => {
  const group = (totals: string[], dropped: GroupResult['dropped'], score: string | null = null): GroupResult => ({ groupId: 'g', name: 'G', weight: '1', totals, dropped, score });

  it('marks exactly one highest and one lowest ballot of a trimmed group, even when another ballot has the same total', () => {
    const [strip] = ballotStrips([group(['90', '85.5', '90', '70', '88'], { high: '90', low: '70' }, '87.83')]);
    expect(strip?.points.map((p) => [p.total, p.trimmed, p.stack])).toEqual([
      ['70', 'low', 0],
      ['85.5', null, 0],
      ['88', null, 0],
      ['90', null, 0],
      ['90', 'high', 1],
    ]);
    expect(strip?.score).toBe('87.83');
  });

  it('marks nothing in a group too small to trim, and keeps the totals as exact text', () => {
    const [strip] = ballotStrips([group(['80.5', '79.5'], null)]);
    expect(strip?.points.map((p) => [p.total, p.at, p.trimmed])).toEqual([
      ['79.5', 79.5, null],
      ['80.5', 80.5, null],
    ]);
  });

  it('the score axis runs from a round ten below the lowest total to the rubric maximum', () => {
    expect(rubricMax(FOUR_CRITERIA).toString()).toBe('100');
    expect(scoreAxis(['75.5', '92'], dec(100))).toEqual({ from: 70, to: 100, ticks: [70, 75, 80, 85, 90, 95, 100] });
    expect(scoreAxis(['12'], dec(100)).ticks).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // No ballot yet, or all at the maximum: still a span to draw.
    expect(scoreAxis([], dec(100))).toMatchObject({ from: 90, to: 100 });
  });
});

describe('the ranking as bars', () => {
  it('only ranked places with a score, best first, each bar its share of the rubric maximum in exact decimals', () => {
    const bars = rankingBars(
      [
        { slotId: 'b', unit: 'B', rank: 2, final: '84.40', grade: 'good' },
        { slotId: 'o', unit: 'Open', rank: null, final: '99.00', grade: null },
        { slotId: 'a', unit: 'A', rank: 1, final: '86.10', grade: 'excellent' },
        { slotId: 'n', unit: 'Penalised', rank: 3, final: '-1.00', grade: 'needsWork' },
      ],
      dec(100),
    );
    expect(bars.map((b) => [b.slotId, b.rank, b.final, b.share])).toEqual([
      ['a', 1, '86.10', 0.861],
      ['b', 2, '84.40', 0.844],
      ['n', 3, '-1.00', 0],
    ]);
  });
});
