import { describe, expect, it } from 'vitest';
import { speechPhase } from '../../core/meeting';
import type { Slot } from '../../core/meeting';
import type { Live } from '../../core/state';
import type { Mono } from '../../core/time';
import { frameAt } from './live-phase';

const spec = speechPhase(480_000);
const slot: Slot = { id: 'a', sittingId: 'd', unit: 'U', speaker: '', topic: '', phases: [spec] };
const live: Live = { slotId: 'a', phaseIndex: 0, mode: 'running', startedAt: 1000 as Mono, elapsedBefore: 0, adjustMs: 0, letFinish: false, cutoffAt: null, fired: [] };
const frame = (sinceStart: number, over: Partial<Live> = {}) => frameAt({ live: { ...live, ...over }, slot, spec }, 1000 + sinceStart);

describe('a frame of the countdown', () => {
  it('moves the bar when the digits flip, never between two flips', () => {
    // Every frame from 7:59 shown until the flip to 7:58: one text, one bar.
    const between = [1000.1, 1250, 1500, 1999.9].map((ms) => frame(ms));
    expect(new Set(between.map((f) => f.text))).toEqual(new Set(['7:59']));
    expect(new Set(between.map((f) => f.progress)).size).toBe(1);
    expect(between[0]?.progress).toBeCloseTo(1 / 480, 12);
    const flipped = frame(2000);
    expect(flipped.text).toBe('7:58');
    expect(flipped.progress).toBeCloseTo(2 / 480, 12);
  });

  it('is empty before the start, full at 0:00 and after it', () => {
    expect(frame(0, { mode: 'ready', startedAt: null }).progress).toBe(0);
    expect(frame(0).progress).toBe(0);
    expect(frame(480_000)).toMatchObject({ text: '0:00', progress: 1 });
    expect(frame(500_000, { letFinish: true })).toMatchObject({ text: '+0:20', progress: 1 });
  });

  it('follows added time, still moving only with the digits', () => {
    // 30 s added at the start: 8:30 granted, 8:29 shown after the first part of a second.
    expect(frame(400, { adjustMs: 30_000 })).toMatchObject({ text: '8:30', progress: 0 });
    const later = frame(1400, { adjustMs: 30_000 });
    expect(later.text).toBe('8:29');
    expect(later.progress).toBeCloseTo(1 / 510, 12);
  });
});
