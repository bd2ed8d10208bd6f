import { describe, expect, it } from 'vitest';
import { speechPhase } from './meeting';
import { elapsedAt, nextBoundary, remainingAt, shownRemaining, stageAt } from './phase-clock';
import type { Live } from './state';
import type { Mono } from './time';

const spec = { ...speechPhase(10_000), warningMs: 4000, dangerMs: 2000 };
const at = (ms: number) => ms as Mono;
const running = (over: Partial<Live> = {}): Live => ({
  slotId: 'a',
  phaseIndex: 0,
  mode: 'running',
  startedAt: at(1000),
  elapsedBefore: 0,
  adjustMs: 0,
  letFinish: false,
  cutoffAt: null,
  fired: [],
  ...over,
});

describe('the phase clock', () => {
  it('counts from its anchors, not from ticks', () => {
    const live = running({ elapsedBefore: 2500 });
    expect(elapsedAt(live, at(4000))).toBe(5500);
    expect(remainingAt(live, spec, at(4000))).toBe(4500);
  });

  it('does not run while paused', () => {
    const live = running({ mode: 'paused', startedAt: null, elapsedBefore: 3000 });
    expect(elapsedAt(live, at(999_999))).toBe(3000);
  });

  it('moves the deadline with the host’s ±time', () => {
    expect(remainingAt(running({ adjustMs: 30_000 }), spec, at(1000))).toBe(40_000);
    expect(remainingAt(running({ adjustMs: -30_000 }), spec, at(1000))).toBe(0);
  });

  it('names the stage a screen must show', () => {
    const live = running();
    expect(stageAt(live, spec, at(1000))).toBe('normal');
    expect(stageAt(live, spec, at(6999))).toBe('normal');
    expect(stageAt(live, spec, at(7000))).toBe('warning');
    expect(stageAt(live, spec, at(9000))).toBe('danger');
    expect(stageAt(live, spec, at(11_000))).toBe('cutoff');
    expect(stageAt({ ...live, letFinish: true }, spec, at(12_000))).toBe('overtime');
    expect(stageAt(live, { ...spec, cutoff: 'soft' }, at(12_000))).toBe('overtime');
    expect(stageAt(running({ mode: 'paused', startedAt: null, elapsedBefore: 8500 }), spec, at(0))).toBe('paused');
    expect(stageAt(running({ mode: 'ready', startedAt: null }), spec, at(0))).toBe('ready');
  });

  it('never shows a hard phase below 0:00 unless the speaker was let to finish', () => {
    expect(shownRemaining(running(), spec, at(15_000))).toBe(0);
    expect(shownRemaining(running({ letFinish: true }), spec, at(15_000))).toBe(-4000);
    expect(shownRemaining(running(), { ...spec, cutoff: 'soft' }, at(15_000))).toBe(-4000);
  });

  it('gives the exact instant of the next boundary, skipping those already fired', () => {
    expect(nextBoundary(running(), spec)).toEqual({ boundary: 'warning', dueAt: 7000 });
    expect(nextBoundary(running({ fired: ['warning'] }), spec)).toEqual({ boundary: 'danger', dueAt: 9000 });
    expect(nextBoundary(running({ fired: ['warning', 'danger'], elapsedBefore: 500 }), spec)).toEqual({ boundary: 'zero', dueAt: 10_500 });
    expect(nextBoundary(running({ fired: ['warning', 'danger', 'zero'] }), spec)).toBeNull();
    expect(nextBoundary(running({ mode: 'paused', startedAt: null }), spec)).toBeNull();
  });

  it('skips boundaries a phase does not have', () => {
    expect(nextBoundary(running(), { ...spec, warningMs: null, dangerMs: null })).toEqual({ boundary: 'zero', dueAt: 11_000 });
  });
});
